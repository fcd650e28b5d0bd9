import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP registration';

export const fields: INodeProperties[] = [
	{
		...registrationIdLocator,
		description:
			'The SIP registration to delete. Ultravox stops registering with that PBX at once.',
	},
];
