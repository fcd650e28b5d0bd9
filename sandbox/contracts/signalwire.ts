import type { JsonSchema, VendorContract } from './types';

/*
 * SignalWire's SIP resources, from its REST reference
 * (https://developer.signalwire.com/rest/signalwire-rest/endpoints/space/sip-profile/ and the
 * pages beside it) and the TypeSpec it is generated from (https://github.com/signalwire/docs,
 * specs/signalwire-rest/relay-rest/sip-profile, relay-rest/sip-endpoints and
 * fabric-api/sip-addresses). SignalWire declares every object closed, answers included: an answer
 * field it does not list (a password) breaks the contract.
 */

const closed = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
	type: 'object',
	properties,
	...(required.length ? { required } : {}),
	additionalProperties: false,
});
const text: JsonSchema = { type: 'string' };
const texts: JsonSchema = { type: 'array', items: text };
const uuid: JsonSchema = { type: 'string', format: 'uuid' };
const orNull = (schema: JsonSchema): JsonSchema => ({
	...schema,
	type: [schema.type, 'null'],
	...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}),
});

/** `{"error": "Not Found"}`: the simple error shape, one fixed wording per status. */
const simpleError = (wording: string): JsonSchema =>
	closed({ error: { type: 'string', enum: [wording] } }, ['error']);
const e400 = simpleError('Bad Request');
const e401 = simpleError('Unauthorized');
const e404 = simpleError('Not Found');
const e500 = simpleError('Internal Server Error');

/** Relay REST validation failures. */
const relayInvalid = closed(
	{
		errors: {
			type: 'array',
			items: closed({ detail: text, status: text, title: text, code: text }, [
				'detail',
				'status',
				'title',
				'code',
			]),
		},
	},
	['errors'],
);

/** Fabric validation failures: `attribute` names the field, when there is one. */
const fabricInvalid = closed(
	{
		errors: {
			type: 'array',
			items: closed({ type: text, code: text, message: text, attribute: orNull(text), url: text }, [
				'type',
				'code',
				'message',
				'url',
			]),
		},
	},
	['errors'],
);

// ---- SIP profile (one per Space) ------------------------------------------------------------

const profileEncryption: JsonSchema = { type: 'string', enum: ['required', 'optional'] };
const profileWritable: Record<string, JsonSchema> = {
	domain_identifier: text,
	default_codecs: texts,
	default_ciphers: texts,
	default_encryption: profileEncryption,
	default_send_as: text,
};
const profile = closed({ domain: text, ...profileWritable });
const profileUpdate = closed(profileWritable);

// ---- Relay SIP endpoints ----------------------------------------------------------------------

const callHandlers = [
	'relay_context',
	'relay_topic',
	'relay_application',
	'relay_connector',
	'relay_script',
	'laml_webhooks',
	'laml_application',
	'dialogflow',
	'video_room',
	'call_flow',
	'ai_agent',
];
const endpointEncryption: JsonSchema = {
	type: 'string',
	enum: ['default', 'required', 'optional'],
};
const httpMethod: JsonSchema = { type: 'string', enum: ['GET', 'POST'] };

/** The call-routing fields, sent as plain values and answered as value-or-null. */
const routingFields = {
	call_handler: { type: 'string', enum: callHandlers },
	call_request_url: text,
	call_request_method: httpMethod,
	call_fallback_url: text,
	call_fallback_method: httpMethod,
	call_status_callback_url: text,
	call_status_callback_method: httpMethod,
	call_laml_application_id: text,
	call_dialogflow_agent_id: text,
	call_relay_topic: text,
	call_relay_topic_status_callback_url: text,
	call_relay_context: text,
	call_relay_context_status_callback_url: text,
	call_relay_application: text,
	call_video_room_id: uuid,
	call_relay_script_url: text,
} satisfies Record<string, JsonSchema>;

/**
 * What create and update accept. The password is sent here and listed in no answer, so no
 * answer may carry it.
 */
const endpointWritable: Record<string, JsonSchema> = {
	username: text,
	password: text,
	caller_id: text,
	send_as: text,
	ciphers: texts,
	codecs: texts,
	encryption: endpointEncryption,
	...routingFields,
	call_flow_id: uuid,
	call_flow_version: text,
	call_ai_agent_id: uuid,
};

const endpointAnswered: Record<string, JsonSchema> = {
	type: text,
	id: uuid,
	username: text,
	caller_id: orNull(text),
	send_as: text,
	ciphers: texts,
	codecs: texts,
	encryption: endpointEncryption,
	calling_handler_resource_id: orNull(uuid),
	...Object.fromEntries(
		Object.entries(routingFields).map(([name, schema]) => [name, orNull(schema)]),
	),
};
/** Every answered field is always present (null when unset). */
const endpoint = closed(endpointAnswered, Object.keys(endpointAnswered));

const endpointLinks = (link: JsonSchema) =>
	closed({ self: link, first: link, next: link, prev: link }, ['self', 'first']);
const endpointList = closed(
	{ links: endpointLinks(text), data: { type: 'array', items: endpoint } },
	['links', 'data'],
);

