import type { INodeProperties } from 'n8n-workflow';
import type { FieldSpec } from '../../shared/fieldSpec';
import { locatorModes } from '../../shared/locator';
import { passwordSpec } from '../../shared/passwordFields';
import { pathSegmentPattern } from '../../shared/url';
import type { FieldRule } from '../../shared/validation';

export const registrationIdRule: FieldRule = {
	field: 'registrationId',
	label: 'SIP Registration',
	required: true,
	pattern: pathSegmentPattern('\\S+'),
	patternHint: 'a registration ID without spaces, and not "." or ".."',
};

export const registrationIdLocator: INodeProperties = {
	displayName: 'SIP Registration',
	name: 'registrationId',
	required: true,
	description: 'The SIP registration to work on',
	...locatorModes({
		searchListMethod: 'searchSipRegistrations',
		listPlaceholder: 'Select a registration...',
		idPlaceholder: 'e.g. 7d1c9a2e-…',
	}),
};

/**
 * Every field a registration write sends, with Ultravox's limit and empty-value policy next to it
 * (OpenAPI SipRegistration / PatchedSipRegistration: outboundProxy and authUser are nullable).
 */
export const REGISTRATION_FIELDS: readonly FieldSpec[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		description: 'The SIP username to register as',
		limit: { maxLength: 60 },
		create: 'required',
	},
	passwordSpec('The SIP password for the username. Ultravox never returns it.', {
		create: 'required',
	}),
	{
		displayName: 'Proxy',
		name: 'proxy',
		type: 'string',
		default: '',
		placeholder: 'e.g. sip.example.com',
		description: 'The SIP server to register with',
		limit: { maxLength: 100 },
		create: 'required',
	},
	{
		displayName: 'Outbound Proxy',
		name: 'outboundProxy',
		type: 'string',
		default: '',
		placeholder: 'e.g. proxy.trunk.com',
		description: 'A proxy used to reach your SIP server for registration; most often unset',
		limit: { maxLength: 100 },
		empty: 'clear',
	},
	{
		displayName: 'Auth User',
		name: 'authUser',
		type: 'string',
		default: '',
		description:
			'The authentication username, if different from the SIP username; most often unset',
		limit: { maxLength: 60 },
		empty: 'clear',
	},
];
