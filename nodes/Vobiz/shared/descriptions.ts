import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { refusedItem } from '../../shared/refused';
import { assertCredentialFilled, pathSegmentPattern } from '../../shared/url';
import { assertFields } from '../../shared/validation';
import type { FieldSpec } from '../../shared/fieldSpec';
import { locatorModes } from '../../shared/locator';
import { passwordSpec } from '../../shared/passwordFields';
import type { FieldRule } from '../../shared/validation';

const NOT_A_DOT_SEGMENT = pathSegmentPattern('\\S+');

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
		throw refusedItem(
			this.getNode(),
			this.getItemIndex(),
			`The credential's "Auth ID" cannot be used in a Vobiz URL: it must be ${authIdRule.patternHint}`,
			{
				todo: 'Open the Vobiz credential and paste the Auth ID again from the Vobiz console.',
				vendor: 'Vobiz',
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

/** Vobiz documents `application` (and its list filter) as an app_id: a whole number. */
const applicationLimit = { integer: true, minimum: 1 };

export const listFilterRules: readonly FieldRule[] = [
	{ field: 'application_id__exact', label: 'Application', ...applicationLimit },
];

export const endpointIdLocator: INodeProperties = {
	displayName: 'Endpoint',
	name: 'endpointId',
	required: true,
	description: 'The SIP endpoint to work on',
	...locatorModes({
		searchListMethod: 'searchEndpoints',
		listPlaceholder: 'Select an endpoint...',
		idPlaceholder: 'e.g. 87654321',
	}),
};

// An app_id picked from the list arrives as text; Vobiz documents `application` as an integer.
const asInteger =
	'={{ /^\\d+$/.test(String($value).trim()) ? Number(String($value).trim()) : $value }}';

/** The Application picker: an app_id from the list or typed, sent as the integer Vobiz documents. */
const applicationLocator = locatorModes({
	searchListMethod: 'searchApplications',
	listPlaceholder: 'Select an application...',
	idPlaceholder: 'e.g. 98765432',
	idPattern: { regex: '^[0-9]+$', errorMessage: 'An application ID is a number (app_id)' },
});

/**
 * Every endpoint field a write sends, with Vobiz's limit next to it. The alias character rule is
 * documented for Create only; the update page's own example sets "John's Updated Desktop Phone", so
 * Update's alias is its own entry without it. The Allow Same Domain, Other Domains, Phones and Apps
 * flags are Create's only: Vobiz refuses to change them later.
 */
export const ENDPOINT_FIELDS: readonly FieldSpec[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		placeholder: 'e.g. johndesk',
		description:
			'SIP username: letters and digits only, unique in the account. Vobiz locks it once the endpoint exists.',
		limit: { pattern: /^[A-Za-z0-9]+$/, patternHint: 'letters and digits only' },
		create: 'required',
		update: false,
	},
	passwordSpec(
		'SIP password. Vobiz never returns it. A new password signs out every device registered with the old one until it re-registers.',
		{ limit: { minLength: 8 }, create: 'required' },
	),
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		default: '',
		placeholder: 'e.g. John-Desk',
		description: 'Friendly name for the endpoint: letters, digits, "-" and "_"',
		limit: { pattern: /^[A-Za-z0-9_-]+$/, patternHint: 'letters, digits, "-" and "_"' },
		create: 'required',
		update: false,
	},
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		default: '',
		description: 'Friendly name for the endpoint',
		create: false,
	},
	{
		displayName: 'Allow Apps',
		name: 'allowApps',
		type: 'boolean',
		default: true,
		description:
			'Whether the endpoint may call applications (Vobiz default: on). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
		send: 'allow_apps',
		update: false,
	},
	{
		displayName: 'Allow Message',
		name: 'allowMessage',
		type: 'boolean',
		default: true,
		description: 'Whether the endpoint may send and receive messages (Vobiz default: on)',
		send: 'allow_message',
	},
	{
		displayName: 'Allow Other Domains',
		name: 'allowOtherDomains',
		type: 'boolean',
		default: false,
		description:
			'Whether the endpoint may call SIP addresses outside Vobiz (Vobiz default: off). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
		send: 'allow_other_domains',
		update: false,
	},
	{
		displayName: 'Allow Phones',
		name: 'allowPhones',
		type: 'boolean',
		default: true,
		description:
			'Whether the endpoint may call phone numbers (Vobiz default: on). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
		send: 'allow_phones',
		update: false,
	},
	{
		displayName: 'Allow Same Domain',
		name: 'allowSameDomain',
		type: 'boolean',
		default: true,
		description:
			'Whether the endpoint may call other endpoints of this account (Vobiz default: on). Vobiz locks it once the endpoint exists; to change it, create a new endpoint and delete this one.',
		send: 'allow_same_domain',
		update: false,
	},
	{
		displayName: 'Allow Video',
		name: 'allowVideo',
		type: 'boolean',
		default: false,
		description: 'Whether the endpoint may make video calls (Vobiz default: off)',
		send: 'allow_video',
	},
	{
		displayName: 'Allow Voice',
		name: 'allowVoice',
		type: 'boolean',
		default: true,
		description: 'Whether the endpoint may make and receive voice calls (Vobiz default: on)',
		send: 'allow_voice',
	},
	{
		displayName: 'Application',
		name: 'application',
		...applicationLocator,
		description:
			"The application that handles the endpoint's calls; when not set, Vobiz uses the account's default endpoint application",
		sendValue: asInteger,
		limit: applicationLimit,
		update: false,
	},
	{
		displayName: 'Application',
		name: 'application',
		...applicationLocator,
		description:
			"The application that handles the endpoint's calls from now on. Vobiz refuses an unknown application (400).",
		sendValue: asInteger,
		limit: applicationLimit,
		create: false,
	},
	{
		displayName: 'Sub-Account',
		name: 'subAccount',
		type: 'string',
		default: '',
		description:
			'Create the endpoint under this sub-account (its Auth ID) instead of the main account',
		send: 'sub_account',
		update: false,
	},
];

/** Node parameter → Vobiz body field, for every field Update can send (the update output lists them). */
export const updateFieldNames: Readonly<Record<string, string>> = Object.fromEntries(
	ENDPOINT_FIELDS.filter((field) => field.update !== false).map((field) => [
		field.name,
		field.send ?? field.name,
	]),
);

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
	{
		displayName: 'Application',
		name: 'application',
		...applicationLocator,
		description: 'Only endpoints attached to this application',
		routing: { send: { type: 'query', property: 'application_id__exact', value: asInteger } },
	},
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
