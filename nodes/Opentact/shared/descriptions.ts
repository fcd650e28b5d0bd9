import type { INodeProperties } from 'n8n-workflow';
import type { FieldRule } from '../../shared/validation';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_EXAMPLE = '0116f6d1-1280-44b2-9134-da48509ec575';

/** `EGender` in Opentact's API. */
export const GENDERS = ['Male', 'Female', 'Other'] as const;

/** The SIP domain name is both its ID and a path segment: `/sip/domain/{domain}/…`. */
export const domainRule: FieldRule = {
	field: 'domain',
	label: 'SIP Domain',
	required: true,
	pattern: /^(?!\.{1,2}$)[^\s/]+$/,
	patternHint:
		'a SIP domain name such as abc.sip.opentact.org, without spaces or "/", and not "." or ".."',
};

/** SIP users are addressed by their UUID (`components.schemas.UUID`). */
export const userIdRule: FieldRule = {
	field: 'userId',
	label: 'SIP User',
	required: true,
	pattern: UUID_PATTERN,
	patternHint: `a SIP user UUID such as ${UUID_EXAMPLE}`,
};

/** What Opentact documents about SIP user fields: the gender enum and the UUID of a number lease. */
export const sipUserRules: readonly FieldRule[] = [
	{ field: 'gender', label: 'Gender', oneOf: GENDERS },
	{
		field: 'tn_lease',
		label: 'TN Lease ID',
		pattern: UUID_PATTERN,
		patternHint: `a TN lease UUID such as ${UUID_EXAMPLE}`,
	},
];

/** Optional text fields whose empty value would be sent as "" — refused, see refuseEmptyFields. */
export const optionalTextFields = [
	{ field: 'avatar', label: 'Avatar URL' },
	{ field: 'dob', label: 'Date of Birth' },
	{ field: 'email', label: 'Email' },
	{ field: 'first_name', label: 'First Name' },
	{ field: 'last_name', label: 'Last Name' },
	{ field: 'password', label: 'Password' },
	{ field: 'phone_number', label: 'Phone Number' },
	{ field: 'tn_lease', label: 'TN Lease ID' },
] as const;

export const domainLocator: INodeProperties = {
	displayName: 'SIP Domain',
	name: 'domain',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The SIP domain the user belongs to. Its name (e.g. abc.sip.opentact.org) is its ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a SIP domain...',
			typeOptions: { searchListMethod: 'searchSipDomains', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. abc.sip.opentact.org',
		},
	],
};

export const userIdLocator: INodeProperties = {
	displayName: 'SIP User',
	name: 'userId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The SIP user to work on (pick the SIP domain first to list its users)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a SIP user...',
			typeOptions: { searchListMethod: 'searchSipUsers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${UUID_EXAMPLE}`,
			validation: [
				{
					type: 'regex',
					properties: { regex: UUID_PATTERN.source, errorMessage: 'Not a SIP user UUID' },
				},
			],
		},
	],
};

const send = (property: string) => ({ send: { type: 'body' as const, property } });

/**
 * The optional SIP user fields, named and typed as Opentact documents them: ISIPUserNewParams for
 * Create; for Update the Modify SIP User page (is_active, email, last_name, first_name, password,
 * phone_number, tn_lease, dob, same_domain_calls_only, gender).
 */
export function sipUserFields(kind: 'create' | 'update'): INodeProperties[] {
	const update = kind === 'update';
	const fields: Array<INodeProperties | false> = [
		update && {
			displayName: 'Active',
			name: 'isActive',
			type: 'boolean',
			default: true,
			description:
				'Whether the SIP user is enabled. Turn off to disable the user without deleting it.',
			routing: send('is_active'),
		},
		!update && {
			displayName: 'Avatar URL',
			name: 'avatar',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/avatar.png',
			description: 'Link to a picture of the user',
			routing: send('avatar'),
		},
		{
			displayName: 'Date of Birth',
			name: 'dob',
			type: 'dateTime',
			default: '',
			description: 'Sent as a date-time string, the form Opentact answers it in',
			routing: send('dob'),
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address of the SIP user',
			routing: send('email'),
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			routing: send('first_name'),
		},
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: GENDERS.map((gender) => ({ name: gender, value: gender })),
			default: 'Other',
			routing: send('gender'),
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			routing: send('last_name'),
		},
		update && {
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The new SIP password. Phones registered with the old one stop registering until they get it. Opentact never returns it.',
			routing: send('password'),
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +12025550123',
			description:
				'Phone number of the SIP user, as text (Opentact stores and answers it as a string)',
			routing: send('phone_number'),
		},
		{
			displayName: 'Same Domain Calls Only',
			name: 'sameDomainCallsOnly',
			type: 'boolean',
			default: false,
			description: 'Whether the SIP user accepts calls only from users of the same SIP domain',
			routing: send('same_domain_calls_only'),
		},
		update && {
			displayName: 'TN Lease ID',
			name: 'tnLease',
			type: 'string',
			default: '',
			placeholder: `e.g. ${UUID_EXAMPLE}`,
			description: 'UUID of a phone-number lease of your account to attach to the SIP user',
			routing: send('tn_lease'),
		},
	];
	return fields.filter((field): field is INodeProperties => field !== false);
}
