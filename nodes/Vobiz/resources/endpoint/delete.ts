import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		...endpointIdLocator,
		description: 'The SIP endpoint to delete. Devices registered with it are disconnected at once.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['delete'] } },
	properties,
);
