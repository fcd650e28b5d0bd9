import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';
import { choices } from '../../shared/choices';
import type { FieldSpec } from '../../shared/fieldSpec';
import { locatorModes } from '../../shared/locator';
import { passwordSpec } from '../../shared/passwordFields';
import type { FieldRule } from '../../shared/validation';

// Both cases, without a flag: the locator's regex validation is built from the source alone.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const UUID_HINT = 'a UUID such as 67075301-69b2-4fc3-8a2c-c95a69a5665e';

/** Codecs the SIP profile documents (and, [I], what relay SIP endpoints accept too). */
export const PROFILE_CODECS = ['OPUS', 'G722', 'PCMU', 'PCMA', 'VP8', 'H264'] as const;
/** Codecs of a Fabric SIP address (`SipAddressCodec`): the profile's plus G729. */
export const ADDRESS_CODECS = ['OPUS', 'G722', 'PCMU', 'PCMA', 'G729', 'VP8', 'H264'] as const;
export const CIPHERS = [
	'AEAD_AES_256_GCM_8',
	'AES_256_CM_HMAC_SHA1_80',
	'AES_CM_128_HMAC_SHA1_80',
	'AES_256_CM_HMAC_SHA1_32',
	'AES_CM_128_HMAC_SHA1_32',
] as const;
/** The relay call handlers as SignalWire names them, with the names the node shows. */
const CALL_HANDLER_NAMES: Record<string, string> = {
	ai_agent: 'AI Agent',
	call_flow: 'Call Flow',
	dialogflow: 'Dialogflow',
	laml_application: 'LaML Application',
	laml_webhooks: 'LaML Webhooks',
	relay_application: 'Relay Application',
	relay_connector: 'Relay Connector',
	relay_context: 'Relay Context',
	relay_script: 'Relay Script (SWML)',
	relay_topic: 'Relay Topic',
	video_room: 'Video Room',
};
const CALL_HANDLERS = Object.keys(CALL_HANDLER_NAMES);

const asOptions = (values: readonly string[]): INodePropertyOptions[] =>
	values.map((value) => ({ name: value, value }));

const uuidRule = (field: string, label: string, required = false): FieldRule => ({
	field,
	label,
	required,
	pattern: UUID,
	patternHint: UUID_HINT,
});
const uuidLimit = { pattern: UUID, patternHint: UUID_HINT };

// ---------------------------------------------------------------------------------------------
// Path parameters: SignalWire declares both IDs as UUIDs, which also keeps "." and ".." out.

export const endpointIdRule = uuidRule('endpointId', 'SIP Endpoint', true);
export const addressIdRule = uuidRule('addressId', 'SIP Address', true);

function idLocator(
	name: string,
	label: string,
	searchListMethod: string,
	placeholder: string,
): INodeProperties {
	return {
		displayName: label,
		name,
		required: true,
		description: `The ${label} to work on`,
		...locatorModes({
			searchListMethod,
			listPlaceholder: placeholder,
			idPlaceholder: 'e.g. 67075301-69b2-4fc3-8a2c-c95a69a5665e',
			idPattern: { regex: UUID.source, errorMessage: `Not a valid ${label} ID (${UUID_HINT})` },
		}),
	};
}

export const endpointIdLocator = idLocator(
	'endpointId',
	'SIP Endpoint',
	'searchSipEndpoints',
	'Select a SIP endpoint...',
);
export const addressIdLocator = idLocator(
	'addressId',
	'SIP Address',
	'searchSipAddresses',
	'Select a SIP address...',
);

// ---------------------------------------------------------------------------------------------
// SIP profile (relay REST, Update SIP Profile): Update only.

export const PROFILE_FIELDS: readonly FieldSpec[] = [
	{
		displayName: 'Default Ciphers',
		name: 'defaultCiphers',
		type: 'multiOptions',
		options: asOptions(CIPHERS),
		default: [],
		description: 'Encryption ciphers endpoints using this profile support',
		send: 'default_ciphers',
		create: false,
	},
	{
		displayName: 'Default Codecs',
		name: 'defaultCodecs',
		type: 'multiOptions',
		options: asOptions(PROFILE_CODECS),
		default: [],
		description: 'Codecs endpoints using this profile support',
		send: 'default_codecs',
		create: false,
	},
	{
		displayName: 'Default Encryption',
		name: 'defaultEncryption',
		...choices(
			{
				Optional: ['optional', 'Encrypt when possible'],
				Required: ['required', 'Refuse unencrypted connections'],
			},
			'optional',
		),
		description:
			'Whether connections to endpoints using this profile require encryption. Encryption is always used when possible.',
		send: 'default_encryption',
		create: false,
	},
	{
		displayName: 'Default Send As',
		name: 'defaultSendAs',
		type: 'string',
		default: '',
		placeholder: 'e.g. +15551234567',
		description: 'The E.164 number calls to phone numbers come from',
		send: 'default_send_as',
		limit: {
			pattern: /^\+[1-9]\d{1,14}$/,
			patternHint: 'an E.164 number such as +15551234567, or empty for a random project number',
		},
		empty: 'clear',
		emptyMeans: 'have SignalWire pick a random purchased or verified number of the project',
		create: false,
	},
	{
		displayName: 'Domain Identifier',
		name: 'domainIdentifier',
		type: 'string',
		default: '',
		placeholder: 'e.g. example',
		description:
			"The domain identifier part of the profile's SIP domain; must be unique in the project",
		send: 'domain_identifier',
		create: false,
	},
];

