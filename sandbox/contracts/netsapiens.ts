import type { JsonSchema, VendorContract } from './types';

/*
 * NetSapiens ns-api v2 (v45.0), from its API reference: https://docs.ns-api.com/v45.0/reference/updatedevice
 * and the device, API key, domain, token and version pages beside it (https://docs.ns-api.com/docs).
 * Answers are open objects (fields not listed here are not checked); request bodies are closed by
 * the checker, so a field NetSapiens would not accept is refused.
 */

const text: JsonSchema = { type: 'string' };
const readOnlyText: JsonSchema = { type: 'string', readOnly: true };
const yesNo: JsonSchema = { type: 'string', enum: ['yes', 'no'] };
const nullableText: JsonSchema = { type: ['string', 'null'] };
const readOnlyTime: JsonSchema = { type: ['string', 'null'], format: 'date-time', readOnly: true };

/** A domain name, or `*` for every domain. */
const domainName: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9._-]+|\\*', maxLength: 64 };

/** `{code, message}`: both the error shape and the 202 "Accepted" answer. */
const codeAndMessage: JsonSchema = {
	type: 'object',
	properties: { code: { type: 'integer' }, message: text },
	required: ['code', 'message'],
};
const emptyObject: JsonSchema = { type: 'object', properties: {} };

/** The device fields create and update share: settings plus read-only registration status. */
const deviceSettings: Record<string, JsonSchema> = {
	'device-sip-registration-uri': readOnlyText,
	'device-sip-registration-state': {
		type: 'string',
		enum: ['registered', 'unregistered'],
		readOnly: true,
	},
	'device-sip-registration-password': { type: 'string', format: 'password' },
	'caller-id-number-emergency': text,
	'device-force-notify-new-voicemails-enabled': yesNo,
	'device-level-call-recording-enabled': yesNo,
	'device-push-enabled': yesNo,
	'device-sip-registration-contact': readOnlyText,
	'device-sip-registration-core-server': { type: 'string', format: 'hostname', readOnly: true },
	'device-sip-registration-datetime': readOnlyTime,
	'device-sip-registration-expires-datetime': readOnlyTime,
	'device-sip-registration-expiry-seconds': { type: 'integer' },
	'device-sip-registration-ignore-for-presence-calculation': yesNo,
	'device-sip-registration-ignore-report-enabled': yesNo,
	'device-sip-registration-ip-address': readOnlyText,
	'device-sip-registration-user-agent': readOnlyText,
	'device-sip-no-to-tag-in-cancel': yesNo,
	'device-srtp-enabled': { type: 'string', enum: ['yes', 'no', 'opportunistic'] },
	'auto-answer-enabled': yesNo,
	'device-sip-allowed-user-agent': text,
	'device-sip-nat-traversal-enabled': {
		type: 'string',
		enum: ['automatic', 'none', 'never', 'fixed'],
	},
	'device-sip-latency-seconds-current': { type: 'number', readOnly: true },
	'device-sip-latency-seconds-average': { type: 'number', readOnly: true },
	'emergency-address-id': nullableText,
	'error-reading-from-endpoint-module': readOnlyText,
	'login-username': readOnlyText,
	'name-full-name': readOnlyText,
	'device-models-model': text,
	'device-provisioning-mac-address': text,
	'device-provisioning-registration-core-server': text,
	'device-provisioning-sip-transport-protocol': { type: 'string', enum: ['udp', 'tcp', 'tls'] },
	'device-provisioning-username': nullableText,
	'device-provisioning-password': nullableText,
	'device-provisioning-line': { type: 'integer' },
	'device-provisioning-overrides': text,
	'recording-configuration': {
		type: 'string',
		enum: ['yes', 'yes-with-transcription', 'yes-with-transcription-and-sentiment', 'no'],
	},
};

const device: JsonSchema = {
	type: 'object',
	properties: { device: text, user: text, domain: domainName, ...deviceSettings },
	required: ['device', 'user', 'domain'],
};
const devices: JsonSchema = { type: 'array', items: device };
const count: JsonSchema = {
	type: 'object',
	properties: { total: { type: 'integer' } },
	required: ['total'],
};

/** Create names the device; `synchronous: "yes"` asks for the device back (200) instead of 202. */
const deviceCreate: JsonSchema = {
	type: 'object',
	properties: { synchronous: { ...yesNo, writeOnly: true }, device: text, ...deviceSettings },
	required: ['device'],
};
const deviceUpdate: JsonSchema = { type: 'object', properties: deviceSettings };

