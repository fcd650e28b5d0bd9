import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP endpoint; its devices are disconnected at once';

export const fields: INodeProperties[] = [
	{
		displayName: 'Devices registered with the deleted endpoint are disconnected at once.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	endpointIdLocator,
];