// ---------------------------------------------------------------------------------------------
// SIP endpoints (relay REST, legacy)

export const LEGACY_ENDPOINT_NOTE =
	'SignalWire labels relay SIP endpoints legacy (deprecated in favour of SIP credentials), but they remain the resource whose SIP password the API can set.';

const requiredWhen = (handler: string) =>
	`Used (and required) when Call Handler is ${CALL_HANDLER_NAMES[handler]}`;

const stringField = (
	displayName: string,
	name: string,
	send: string,
	description: string,
	more: Partial<FieldSpec> = {},
): FieldSpec => ({ displayName, name, type: 'string', default: '', description, send, ...more });

const methodField = (
	displayName: string,
	name: string,
	send: string,
	description: string,
): FieldSpec => ({
	displayName,
	name,
	...choices({ GET: 'GET', POST: 'POST' }, 'POST'),
	description,
	send,
});

/** Every documented SIP endpoint body field, with SignalWire's limits next to it. */
export const ENDPOINT_FIELDS: readonly FieldSpec[] = [
	stringField(
		'Username',
		'username',
		'username',
		'The SIP username; unique in the project, without spaces or "@"',
		{
			placeholder: 'e.g. c3p0',
			limit: { pattern: /^[^\s@]+$/, patternHint: 'no spaces and no "@"' },
			create: 'required',
		},
	),
	passwordSpec('The password devices register with. SignalWire never returns it.', {
		create: 'required',
		update: false,
	}),
	passwordSpec(
		'A new password devices must register with; they fail to register until they are given it. SignalWire never returns it.',
		{ create: false },
	),
	stringField(
		'Call AI Agent ID',
		'callAiAgentId',
		'call_ai_agent_id',
		`The AI agent incoming calls go to. ${requiredWhen('ai_agent')}.`,
		{ limit: uuidLimit },
	),
	stringField(
		'Call Dialogflow Agent ID',
		'callDialogflowAgentId',
		'call_dialogflow_agent_id',
		`The Dialogflow agent incoming calls go to. ${requiredWhen('dialogflow')}.`,
	),
	methodField(
		'Call Fallback Method',
		'callFallbackMethod',
		'call_fallback_method',
		'The HTTP method for Call Fallback URL',
	),
	stringField(
		'Call Fallback URL',
		'callFallbackUrl',
		'call_fallback_url',
		`The LaML URL used when Call Request URL fails. ${requiredWhen('laml_webhooks')}.`,
	),
	stringField(
		'Call Flow ID',
		'callFlowId',
		'call_flow_id',
		`The call flow incoming calls go to. ${requiredWhen('call_flow')}.`,
		{ limit: uuidLimit },
	),
	{
		displayName: 'Call Flow Version',
		name: 'callFlowVersion',
		...choices(
			{ 'Current Deployed': 'current_deployed', 'Working Copy': 'working_copy' },
			'current_deployed',
		),
		description: 'Which version of the call flow to run',
		send: 'call_flow_version',
	},
	{
		displayName: 'Call Handler',
		name: 'callHandler',
		type: 'options',
		options: CALL_HANDLERS.map((value) => ({ name: CALL_HANDLER_NAMES[value], value })),
		default: 'relay_context',
		description: 'What handles inbound calls to this endpoint; set the matching Call … field too',
		send: 'call_handler',
	},
	stringField(
		'Call LaML Application ID',
		'callLamlApplicationId',
		'call_laml_application_id',
		`The LaML application incoming calls go to. ${requiredWhen('laml_application')}.`,
	),
	stringField(
		'Call Relay Application',
		'callRelayApplication',
		'call_relay_application',
		`The Relay application incoming calls go to. ${requiredWhen('relay_application')}.`,
	),
	stringField(
		'Call Relay Context',
		'callRelayContext',
		'call_relay_context',
		`The Relay context incoming calls go to. ${requiredWhen('relay_context')}.`,
	),
	stringField(
		'Call Relay Context Status Callback URL',
		'callRelayContextStatusCallbackUrl',
		'call_relay_context_status_callback_url',
		`Where status changes are sent. ${requiredWhen('relay_context')}.`,
	),
	stringField(
		'Call Relay Script URL',
		'callRelayScriptUrl',
		'call_relay_script_url',
		`The SWML script that answers incoming calls. ${requiredWhen('relay_script')}.`,
	),
	stringField(
		'Call Relay Topic',
		'callRelayTopic',
		'call_relay_topic',
		`The Relay topic incoming calls go to. ${requiredWhen('relay_topic')}.`,
	),
	stringField(
		'Call Relay Topic Status Callback URL',
		'callRelayTopicStatusCallbackUrl',
		'call_relay_topic_status_callback_url',
		`Where status changes are sent. ${requiredWhen('relay_topic')}.`,
	),
	methodField(
		'Call Request Method',
		'callRequestMethod',
		'call_request_method',
		'The HTTP method for Call Request URL',
	),
	stringField(
		'Call Request URL',
		'callRequestUrl',
		'call_request_url',
		`The LaML URL fetched when a call comes in. ${requiredWhen('laml_webhooks')}.`,
	),
	methodField(
		'Call Status Callback Method',
		'callStatusCallbackMethod',
		'call_status_callback_method',
		'The HTTP method for Call Status Callback URL',
	),
	stringField(
		'Call Status Callback URL',
		'callStatusCallbackUrl',
		'call_status_callback_url',
		`Where status changes are sent. ${requiredWhen('laml_webhooks')}.`,
	),
	stringField(
		'Call Video Room ID',
		'callVideoRoomId',
		'call_video_room_id',
		`The video room incoming calls go to. ${requiredWhen('video_room')}.`,
		{ limit: uuidLimit },
	),
	stringField(
		'Caller ID',
		'callerId',
		'caller_id',
		'Friendly caller ID: the CNAM when calling a phone number, the From when calling another SIP endpoint',
		{ placeholder: 'e.g. C-3P0' },
	),
	{
		displayName: 'Ciphers',
		name: 'ciphers',
		type: 'multiOptions',
		options: asOptions(CIPHERS),
		default: [],
		description: 'Encryption ciphers this endpoint supports',
		send: 'ciphers',
	},
	{
		displayName: 'Codecs',
		name: 'codecs',
		type: 'multiOptions',
		options: asOptions(PROFILE_CODECS),
		default: [],
		description: 'Codecs this endpoint supports',
		send: 'codecs',
	},
	{
		displayName: 'Encryption',
		name: 'encryption',
		...choices(
			{
				Default: ['default', "Use the SIP profile's setting"],
				Optional: 'optional',
				Required: 'required',
			},
			'default',
		),
		description: 'Whether connections to this endpoint require encryption',
		send: 'encryption',
	},
	stringField(
		'Send As',
		'sendAs',
		'send_as',
		'The purchased or verified number calls to phone numbers come from, or "random" for a random one of the project',
		{ placeholder: 'e.g. random' },
	),
];

