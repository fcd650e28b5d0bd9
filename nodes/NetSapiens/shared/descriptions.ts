import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { FieldRule } from '../../shared/validation';

const NOT_DOT_SEGMENT = '(?!\\.{1,2}$)';

/** DomainNamePath: ≤ 64 characters; `~` is the domain of the key or token. */
export const domainRule: FieldRule = {
	field: 'domain',
	label: 'Domain',
	required: true,
	maxLength: 64,
	// The spec's pattern `^[A-Za-z0-9._-]*|~|\*+` is unanchored at its end; this is its intent.
	// `*` (all domains) is left out: it names no single domain a device can live in.
	pattern: new RegExp(`^(?:~|${NOT_DOT_SEGMENT}[A-Za-z0-9._-]+)$`),
	patternHint:
		'letters, digits, ".", "_" and "-", or "~" for the domain of the key; not "." or ".."',
};

/** UserNamePath: 0–16 characters; `~` is the user of the key or token. */
export const userRule: FieldRule = {
	field: 'user',
	label: 'User',
	required: true,
	maxLength: 16,
	pattern: new RegExp(`^${NOT_DOT_SEGMENT}[^\\s/]+$`),
	patternHint:
		'an extension without spaces or "/", or "~" for the user of the key; not "." or ".."',
};

export const deviceRule: FieldRule = {
	field: 'device',
	label: 'Device',
	required: true,
	pattern: new RegExp(`^${NOT_DOT_SEGMENT}[^\\s/]+$`),
	patternHint: 'a device name such as 1000a, without spaces or "/"; not "." or ".."',
};

function locator(
	name: string,
	displayName: string,
	searchListMethod: string,
	defaultValue: string,
	placeholder: string,
	description: string,
	hint?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: defaultValue },
		required: true,
		description,
		// shown under the field, without a hover: what the default "~" stands for
		...(hint ? { hint } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
		],
	};
}

export const domainLocator = locator(
	'domain',
	'Domain',
	'searchDomains',
	'~',
	'e.g. example.com, or ~',
	'The NetSapiens domain. "~" means the domain of the API key or logged-in user (at most 64 characters).',
	'"~" (the default) is the domain of the API key or logged-in user',
);

export const userLocator = locator(
	'user',
	'User',
	'searchUsers',
	'~',
	'e.g. 1000, or ~',
	'The user (extension) that owns the device. "~" means the user of the API key or logged-in user (at most 16 characters).',
	'"~" (the default) is the user of the API key or logged-in user',
);

export const deviceLocator = locator(
	'device',
	'Device',
	'searchDevices',
	'',
	'e.g. 1000a',
	'The device, as in its SIP URI sip:{device}@{domain}',
);

interface DeviceFieldBase {
	/** The node parameter name. */
	name: string;
	/** NetSapiens' own JSON field name. */
	field: string;
	displayName: string;
	description: string;
}

type DeviceField = DeviceFieldBase &
	(
		| { kind: 'string'; nullable?: boolean; secret?: boolean; placeholder?: string }
		| { kind: 'integer'; default: number }
		| { kind: 'options'; options: INodePropertyOptions[]; default: string }
	);

const yesNo = (
	vendorDefault: 'yes' | 'no',
): { kind: 'options'; options: INodePropertyOptions[]; default: string } => ({
	kind: 'options',
	options: [
		{ name: 'Yes', value: 'yes' },
		{ name: 'No', value: 'no' },
	],
	default: vendorDefault,
});

/**
 * The 23 writable device fields of NetSapiens' UpdateDevice / CreateDevice, one node field each, in
 * the spec's order. The spec's descriptions of most yes/no flags are copies of an unrelated text
 * (https://docs.ns-api.com/v45.0/reference/updatedevice), so the descriptions here follow the field names [I].
 */
