import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { registrationFields, registrationIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	registrationIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here are sent; the others stay as they are',
		options: registrationFields('update'),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['update'] } },
	properties,
);
