import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator, lockedFieldsHelp, updateFields } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	endpointIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: lockedFieldsHelp,
		options: updateFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['update'] } },
	properties,
);
