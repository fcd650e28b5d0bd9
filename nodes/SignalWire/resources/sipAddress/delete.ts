import type { INodeProperties } from 'n8n-workflow';
import { addressIdLocator } from '../../shared/descriptions';

export const description = 'Delete a SIP address; calls and registrations to it stop at once';

export const fields: INodeProperties[] = [
	{
		displayName: 'Calls and registrations to the deleted SIP address stop working at once.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	addressIdLocator,
];