export const DEVICE_FIELDS: readonly DeviceField[] = [
	{
		name: 'sipRegistrationPassword',
		field: 'device-sip-registration-password',
		displayName: 'SIP Registration Password',
		kind: 'string',
		secret: true,
		description:
			'The password the device registers with. On create, NetSapiens generates a random 16-character one when this is not set.',
	},
	{
		name: 'callerIdNumberEmergency',
		field: 'caller-id-number-emergency',
		displayName: 'Emergency Caller ID Number',
		kind: 'string',
		placeholder: '[*]',
		description:
			"Emergency caller ID for this device, overriding the user's. NetSapiens' default is [*].",
	},
	{
		name: 'forceNotifyNewVoicemails',
		field: 'device-force-notify-new-voicemails-enabled',
		displayName: 'Force Notify New Voicemails',
		...yesNo('no'),
		description: 'Whether the device is always notified of new voicemails (default: no)',
	},
	{
		name: 'deviceLevelCallRecording',
		field: 'device-level-call-recording-enabled',
		displayName: 'Device-Level Call Recording',
		...yesNo('no'),
		description: 'Whether calls of this device are recorded at device level (default: no)',
	},
	{
		name: 'pushEnabled',
		field: 'device-push-enabled',
		displayName: 'Push Notifications',
		...yesNo('yes'),
		description: 'Whether push notifications are enabled for the device (default: yes)',
	},
	{
		name: 'registrationExpirySeconds',
		field: 'device-sip-registration-expiry-seconds',
		displayName: 'Registration Expiry (Seconds)',
		kind: 'integer',
		default: 60,
		description:
			'The re-register period requested for the device, a whole number of seconds (default 60). The device counts as unregistered if it does not register again within it plus a grace period.',
	},
	{
		name: 'ignoreForPresenceCalculation',
		field: 'device-sip-registration-ignore-for-presence-calculation',
		displayName: 'Ignore for Presence Calculation',
		...yesNo('no'),
		description:
			"Whether this device's registration is left out of the user's presence (default: no)",
	},
	{
		name: 'ignoreRegistrationReport',
		field: 'device-sip-registration-ignore-report-enabled',
		displayName: 'Ignore in Registration Report',
		...yesNo('no'),
		description: 'Whether this device is left out of registration reports (default: no)',
	},
	{
		name: 'noToTagInCancel',
		field: 'device-sip-no-to-tag-in-cancel',
		displayName: 'No To-Tag in CANCEL',
		...yesNo('no'),
		description:
			'Whether SIP CANCEL requests to this device are sent without a To tag (default: no)',
	},
	{
		name: 'srtp',
		field: 'device-srtp-enabled',
		displayName: 'SRTP',
		kind: 'options',
		options: [
			{ name: 'Yes', value: 'yes', description: 'Encrypted audio is required' },
			{ name: 'No', value: 'no', description: 'Plain RTP' },
			{
				name: 'Opportunistic',
				value: 'opportunistic',
				description: 'Encrypted audio when the device offers it',
			},
		],
		default: 'no',
		description: 'Secure (encrypted) audio for the device (default: no)',
	},
	{
		name: 'autoAnswer',
		field: 'auto-answer-enabled',
		displayName: 'Auto Answer',
		...yesNo('no'),
		description: 'Whether the device answers calls automatically (default: no)',
	},
	{
		name: 'recordingConfiguration',
		field: 'recording-configuration',
		displayName: 'Call Recording',
		kind: 'options',
		options: [
			{ name: 'No', value: 'no' },
			{ name: 'Yes', value: 'yes' },
			{ name: 'Yes, With Transcription', value: 'yes-with-transcription' },
			{
				name: 'Yes, With Transcription and Sentiment',
				value: 'yes-with-transcription-and-sentiment',
			},
		],
		default: 'no',
		description: 'Whether calls are recorded, optionally transcribed and analysed (default: no)',
	},
	{
		name: 'allowedUserAgent',
		field: 'device-sip-allowed-user-agent',
		displayName: 'Allowed User Agent',
		kind: 'string',
		placeholder: 'e.g. Yealink',
		description:
			'Restricts registration to this user agent, or a partial match of it, as an extra safeguard',
	},
	{
		name: 'natTraversal',
		field: 'device-sip-nat-traversal-enabled',
		displayName: 'NAT Traversal',
		kind: 'options',
		options: [
			{ name: 'Automatic', value: 'automatic' },
			{ name: 'None', value: 'none' },
			{ name: 'Never', value: 'never' },
			{ name: 'Fixed', value: 'fixed' },
		],
		default: 'automatic',
		description: 'NAT traversal for the device; "Automatic" is right for almost every device',
	},
	{
		name: 'emergencyAddressId',
		field: 'emergency-address-id',
		displayName: 'Emergency Address ID',
		kind: 'string',
		nullable: true,
		description: 'The emergency (E911) address ID for this device',
	},
	{
		name: 'model',
		field: 'device-models-model',
		displayName: 'Device Model',
		kind: 'string',
		description:
			'Phone model; with a MAC address it links the device to that phone in provisioning',
	},
	{
		name: 'macAddress',
		field: 'device-provisioning-mac-address',
		displayName: 'Provisioning MAC Address',
		kind: 'string',
		placeholder: 'e.g. 805ec0123456',
		description: 'MAC address of the phone this device is provisioned on; needs a Device Model too',
	},
	{
		name: 'provisioningCoreServer',
		field: 'device-provisioning-registration-core-server',
		displayName: 'Provisioning Core Server',
		kind: 'string',
		description: 'The SiPbx core server the phone is provisioned to register with',
	},
	{
		name: 'transportProtocol',
		field: 'device-provisioning-sip-transport-protocol',
		displayName: 'Provisioning SIP Transport',
		kind: 'options',
		options: [
			{ name: 'UDP', value: 'udp' },
			{ name: 'TCP', value: 'tcp' },
			{ name: 'TLS', value: 'tls' },
		],
		default: 'udp',
		description: 'The SIP transport requested when the phone is provisioned (default: UDP)',
	},
	{
		name: 'provisioningUsername',
		field: 'device-provisioning-username',
		displayName: 'Provisioning Username',
		kind: 'string',
		nullable: true,
		description: 'Username the phone uses to fetch its configuration',
	},
	{
		name: 'provisioningPassword',
		field: 'device-provisioning-password',
		displayName: 'Provisioning Password',
		kind: 'string',
		nullable: true,
		secret: true,
		description: 'Password the phone uses to fetch its configuration',
	},
	{
		name: 'provisioningLine',
		field: 'device-provisioning-line',
		displayName: 'Provisioning Line',
		kind: 'integer',
		default: 1,
		description:
			'Which line of the phone this device uses, a whole number (with a model and MAC address)',
	},
	{
		name: 'provisioningOverrides',
		field: 'device-provisioning-overrides',
		displayName: 'Provisioning Overrides',
		kind: 'string',
		description: 'Overrides set for the MAC address in the provisioning server',
	},
];