/** The API key the request carries (`GET /apikeys/~`); `allowed-models` is not checked. */
const apiKey: JsonSchema = {
	type: 'object',
	properties: {
		description: { type: 'string', minLength: 12 },
		'key-id': { type: 'string', minLength: 12, maxLength: 12 },
		key: readOnlyText,
		reseller: text,
		user: text,
		domain: domainName,
		'user-scope': {
			type: 'string',
			enum: [
				'Basic User',
				'Simple User',
				'Advanced User',
				'Call Center Agent',
				'Call Center Supervisor',
				'Office Manager',
				'Reseller',
				'Super User',
				'NDP',
			],
		},
		'ip-address': text,
		readonly: yesNo,
		'can-create-keys': yesNo,
		'created-datetime': { type: 'string', format: 'date-time', readOnly: true },
		'lastused-datetime': readOnlyTime,
	},
	required: ['description', 'key-id', 'reseller', 'domain'],
};

/** The domain fields the pack reads; the rest of a domain's settings are not checked. */
const domain: JsonSchema = {
	type: 'object',
	properties: {
		domain: domainName,
		reseller: text,
		description: text,
		'domain-type': { type: 'string', enum: ['Standard', 'Residential', 'Hospitality'] },
	},
	required: ['domain', 'reseller', 'description'],
};

/** `POST /tokens`: one body shape for the password, refresh-token and MFA grants. */
const tokenRequest: JsonSchema = {
	type: 'object',
	properties: {
		grant_type: { type: 'string', enum: ['mfa', 'password', 'refresh_token'] },
		client_id: text,
		client_secret: text,
		username: text,
		password: { type: 'string', format: 'password' },
		mfa_type: text,
		mfa_vendor: text,
		ns_id_type: { type: 'string', enum: ['subscriber', 'level1'] },
		passcode: text,
		access_token: text,
	},
	required: [
		'grant_type',
		'client_id',
		'client_secret',
		'username',
		'password',
		'mfa_type',
		'mfa_vendor',
		'ns_id_type',
		'passcode',
		'access_token',
	],
};
const tokenFields = [
	'username',
	'user',
	'territory',
	'domain',
	'site',
	'group',
	'department',
	'uid',
	'login',
	'scope',
	'user_email',
	'displayName',
	'access_token',
	'token_type',
	'refresh_token',
	'client_id',
	'apiversion',
];
const accessToken: JsonSchema = {
	type: 'object',
	properties: {
		...Object.fromEntries(tokenFields.map((name) => [name, text])),
		expires_in: { type: 'integer' },
	},
	required: [...tokenFields.filter((name) => name !== 'site' && name !== 'group'), 'expires_in'],
};

const version: JsonSchema = {
	type: 'object',
	properties: { apiversion: text, hostname: text, 'current-time': text },
	required: ['apiversion', 'hostname'],
};

const userDevices = '/domains/{domain}/users/{user}/devices';

/** Paths are relative to the API root, `https://{server}/ns-api/v2`. */
export const netSapiensContract: VendorContract = {
	vendor: 'netsapiens',
	sources: [
		'https://docs.ns-api.com/v45.0/reference/updatedevice',
		'https://docs.ns-api.com/v45.0/reference/countdevices',
		'https://docs.ns-api.com/docs/pagination-and-api-data',
		'https://docs.ns-api.com/docs',
	],
	operations: [
		{ method: 'GET', path: userDevices, responses: { 200: devices } },
		{
			method: 'POST',
			path: userDevices,
			request: { required: false, schema: deviceCreate },
			responses: { 200: device, 202: codeAndMessage },
		},
		{
			method: 'PUT',
			path: `${userDevices}/{device}`,
			request: { required: false, schema: deviceUpdate },
			responses: { 202: codeAndMessage },
		},
		{ method: 'DELETE', path: `${userDevices}/{device}`, responses: { 202: codeAndMessage } },
		{ method: 'GET', path: `${userDevices}/{device}`, responses: { 200: device } },
		{
			method: 'GET',
			path: `${userDevices}/count`,
			responses: { 200: count, 400: codeAndMessage, 401: codeAndMessage, 404: codeAndMessage },
		},
		{ method: 'GET', path: '/domains/{domain}/devices', responses: { 200: devices } },
		// On docs.ns-api.com beside "Count Devices for User", with the same answers; not in the OpenAPI subset.
		{
			method: 'GET',
			path: '/domains/{domain}/devices/count',
			responses: { 200: count, 400: codeAndMessage, 401: codeAndMessage, 404: codeAndMessage },
		},
		{ method: 'GET', path: '/apikeys/~', responses: { 200: apiKey } },
		{ method: 'GET', path: '/domains/{domain}', responses: { 200: domain, 404: codeAndMessage } },
		{
			method: 'POST',
			path: '/tokens',
			request: { required: false, schema: tokenRequest },
			responses: {
				200: accessToken,
				400: codeAndMessage,
				401: codeAndMessage,
				403: emptyObject,
				404: codeAndMessage,
			},
		},
		{ method: 'GET', path: '/version', responses: { 200: version } },
	],
};
