import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import {
	deviceFieldProperties,
	deviceLocator,
	domainLocator,
	userLocator,
} from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	userLocator,
	deviceLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here are sent; the others stay as they are',
		options: deviceFieldProperties('update'),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['update'] } },
	properties,
);
