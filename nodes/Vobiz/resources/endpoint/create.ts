import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { createOptionalFields, passwordHelp } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. johndesk',
		description:
			'SIP username: letters and digits only, unique in the account. Vobiz locks it once the endpoint exists.',
		routing: { send: { type: 'body', property: 'username' } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: passwordHelp,
		routing: { send: { type: 'body', property: 'password' } },
	},
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. John-Desk',
		description: 'Friendly name for the endpoint: letters, digits, "-" and "_"',
		routing: { send: { type: 'body', property: 'alias' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here are sent; Vobiz applies its defaults to the others',
		options: createOptionalFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['create'] } },
	properties,
);
