import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [registrationIdLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['get'] } },
	properties,
);
