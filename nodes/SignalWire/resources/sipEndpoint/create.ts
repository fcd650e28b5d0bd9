import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { passwordField, sipEndpointOptionalFields, usernameField } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{ ...usernameField, required: true },
	{ ...passwordField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sipEndpointOptionalFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipEndpoint'], operation: ['create'] } },
	properties,
);
