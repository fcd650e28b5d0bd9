import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP endpoint; its devices are disconnected at once';

export const fields: INodeProperties[] = [
	{
		...endpointIdLocator,
		description: 'The SIP endpoint to delete. Devices registered with it are disconnected at once.',
	},
];
