import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP endpoint (legacy) permanently';

export const fields: INodeProperties[] = [
	{
		...endpointIdLocator,
		description: 'The SIP endpoint to delete permanently. Devices registered with it stop working.',
	},
];
