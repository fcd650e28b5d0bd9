import type { INodePropertyOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import type { IHttpRequestMethods } from 'n8n-workflow';
import { DEFAULT_PASSWORD_LENGTH, MAXIMUM_PASSWORD_LENGTH } from './password';
import type { RotationProfile } from './vendor';

// The request path (requestPath.ts) runs these two operations itself; their routing only says
// which call applies the password.

/** "a device", "an endpoint", "a SIP user": the indefinite article by the label's first letter. */
export function withIndefiniteArticle(label: string): string {
	return `${/^[aeiou]/i.test(label.trim()) ? 'an' : 'a'} ${label}`;
}

export function generatePasswordOption(profile: RotationProfile): INodePropertyOptions {
	return {
		name: 'Generate Password',
		value: 'generatePassword',
		action: `Generate a password for ${withIndefiniteArticle(profile.resourceLabel)}`,
		description:
			'Generate a strong SIP-safe password without applying it, so the workflow can store it before Rotate Password applies it',
		routing: { request: { method: 'GET', url: '/' } },
	};
}

export function rotatePasswordOption(
	profile: RotationProfile,
	apply: { method: IHttpRequestMethods; url: string; preSend?: PreSendAction[] },
): INodePropertyOptions {
	return {
		name: 'Rotate Password',
		value: 'rotatePassword',
		action: `Rotate the password of ${withIndefiniteArticle(profile.resourceLabel)}`,
		description: `Apply a new password to ${withIndefiniteArticle(profile.resourceLabel)}, read it back and report whether the device re-registered`,
		routing: {
			request: { method: apply.method, url: apply.url },
			send: { preSend: apply.preSend ?? [] },
		},
	};
}

export function passwordOperationFields(
	profile: RotationProfile,
	verifiableRegistration: boolean,
): INodeProperties[] {
	const resource = [profile.resource];
	const minimumLength = profile.policy.minimumLength;
	const rotate = { resource, operation: ['rotatePassword'] };
	return [
		{
			displayName: 'Password Source',
			name: 'passwordSource',
			type: 'options',
			displayOptions: { show: rotate },
			options: [
				{
					name: 'Generate',
					value: 'generate',
					description:
						'A new random SIP-safe password from the policy below. With several items, set the node\'s "On Error" to continue, so a failed item cannot discard the passwords applied to the others.',
				},
				{
					name: 'Use a Password I Provide',
					value: 'provided',
					description:
						'E.g. the pending password your workflow stored before this step, so a retry re-applies the same one.',
				},
			],
			default: 'generate',
		},
		{
			displayName: 'New Password',
			name: 'newPassword',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { ...rotate, passwordSource: ['provided'] } },
			default: '',
			description:
				'The password to apply, usually an expression reading the pending password stored by an earlier step. Applying the same password again leaves the vendor unchanged.',
		},
		{
			displayName: 'Password Length',
			name: 'passwordLength',
			type: 'number',
			typeOptions: { minValue: minimumLength, maxValue: MAXIMUM_PASSWORD_LENGTH },
			displayOptions: {
				show: { resource, operation: ['rotatePassword', 'generatePassword'] },
				hide: { passwordSource: ['provided'] },
			},
			default: DEFAULT_PASSWORD_LENGTH,
			description: `Characters in the generated password (never fewer than ${minimumLength}, this vendor's minimum)`,
		},
		{
			displayName: 'Verification',
			name: 'verification',
			type: 'options',
			displayOptions: { show: rotate },
			options: [
				{
					name: 'Read Back',
					value: 'readBack',
					description: verifiableRegistration
						? 'Read the resource back once and report whether the device registered after the change (a registration from before it never counts)'
						: 'Read the resource back; this vendor exposes no registration state, so the result is "not verifiable"',
				},
				...(verifiableRegistration
					? [
							{
								name: 'Wait for Registration',
								value: 'waitForRegistration',
								description:
									'Poll until the device re-registers with the new password, up to the timeout',
							},
						]
					: []),
				{ name: 'None', value: 'none', description: 'Apply the password and do not check' },
			],
			default: 'readBack',
		},
		...(verifiableRegistration
			? ([
					{
						displayName: 'Registration Timeout (Seconds)',
						name: 'registrationTimeoutSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						displayOptions: { show: { ...rotate, verification: ['waitForRegistration'] } },
						default: 60,
						description:
							'How long to wait for the device to re-register before reporting "notVerified"',
					},
					{
						displayName: 'Poll Interval (Seconds)',
						name: 'pollIntervalSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						displayOptions: { show: { ...rotate, verification: ['waitForRegistration'] } },
						default: 5,
						description: 'How often to read the registration state while waiting',
					},
				] as INodeProperties[])
			: []),
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			displayOptions: { show: rotate },
			default: false,
			description:
				'Whether to only check every input and read the resource, and report the write that would be sent (the password masked) and the verification that would apply. Nothing is written; no password is generated.',
		},
		{
			displayName: 'Output New Password',
			name: 'includeNewPassword',
			type: 'boolean',
			displayOptions: { show: rotate },
			default: true,
			description:
				'Whether to output the applied password in the field "newPassword" (and, if the outcome of a failed apply is unknown, in "details.pendingPassword") so the next node can store it. Turn off only if the workflow already stored it (with Password Source "Generate" it must stay on).',
		},
	];
}
