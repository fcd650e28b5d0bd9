import type { INodeProperties } from 'n8n-workflow';
import type { FieldRule } from '../../shared/validation';

/** Limits from Ultravox's OpenAPI (SipRegistration / PatchedSipRegistration). */
export const sipRegistrationRules: readonly FieldRule[] = [
	{ field: 'username', label: 'Username', maxLength: 60 },
	{ field: 'proxy', label: 'Proxy', maxLength: 100 },
	{ field: 'outboundProxy', label: 'Outbound Proxy', maxLength: 100 },
	{ field: 'authUser', label: 'Auth User', maxLength: 60 },
];

export const registrationIdRule: FieldRule = {
	field: 'registrationId',
	label: 'SIP Registration',
	required: true,
	pattern: /^(?!\.{1,2}$)[^\s]+$/,
	patternHint: 'a registration ID without spaces, and not "." or ".."',
};

export const registrationIdLocator: INodeProperties = {
	displayName: 'SIP Registration',
	name: 'registrationId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The SIP registration to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a registration...',
			typeOptions: { searchListMethod: 'searchSipRegistrations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 7d1c9a2e-…',
		},
	],
};

/** Body fields every registration write can set, with their documented limits as hints. */
export function registrationFields(kind: 'create' | 'update'): INodeProperties[] {
	const emptyClears = kind === 'update' ? ' Leave empty to clear it (sent as null).' : '';
	return [
		...(kind === 'update'
			? ([
					{
						displayName: 'Username',
						name: 'username',
						type: 'string',
						default: '',
						description: 'The SIP username to register as (at most 60 characters)',
						routing: { send: { type: 'body', property: 'username' } },
					},
					{
						displayName: 'Password',
						name: 'password',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description: 'The SIP password for the username. Ultravox never returns it.',
						routing: { send: { type: 'body', property: 'password' } },
					},
					{
						displayName: 'Proxy',
						name: 'proxy',
						type: 'string',
						default: '',
						placeholder: 'e.g. sip.example.com',
						description: 'The SIP server to register with (at most 100 characters)',
						routing: { send: { type: 'body', property: 'proxy' } },
					},
				] as INodeProperties[])
			: []),
		{
			displayName: 'Outbound Proxy',
			name: 'outboundProxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. proxy.trunk.com',
			description: `A proxy used to reach your SIP server for registration; most often unset (at most 100 characters).${emptyClears}`,
			routing: { send: { type: 'body', property: 'outboundProxy' } },
		},
		{
			displayName: 'Auth User',
			name: 'authUser',
			type: 'string',
			default: '',
			description: `The authentication username, if different from the SIP username; most often unset (at most 60 characters).${emptyClears}`,
			routing: { send: { type: 'body', property: 'authUser' } },
		},
	];
}