/** The fields NetSapiens' OpenAPI types `string | null`: an empty value clears them (sent as null). */
export const NULLABLE_DEVICE_FIELDS = DEVICE_FIELDS.filter(
	(field) => field.kind === 'string' && field.nullable,
).map((field) => field.field);

/** FieldRules for what NetSapiens' OpenAPI documents about the device body: enums and integers. */
export const deviceBodyRules: readonly FieldRule[] = DEVICE_FIELDS.flatMap((field): FieldRule[] => {
	if (field.kind === 'options') {
		return [
			{
				field: field.field,
				label: field.displayName,
				oneOf: field.options.map((option) => String(option.value)),
			},
		];
	}
	if (field.kind === 'integer')
		return [{ field: field.field, label: field.displayName, integer: true }];
	return [];
});

/** The node fields for a device body (each sent under its NetSapiens name). */
export function deviceFieldProperties(kind: 'create' | 'update'): INodeProperties[] {
	return DEVICE_FIELDS.map((field): INodeProperties => {
		const routing = { send: { type: 'body' as const, property: field.field } };
		const base = { displayName: field.displayName, name: field.name, routing };
		if (field.kind === 'options') {
			return {
				...base,
				type: 'options',
				options: field.options,
				default: field.default,
				description: field.description,
			};
		}
		if (field.kind === 'integer') {
			return {
				...base,
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: field.default,
				description: field.description,
			};
		}
		const clears =
			field.nullable && kind === 'update' ? '. Leave empty to clear it (sent as null).' : '';
		return {
			...base,
			type: 'string',
			default: '',
			...(field.secret ? { typeOptions: { password: true } } : {}),
			...(field.placeholder ? { placeholder: field.placeholder } : {}),
			description: `${field.description}${clears}`,
		};
	});
}

/** NetSapiens' names of the fields the user set in a collection, in the order NetSapiens gets them. */
export function vendorFieldNames(set: IDataObject): string[] {
	return DEVICE_FIELDS.filter((field) => field.name in set).map((field) => field.field);
}

/**
 * preSend: an empty SIP registration password would lock every phone of the device out (often an
 * expression that resolved to nothing). Removing the field is how to leave the password as it is.
 */
export async function refuseEmptyRegistrationPassword(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body['device-sip-registration-password'] === '') {
		const itemIndex = this.getItemIndex();
		throw new NodeOperationError(
			this.getNode(),
			`"SIP Registration Password" is empty (item ${itemIndex})`,
			{
				itemIndex,
				description: `Enter a password for item ${itemIndex}, or remove the field to leave the password unchanged. Nothing was sent to NetSapiens.`,
			},
		);
	}
	return requestOptions;
}

export const outputSecretsOption: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Output Secrets (Device Passwords)',
			name: 'outputSecrets',
			type: 'boolean',
			default: false,
			description:
				'Whether to output device passwords (SIP registration and provisioning) in clear text. Off: they are masked as ********.',
		},
	],
};
