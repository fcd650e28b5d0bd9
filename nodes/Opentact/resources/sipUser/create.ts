import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, sipUserFields } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{ ...domainLocator, description: 'The SIP domain to create the user in' },
	{
		displayName: 'Login',
		name: 'login',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. alice',
		description: 'The SIP username; the user registers as login@domain',
		routing: { send: { type: 'body', property: 'login' } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The SIP password. Opentact never returns it.',
		routing: { send: { type: 'body', property: 'password' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sipUserFields('create'),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['create'] } },
	properties,
);