// ---- Fabric SIP addresses ---------------------------------------------------------------------

const addressEncryption: JsonSchema = {
	type: 'string',
	enum: ['required', 'optional', 'forbidden'],
};
const codecs: JsonSchema = {
	type: 'array',
	items: { type: 'string', enum: ['OPUS', 'G722', 'PCMU', 'PCMA', 'G729', 'VP8', 'H264'] },
};
const ciphers: JsonSchema = {
	type: 'array',
	items: {
		type: 'string',
		enum: [
			'AEAD_AES_256_GCM_8',
			'AES_256_CM_HMAC_SHA1_80',
			'AES_CM_128_HMAC_SHA1_80',
			'AES_256_CM_HMAC_SHA1_32',
			'AES_CM_128_HMAC_SHA1_32',
		],
	},
};

const addressAnswered: Record<string, JsonSchema> = {
	id: uuid,
	type: { type: 'string', enum: ['sip_address'] },
	resource_id: uuid,
	name: text,
	display_name: text,
	context: text,
	uri: text,
	user: text,
	encryption: addressEncryption,
	codecs,
	ciphers,
	ip_auth_enabled: { type: 'boolean' },
	ip_auth: texts,
	calling_handler_resource_id: uuid,
	created_at: { type: 'string', format: 'date-time' },
	updated_at: { type: 'string', format: 'date-time' },
};
const address = closed(addressAnswered, Object.keys(addressAnswered));
const addressList = closed(
	{
		links: endpointLinks({ type: 'string', format: 'uri' }),
		items_count: { type: 'integer' },
		data: { type: 'array', items: address },
	},
	['links', 'items_count', 'data'],
);

/** What update accepts; create also takes the handler the address routes to. */
const addressWritable: Record<string, JsonSchema> = {
	name: { type: 'string', maxLength: 50, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
	user: { type: 'string', pattern: '^\\S+$' },
	context_id: uuid,
	ip_auth_enabled: { type: 'boolean' },
	ip_auth: { ...texts, maxItems: 256 },
	codecs: { ...codecs, minItems: 1 },
	ciphers: { ...ciphers, minItems: 1 },
	encryption: addressEncryption,
	password: text,
};
const addressCreate = closed({ ...addressWritable, calling_handler_resource_id: uuid }, [
	'name',
	'calling_handler_resource_id',
]);
const addressUpdate = closed(addressWritable);

const profilePath = '/api/relay/rest/sip_profile';
const endpoints = '/api/relay/rest/endpoints/sip';
const addresses = '/api/fabric/sip_addresses';

export const signalWireContract: VendorContract = {
	vendor: 'signalwire',
	sources: [
		'https://developer.signalwire.com/rest/signalwire-rest/endpoints/space/sip-profile/',
		'https://github.com/signalwire/docs',
	],
	operations: [
		{ method: 'GET', path: profilePath, responses: { 200: profile, 401: e401, 500: e500 } },
		{
			method: 'PUT',
			path: profilePath,
			request: { required: true, schema: profileUpdate },
			responses: { 201: profile, 401: e401, 422: relayInvalid, 500: e500 },
		},
		{
			method: 'GET',
			path: endpoints,
			responses: { 200: endpointList, 401: e401, 422: relayInvalid, 500: e500 },
		},
		{
			method: 'POST',
			path: endpoints,
			request: { required: true, schema: closed(endpointWritable, ['username', 'password']) },
			responses: { 200: endpoint, 401: e401, 422: relayInvalid, 500: e500 },
		},
		{
			method: 'GET',
			path: `${endpoints}/{id}`,
			responses: { 200: endpoint, 401: e401, 404: e404, 422: relayInvalid, 500: e500 },
		},
		{
			method: 'PUT',
			path: `${endpoints}/{id}`,
			request: { required: true, schema: closed(endpointWritable) },
			responses: { 200: endpoint, 401: e401, 404: e404, 422: relayInvalid, 500: e500 },
		},
		{
			method: 'DELETE',
			path: `${endpoints}/{id}`,
			responses: { 400: e400, 401: e401, 404: e404, 500: e500 },
		},
		{
			method: 'GET',
			path: addresses,
			responses: { 200: addressList, 401: e401, 404: e404, 422: fabricInvalid, 500: e500 },
		},
		{
			method: 'POST',
			path: addresses,
			request: { required: true, schema: addressCreate },
			responses: { 201: address, 401: e401, 422: fabricInvalid, 500: e500 },
		},
		{
			method: 'GET',
			path: `${addresses}/{id}`,
			responses: { 200: address, 401: e401, 404: e404, 500: e500 },
		},
		{
			method: 'PATCH',
			path: `${addresses}/{id}`,
			request: { required: true, schema: addressUpdate },
			responses: { 200: address, 400: e400, 401: e401, 404: e404, 422: fabricInvalid, 500: e500 },
		},
		{ method: 'DELETE', path: `${addresses}/{id}`, responses: { 401: e401, 404: e404, 500: e500 } },
	],
};
