import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { addressIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [addressIdLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipAddress'], operation: ['get'] } },
	properties,
);
