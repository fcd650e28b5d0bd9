import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		...endpointIdLocator,
		description: 'The SIP endpoint to delete permanently. Devices registered with it stop working.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipEndpoint'], operation: ['delete'] } },
	properties,
);
