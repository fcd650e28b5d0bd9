import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { choices } from '../../shared/choices';
import { limitWords } from '../../shared/fieldSpec';
import type { FieldSpec } from '../../shared/fieldSpec';
import { locatorModes } from '../../shared/locator';
import { pathSegmentPattern } from '../../shared/url';
import type { FieldRule } from '../../shared/validation';

/** DomainNamePath: ≤ 64 characters; `~` is the domain of the key or token. */
export const domainRule: FieldRule = {
	field: 'domain',
	label: 'Domain',
	required: true,
	maxLength: 64,
	// The spec's pattern `^[A-Za-z0-9._-]*|~|\*+` is unanchored at its end; this is its intent.
	// `*` (all domains) is left out: it names no single domain a device can live in.
	pattern: pathSegmentPattern('(?:~|[A-Za-z0-9._-]+)'),
	patternHint:
		'letters, digits, ".", "_" and "-", or "~" for the domain of the key; not "." or ".."',
};

/** UserNamePath: 0–16 characters; `~` is the user of the key or token. */
export const userRule: FieldRule = {
	field: 'user',
	label: 'User',
	required: true,
	maxLength: 16,
	pattern: pathSegmentPattern('[^\\s/]+'),
	patternHint:
		'an extension without spaces or "/", or "~" for the user of the key; not "." or ".."',
};

export const deviceRule: FieldRule = {
	field: 'device',
	label: 'Device',
	required: true,
	pattern: pathSegmentPattern('[^\\s/]+'),
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
		required: true,
		description,
		// shown under the field, without a hover: what the default "~" stands for
		...(hint ? { hint } : {}),
		...locatorModes({
			searchListMethod,
			listPlaceholder: `Select a ${displayName.toLowerCase()}...`,
			idPlaceholder: placeholder,
			defaultValue,
		}),
	};
}

export const domainLocator = locator(
	'domain',
	'Domain',
	'searchDomains',
	'~',
	'e.g. example.com, or ~',
	`The NetSapiens domain. "~" means the domain of the API key or logged-in user (${limitWords(domainRule)}).`,
	'"~" (the default) is the domain of the API key or logged-in user',
);

