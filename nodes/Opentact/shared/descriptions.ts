import type { INodeProperties } from 'n8n-workflow';
import type { FieldSpec } from '../../shared/fieldSpec';
import { locatorModes } from '../../shared/locator';
import { passwordSpec } from '../../shared/passwordFields';
import { pathSegmentPattern } from '../../shared/url';
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
	pattern: pathSegmentPattern('[^\\s/]+'),
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

export const domainLocator: INodeProperties = {
	displayName: 'SIP Domain',
	name: 'domain',
	required: true,
	description:
		'The SIP domain the user belongs to. Its name (e.g. abc.sip.opentact.org) is its ID.',
	...locatorModes({
		searchListMethod: 'searchSipDomains',
		listPlaceholder: 'Select a SIP domain...',
		idPlaceholder: 'e.g. abc.sip.opentact.org',
	}),
};

export const userIdLocator: INodeProperties = {
	displayName: 'SIP User',
	name: 'userId',
	required: true,
	description: 'The SIP user to work on (pick the SIP domain first to list its users)',
	...locatorModes({
		searchListMethod: 'searchSipUsers',
		listPlaceholder: 'Select a SIP user...',
		idPlaceholder: `e.g. ${UUID_EXAMPLE}`,
		idPattern: { regex: UUID_PATTERN.source, errorMessage: 'Not a SIP user UUID' },
	}),
};

/** Opentact documents no way to clear a SIP user's text field: "" would be sent with an unknown effect. */
const NO_CLEAR = {
	empty: 'refuse',
	emptyRefused: 'Opentact documents no way to clear it',
} as const;

/**
 * Every SIP user field a write sends, named and typed as Opentact documents them: ISIPUserNewParams
 * for Create; for Update the Modify SIP User page (is_active, email, last_name, first_name, password,
 * phone_number, tn_lease, dob, same_domain_calls_only, gender).
 */
export const SIP_USER_FIELDS: readonly FieldSpec[] = [
	{
		displayName: 'Login',
		name: 'login',
		type: 'string',
		default: '',
		placeholder: 'e.g. alice',
		description: 'The SIP username; the user registers as login@domain',
		create: 'required',
		update: false,
	},
	passwordSpec('The SIP password. Opentact never returns it.', {
		create: 'required',
		update: false,
	}),
	{
		displayName: 'Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description:
			'Whether the SIP user is enabled. Turn off to disable the user without deleting it.',
		send: 'is_active',
		create: false,
	},
	{
		displayName: 'Avatar URL',
		name: 'avatar',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/avatar.png',
		description: 'Link to a picture of the user',
		...NO_CLEAR,
		update: false,
	},
	{
		displayName: 'Date of Birth',
		name: 'dob',
		type: 'dateTime',
		default: '',
		description: 'Sent as a date-time string, the form Opentact answers it in',
		...NO_CLEAR,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address of the SIP user',
		...NO_CLEAR,
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		send: 'first_name',
		...NO_CLEAR,
	},
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: GENDERS.map((gender) => ({ name: gender, value: gender })),
		default: 'Other',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		send: 'last_name',
		...NO_CLEAR,
	},
	passwordSpec(
		'The new SIP password. Phones registered with the old one stop registering until they get it. Opentact never returns it.',
		{ ...NO_CLEAR, create: false },
	),
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +12025550123',
		description:
			'Phone number of the SIP user, as text (Opentact stores and answers it as a string)',
		send: 'phone_number',
		...NO_CLEAR,
	},
	{
		displayName: 'Same Domain Calls Only',
		name: 'sameDomainCallsOnly',
		type: 'boolean',
		default: false,
		description: 'Whether the SIP user accepts calls only from users of the same SIP domain',
		send: 'same_domain_calls_only',
	},
	{
		displayName: 'TN Lease ID',
		name: 'tnLease',
		type: 'string',
		default: '',
		placeholder: `e.g. ${UUID_EXAMPLE}`,
		description: 'UUID of a phone-number lease of your account to attach to the SIP user',
		send: 'tn_lease',
		limit: { pattern: UUID_PATTERN, patternHint: `a TN lease UUID such as ${UUID_EXAMPLE}` },
		...NO_CLEAR,
		create: false,
	},
];
