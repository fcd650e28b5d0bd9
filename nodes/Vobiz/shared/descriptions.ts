import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { assertCredentialFilled } from '../../shared/url';
import { assertFields } from '../../shared/validation';
import type { FieldRule } from '../../shared/validation';

const NOT_A_DOT_SEGMENT = /^(?!\.{1,2}$)[^\s]+$/;

/** The credential's Auth ID is the `{auth_id}` path segment of every endpoint call. */
export const authIdRule: FieldRule = {
	field: 'auth_id',
	label: 'Auth ID',
	required: true,
	pattern: NOT_A_DOT_SEGMENT,
	patternHint: 'an Auth ID such as MA_XXXXXXXX, without spaces, and not "." or ".."',
};

/**
 * preSend: `encodeURIComponent` leaves "." and ".." as they are, and either would move the request
 * to another path, so the Auth ID is checked before it is put into the URL. The problem is the
 * credential's, not the item's, and the message says so.
 */
export async function validateAuthIdForPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials('vobizSipApi');
	const authId = typeof credentials.authId === 'string' ? credentials.authId : '';
	// The same gate (and words) the credential's authenticate() applies, which runs after this.
	assertCredentialFilled({ 'Auth ID': authId });
	if (!authIdRule.pattern!.test(authId)) {
		const itemIndex = this.getItemIndex();
		throw new NodeOperationError(
			this.getNode(),
			`The credential's "Auth ID" cannot be used in a Vobiz URL: it must be ${authIdRule.patternHint} (item ${itemIndex})`,
			{
				itemIndex,
				description:
					'Open the Vobiz credential and paste the Auth ID again from the Vobiz console. Nothing was sent to Vobiz.',
			},
		);
	}
	return requestOptions;
}

/** preSend: checks query parameters (list filters) against Vobiz's documented types. */
export function validateQuery(rules: readonly FieldRule[]) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		assertFields(this, (requestOptions.qs ?? {}) as IDataObject, rules);
		return requestOptions;
	};
}

export const endpointIdRule: FieldRule = {
	field: 'endpointId',
	label: 'Endpoint',
	required: true,
	pattern: NOT_A_DOT_SEGMENT,
	patternHint: 'an endpoint ID such as 87654321, without spaces, and not "." or ".."',
};

const applicationIdRule = (field: string): FieldRule => ({
	field,
	label: 'Application',
	integer: true,
	minimum: 1,
});

/** Vobiz's documented limits on endpoint writes, keyed by Vobiz's body field names. */
export const createEndpointRules: readonly FieldRule[] = [
	{
		field: 'username',
		label: 'Username',
		required: true,
		pattern: /^[A-Za-z0-9]+$/,
		patternHint: 'letters and digits only',
	},
	{ field: 'password', label: 'Password', required: true, minLength: 8 },
	{
		field: 'alias',
		label: 'Alias',
		required: true,
		pattern: /^[A-Za-z0-9_-]+$/,
		patternHint: 'letters, digits, "-" and "_"',
	},
	applicationIdRule('application'),
];

// The alias character rule is documented for Create only; the update page's own example sets
// "John's Updated Desktop Phone", so Update does not enforce it.
export const updateEndpointRules: readonly FieldRule[] = [
	{ field: 'password', label: 'Password', minLength: 8 },
	applicationIdRule('application'),
];

export const listFilterRules: readonly FieldRule[] = [applicationIdRule('application_id__exact')];

export const endpointIdLocator: INodeProperties = {
	displayName: 'Endpoint',
	name: 'endpointId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The SIP endpoint to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an endpoint...',
			typeOptions: { searchListMethod: 'searchEndpoints', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 87654321',
		},
	],
};

// An app_id picked from the list arrives as text; Vobiz documents `application` as an integer.
const asInteger =
	'={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

function applicationLocator(
	name: string,
	description: string,
	send: { type: 'body' | 'query'; property: string },
): INodeProperties {
	return {
		displayName: 'Application',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an application...',
				typeOptions: { searchListMethod: 'searchApplications', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 98765432',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[0-9]+$',
							errorMessage: 'An application ID is a number (app_id)',
						},
					},
				],
			},
		],
		routing: { send: { ...send, value: asInteger } },
	};
}

/**
 * Node parameter → Vobiz body field, for every field Update can send. The update output lists the
 * Vobiz names of the fields that were sent.
 */
export const updateFieldNames: Readonly<Record<string, string>> = {
	password: 'password',
	alias: 'alias',
	application: 'application',
	allowVoice: 'allow_voice',
	allowMessage: 'allow_message',
	allowVideo: 'allow_video',
};

const allowVoice: INodeProperties = {
	displayName: 'Allow Voice',
	name: 'allowVoice',
	type: 'boolean',
	default: true,
	description: 'Whether the endpoint may make and receive voice calls (Vobiz default: on)',
	routing: { send: { type: 'body', property: 'allow_voice' } },
};

const allowMessage: INodeProperties = {
	displayName: 'Allow Message',
	name: 'allowMessage',
	type: 'boolean',
	default: true,
	description: 'Whether the endpoint may send and receive messages (Vobiz default: on)',
	routing: { send: { type: 'body', property: 'allow_message' } },
};

