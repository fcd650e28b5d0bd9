import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, sipUserFields, userIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	userIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here are sent; the others stay as they are',
		options: sipUserFields('update'),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['update'] } },
	properties,
);
