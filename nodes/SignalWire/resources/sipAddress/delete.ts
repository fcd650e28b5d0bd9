import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { addressIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Calls and registrations to the deleted SIP address stop working at once.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	addressIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipAddress'], operation: ['delete'] } },
	properties,
);