// ---------------------------------------------------------------------------------------------
// SIP addresses (Fabric)

/** Every documented SIP address body field, with SignalWire's limits next to it. */
export const ADDRESS_FIELDS: readonly FieldSpec[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. sales-line',
		description:
			'URL-safe name used in the SIP URI: lowercase letters, digits and hyphens, unique in the project',
		limit: {
			maxLength: 50,
			pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
			patternHint: 'lowercase letters, digits and single hyphens between them, such as sales-line',
		},
		create: 'required',
	},
	{
		displayName: 'Calling Handler Resource ID',
		name: 'callingHandlerResourceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718',
		description:
			'The resource of the project (an AI agent, SWML script, call flow, …) that handles inbound calls to this address. It cannot be changed later.',
		send: 'calling_handler_resource_id',
		limit: uuidLimit,
		create: 'required',
		update: false,
	},
	{
		displayName: 'Ciphers',
		name: 'ciphers',
		type: 'multiOptions',
		options: asOptions(CIPHERS),
		default: [],
		description: 'SRTP ciphers enabled for calls to this address',
		limit: { minItems: 1 },
	},
	{
		displayName: 'Codecs',
		name: 'codecs',
		type: 'multiOptions',
		options: asOptions(ADDRESS_CODECS),
		default: [],
		description: 'Codecs enabled for calls to this address',
		limit: { minItems: 1 },
	},
	{
		displayName: 'Domain ID',
		name: 'contextId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 9c8b7a6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d',
		description: 'The Domain (context) the address is grouped under; it must exist in the project',
		send: 'context_id',
		limit: uuidLimit,
	},
	{
		displayName: 'Encryption',
		name: 'encryption',
		...choices({ Forbidden: 'forbidden', Optional: 'optional', Required: 'required' }, 'optional'),
		description: 'SRTP encryption requirement for calls to this address',
	},
	{
		displayName: 'IP Auth',
		name: 'ipAuth',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add IP or CIDR' },
		default: [],
		placeholder: 'e.g. 10.0.0.0/24',
		description: 'Allowed IP addresses or CIDR ranges; required when IP Auth Enabled is on',
		send: 'ip_auth',
		limit: { maxItems: 256 },
	},
	{
		displayName: 'IP Auth Enabled',
		name: 'ipAuthEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether to enforce IP authentication for this address',
		send: 'ip_auth_enabled',
	},
	passwordSpec(
		'The SIP registration password. SignalWire treats it as write-only and never returns it.',
	),
	{
		displayName: 'User',
		name: 'user',
		type: 'string',
		default: '',
		placeholder: 'e.g. agent',
		description: 'The SIP username that reaches this address, without spaces; "*" accepts any',
		limit: { pattern: /^\S+$/, patternHint: 'no spaces' },
	},
];
