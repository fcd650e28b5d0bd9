import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { addressIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		...addressIdLocator,
		description: 'The SIP address to delete. Calls and registrations to it stop working at once.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipAddress'], operation: ['delete'] } },
	properties,
);