export const userLocator = locator(
	'user',
	'User',
	'searchUsers',
	'~',
	'e.g. 1000, or ~',
	`The user (extension) that owns the device. "~" means the user of the API key or logged-in user (${limitWords(userRule)}).`,
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

const yesNo = (vendorDefault: 'yes' | 'no') => choices({ Yes: 'yes', No: 'no' }, vendorDefault);

/**
 * The device name (Create only) and the 23 writable device fields of NetSapiens' UpdateDevice /
 * CreateDevice, one node field each, in the spec's order, each with its limit and empty-value policy. The spec's descriptions of most yes/no flags are copies of an unrelated text
 * (https://docs.ns-api.com/v45.0/reference/updatedevice), so the descriptions here follow the field names [I].
 */
export const DEVICE_FIELDS: readonly FieldSpec[] = [
	{
		displayName: 'Device',
		name: 'device',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1000a',
		description: 'Name of the new device, the first part of its SIP URI sip:{device}@{domain}',
		limit: { pattern: deviceRule.pattern, patternHint: deviceRule.patternHint },
		create: 'required',
		update: false,
	},
	{
		displayName: 'SIP Registration Password',
		name: 'sipRegistrationPassword',
		send: 'device-sip-registration-password',
		type: 'string',
		default: '',
		typeOptions: { password: true },
		// Often an expression that resolved to nothing; removing the field leaves the password as it is.
		empty: 'refuse',
		emptyRefused: 'an empty password would lock every phone of the device out',
		description:
			'The password the device registers with. On create, NetSapiens generates a random 16-character one when this is not set.',
	},
	{
		displayName: 'Emergency Caller ID Number',
		name: 'callerIdNumberEmergency',
		send: 'caller-id-number-emergency',
		type: 'string',
		default: '',
		placeholder: '[*]',
		description:
			"Emergency caller ID for this device, overriding the user's. NetSapiens' default is [*].",
	},
	{
		displayName: 'Force Notify New Voicemails',
		name: 'forceNotifyNewVoicemails',
		send: 'device-force-notify-new-voicemails-enabled',
		...yesNo('no'),
		description: 'Whether the device is always notified of new voicemails (default: no)',
	},
	{
		displayName: 'Device-Level Call Recording',
		name: 'deviceLevelCallRecording',
		send: 'device-level-call-recording-enabled',
		...yesNo('no'),
		description: 'Whether calls of this device are recorded at device level (default: no)',
	},
	{
		displayName: 'Push Notifications',
		name: 'pushEnabled',
		send: 'device-push-enabled',
		...yesNo('yes'),
		description: 'Whether push notifications are enabled for the device (default: yes)',
	},
	{
		displayName: 'Registration Expiry (Seconds)',
		name: 'registrationExpirySeconds',
		send: 'device-sip-registration-expiry-seconds',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 60,
		description:
			'The re-register period requested for the device, a whole number of seconds (default 60). The device counts as unregistered if it does not register again within it plus a grace period.',
	},
	{
		displayName: 'Ignore for Presence Calculation',
		name: 'ignoreForPresenceCalculation',
		send: 'device-sip-registration-ignore-for-presence-calculation',
		...yesNo('no'),
		description:
			"Whether this device's registration is left out of the user's presence (default: no)",
	},
	{
		displayName: 'Ignore in Registration Report',
		name: 'ignoreRegistrationReport',
		send: 'device-sip-registration-ignore-report-enabled',
		...yesNo('no'),
		description: 'Whether this device is left out of registration reports (default: no)',
	},
	{
		displayName: 'No To-Tag in CANCEL',
		name: 'noToTagInCancel',
		send: 'device-sip-no-to-tag-in-cancel',
		...yesNo('no'),
		description:
			'Whether SIP CANCEL requests to this device are sent without a To tag (default: no)',
	},
	{
		displayName: 'SRTP',
		name: 'srtp',
		send: 'device-srtp-enabled',
		...choices(
			{
				Yes: ['yes', 'Encrypted audio is required'],
				No: ['no', 'Plain RTP'],
				Opportunistic: ['opportunistic', 'Encrypted audio when the device offers it'],
			},
			'no',
		),
		description: 'Secure (encrypted) audio for the device (default: no)',
	},
	{
		displayName: 'Auto Answer',
		name: 'autoAnswer',
		send: 'auto-answer-enabled',
		...yesNo('no'),
		description: 'Whether the device answers calls automatically (default: no)',
	},
	{
		displayName: 'Call Recording',
		name: 'recordingConfiguration',
		send: 'recording-configuration',
		...choices(
			{
				No: 'no',
				Yes: 'yes',
				'Yes, With Transcription': 'yes-with-transcription',
				'Yes, With Transcription and Sentiment': 'yes-with-transcription-and-sentiment',
			},
			'no',
		),
		description: 'Whether calls are recorded, optionally transcribed and analysed (default: no)',
	},
	{
		displayName: 'Allowed User Agent',
		name: 'allowedUserAgent',
		send: 'device-sip-allowed-user-agent',
		type: 'string',
		default: '',
		placeholder: 'e.g. Yealink',
		description:
			'Restricts registration to this user agent, or a partial match of it, as an extra safeguard',
	},
	{
		displayName: 'NAT Traversal',
		name: 'natTraversal',
		send: 'device-sip-nat-traversal-enabled',
		...choices(
			{ Automatic: 'automatic', None: 'none', Never: 'never', Fixed: 'fixed' },
			'automatic',
		),
		description: 'NAT traversal for the device; "Automatic" is right for almost every device',
	},
	{
		displayName: 'Emergency Address ID',
		name: 'emergencyAddressId',
		send: 'emergency-address-id',
		type: 'string',
		default: '',
		empty: 'clear',
		description: 'The emergency (E911) address ID for this device',
	},
	{
		displayName: 'Device Model',
		name: 'model',
		send: 'device-models-model',
		type: 'string',
		default: '',
		description:
			'Phone model; with a MAC address it links the device to that phone in provisioning',
	},
	{
		displayName: 'Provisioning MAC Address',
		name: 'macAddress',
		send: 'device-provisioning-mac-address',
		type: 'string',
		default: '',
		placeholder: 'e.g. 805ec0123456',
		description: 'MAC address of the phone this device is provisioned on; needs a Device Model too',
	},
	{
		displayName: 'Provisioning Core Server',
		name: 'provisioningCoreServer',
		send: 'device-provisioning-registration-core-server',
		type: 'string',
		default: '',
		description: 'The SiPbx core server the phone is provisioned to register with',
	},
	{
		displayName: 'Provisioning SIP Transport',
		name: 'transportProtocol',
		send: 'device-provisioning-sip-transport-protocol',
		...choices({ UDP: 'udp', TCP: 'tcp', TLS: 'tls' }, 'udp'),
		description: 'The SIP transport requested when the phone is provisioned (default: UDP)',
	},
	{
		displayName: 'Provisioning Username',
		name: 'provisioningUsername',
		send: 'device-provisioning-username',
		type: 'string',
		default: '',
		empty: 'clear',
		description: 'Username the phone uses to fetch its configuration',
	},
	{
		displayName: 'Provisioning Password',
		name: 'provisioningPassword',
		send: 'device-provisioning-password',
		type: 'string',
		default: '',
		empty: 'clear',
		typeOptions: { password: true },
		description: 'Password the phone uses to fetch its configuration',
	},
	{
		displayName: 'Provisioning Line',
		name: 'provisioningLine',
		send: 'device-provisioning-line',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 1,
		description:
			'Which line of the phone this device uses, a whole number (with a model and MAC address)',
	},
	{
		displayName: 'Provisioning Overrides',
		name: 'provisioningOverrides',
		send: 'device-provisioning-overrides',
		type: 'string',
		default: '',
		description: 'Overrides set for the MAC address in the provisioning server',
	},
];

/** NetSapiens' names of the fields the user set in a collection, in the order NetSapiens gets them. */
export function vendorFieldNames(set: IDataObject): string[] {
	return DEVICE_FIELDS.filter((field) => field.name in set).map(
		(field) => field.send ?? field.name,
	);
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
