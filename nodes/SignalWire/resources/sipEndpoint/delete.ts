import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP endpoint (legacy) permanently';

export const fields: INodeProperties[] = [
	{
		displayName:
			'The SIP endpoint is deleted permanently. Devices registered with it stop working.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	endpointIdLocator,
];