const allowVideo: INodeProperties = {
	displayName: 'Allow Video',
	name: 'allowVideo',
	type: 'boolean',
	default: false,
	description: 'Whether the endpoint may make video calls (Vobiz default: off)',
	routing: { send: { type: 'body', property: 'allow_video' } },
};

// Create-only flags: Vobiz refuses to change them later, so Update does not offer them.
const allowSameDomain: INodeProperties = {
	displayName: 'Allow Same Domain',
	name: 'allowSameDomain',
	type: 'boolean',
	default: true,
	description:
		'Whether the endpoint may call other endpoints of this account (Vobiz default: on). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
	routing: { send: { type: 'body', property: 'allow_same_domain' } },
};

const allowOtherDomains: INodeProperties = {
	displayName: 'Allow Other Domains',
	name: 'allowOtherDomains',
	type: 'boolean',
	default: false,
	description:
		'Whether the endpoint may call SIP addresses outside Vobiz (Vobiz default: off). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
	routing: { send: { type: 'body', property: 'allow_other_domains' } },
};

const allowPhones: INodeProperties = {
	displayName: 'Allow Phones',
	name: 'allowPhones',
	type: 'boolean',
	default: true,
	description:
		'Whether the endpoint may call phone numbers (Vobiz default: on). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
	routing: { send: { type: 'body', property: 'allow_phones' } },
};

const allowApps: INodeProperties = {
	displayName: 'Allow Apps',
	name: 'allowApps',
	type: 'boolean',
	default: true,
	description:
		'Whether the endpoint may call applications (Vobiz default: on). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
	routing: { send: { type: 'body', property: 'allow_apps' } },
};

export const passwordHelp =
	'SIP password, at least 8 characters. Vobiz never returns it. A new password signs out every device registered with the old one until it re-registers.';

/** Fields Create offers beyond the required username, password and alias. */
export const createOptionalFields: INodeProperties[] = [
	allowApps,
	allowMessage,
	allowOtherDomains,
	allowPhones,
	allowSameDomain,
	allowVideo,
	allowVoice,
	applicationLocator(
		'application',
		"The application that handles the endpoint's calls; when not set, Vobiz uses the account's default endpoint application",
		{ type: 'body', property: 'application' },
	),
	{
		displayName: 'Sub-Account',
		name: 'subAccount',
		type: 'string',
		default: '',
		description:
			'Create the endpoint under this sub-account (its Auth ID) instead of the main account',
		routing: { send: { type: 'body', property: 'sub_account' } },
	},
];

/** Fields Update offers: exactly what Vobiz's update call accepts. */
export const updateFields: INodeProperties[] = [
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		default: '',
		description: 'Friendly name for the endpoint',
		routing: { send: { type: 'body', property: 'alias' } },
	},
	allowMessage,
	allowVideo,
	allowVoice,
	applicationLocator(
		'application',
		"The application that handles the endpoint's calls from now on. Vobiz refuses an unknown application (400).",
		{ type: 'body', property: 'application' },
	),
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: passwordHelp,
		routing: { send: { type: 'body', property: 'password' } },
	},
];

export const listFilters: INodeProperties[] = [
	{
		displayName: 'Alias Contains',
		name: 'aliasContains',
		type: 'string',
		default: '',
		description: 'Only endpoints whose alias contains this text',
		routing: { send: { type: 'query', property: 'alias__contains' } },
	},
	{
		displayName: 'Alias Is',
		name: 'aliasExact',
		type: 'string',
		default: '',
		description: 'Only the endpoint with exactly this alias',
		routing: { send: { type: 'query', property: 'alias__exact' } },
	},
	applicationLocator('application', 'Only endpoints attached to this application', {
		type: 'query',
		property: 'application_id__exact',
	}),
	{
		displayName: 'Has No Application',
		name: 'applicationIsNull',
		type: 'boolean',
		default: true,
		description:
			'Whether to list only endpoints without an application (on) or only endpoints with one (off)',
		routing: { send: { type: 'query', property: 'application_id__isnull' } },
	},
	{
		displayName: 'Sub-Account',
		name: 'subAccount',
		type: 'string',
		default: '',
		description: 'Only endpoints of this sub-account (its Auth ID)',
		routing: { send: { type: 'query', property: 'sub_account' } },
	},
	{
		displayName: 'Username Contains',
		name: 'usernameContains',
		type: 'string',
		default: '',
		description: 'Only endpoints whose username contains this text',
		routing: { send: { type: 'query', property: 'username__contains' } },
	},
	{
		displayName: 'Username Is',
		name: 'usernameExact',
		type: 'string',
		default: '',
		description: 'Only the endpoint with exactly this username',
		routing: { send: { type: 'query', property: 'username__exact' } },
	},
	{
		displayName: 'Username Starts With',
		name: 'usernameStartsWith',
		type: 'string',
		default: '',
		description: 'Only endpoints whose username starts with this text',
		routing: { send: { type: 'query', property: 'username__startswith' } },
	},
];

export const lockedFieldsHelp =
	'Only the fields you add here are sent; the others stay as they are. Username, domain, Allow Same Domain, Allow Other Domains, Allow Phones and Allow Apps are not offered: Vobiz locks them once the endpoint exists (to change one, create a new endpoint and delete this one).';
