import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP registration';

export const fields: INodeProperties[] = [
	{
		displayName:
			'Ultravox stops registering with the PBX at once when the registration is deleted.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	registrationIdLocator,
];
