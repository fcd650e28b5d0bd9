import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { registrationFields } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		description: 'The SIP username to register as (at most 60 characters)',
		routing: { send: { type: 'body', property: 'username' } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The SIP password for the username. Ultravox never returns it.',
		routing: { send: { type: 'body', property: 'password' } },
	},
	{
		displayName: 'Proxy',
		name: 'proxy',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. sip.example.com',
		description: 'The SIP server to register with (at most 100 characters)',
		routing: { send: { type: 'body', property: 'proxy' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: registrationFields('create'),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['create'] } },
	properties,
);
