import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [domainLocator, userIdLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['get'] } },
	properties,
);
