import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import {
	addressIdLocator,
	addressNameField,
	sipAddressOptionalFields,
	sortedByName,
} from '../../shared/descriptions';

const properties: INodeProperties[] = [
	addressIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields you add here are sent; the others stay as they are. The calling handler cannot be changed.',
		options: sortedByName([...sipAddressOptionalFields, addressNameField]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipAddress'], operation: ['update'] } },
	properties,
);
