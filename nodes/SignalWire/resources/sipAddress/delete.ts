import type { INodeProperties } from 'n8n-workflow';
import { addressIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP address; calls and registrations to it stop at once';

export const fields: INodeProperties[] = [
	{
		...addressIdLocator,
		description: 'The SIP address to delete. Calls and registrations to it stop working at once.',
	},
];
