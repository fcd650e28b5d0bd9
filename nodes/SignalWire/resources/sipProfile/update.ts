import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { sipProfileUpdateFields } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here are sent; the others stay as they are',
		options: sipProfileUpdateFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipProfile'], operation: ['update'] } },
	properties,
);
