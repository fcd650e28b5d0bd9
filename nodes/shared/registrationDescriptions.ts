import type { INodePropertyOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import { MAXIMUM_WAIT_SECONDS } from './registration';
import { withIndefiniteArticle } from './rotationDescriptions';
import type { RotationProfile } from './vendor';

// The request path (requestPath.ts) runs Check Registration itself; its routing is the read.
export function checkRegistrationOption(
	profile: RotationProfile,
	read: { url: string; preSend?: PreSendAction[] },
): INodePropertyOptions {
	return {
		name: 'Check Registration',
		value: 'checkRegistration',
		action: `Check the registration of ${withIndefiniteArticle(profile.resourceLabel)}`,
		description: `Whether ${withIndefiniteArticle(profile.resourceLabel)} is registered, since when, and whether it registered after a given time (e.g. a rotation)`,
		routing: { request: { method: 'GET', url: read.url }, send: { preSend: read.preSend ?? [] } },
	};
}

/** The fields of Check Registration after the resource's own identifiers (each vendor's checkRegistration.ts). */
export function checkRegistrationFields(
	profile: RotationProfile,
	statesTime: boolean,
): INodeProperties[] {
	// The two bounds of "Wait for Registration", shown only with it.
	const waitingSeconds = {
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAXIMUM_WAIT_SECONDS },
		displayOptions: { show: { check: ['waitForRegistration'] } },
	} satisfies Partial<INodeProperties>;
	return [
		{
			displayName: 'Registered After',
			name: 'registeredAfter',
			type: 'dateTime',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.rotatedAt }}',
			description: statesTime
				? `"verified" only if the ${profile.resourceLabel}'s registration time is in a later second than this, e.g. the "rotatedAt" of Rotate Password`
				: `"verified" only if a sign-out at or after this time, then a registration, is seen (this vendor states no registration time): choose "Wait for Registration"`,
		},
		{
			displayName: 'Check',
			name: 'check',
			type: 'options',
			options: [
				{ name: 'Once', value: 'once', description: 'Read the registration state once' },
				{
					name: 'Wait for Registration',
					value: 'waitForRegistration',
					description:
						'Read it every poll interval until it shows a registration after the time, up to the timeout',
				},
			],
			default: 'once',
		},
		{
			displayName: 'Registration Timeout (Seconds)',
			name: 'registrationTimeoutSeconds',
			...waitingSeconds,
			default: 60,
			description: 'How long to wait before reporting "notVerified"',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			...waitingSeconds,
			default: 5,
			description: 'How often to read the registration state while waiting',
		},
	];
}

/** Get Many's drift filter; the rule is notRegisteredSinceFilter (registration.ts). */
export function notRegisteredSinceField(
	profile: RotationProfile,
	statesTime: boolean,
): INodeProperties {
	const plural = `${profile.resourceLabel}s`;
	return {
		displayName: 'Only Not Registered Since',
		name: 'notRegisteredSince',
		type: 'dateTime',
		default: '',
		description: statesTime
			? `Return only the ${plural} whose registration time is not in a later second than this (never registered, signed out, or registered before it), e.g. the last rotation. Filtered as the pages arrive: Limit counts the ${plural} kept. Leave empty to list all.`
			: `Return only the ${plural} not registered when listed. This vendor does not say since when a registration holds, so a registered ${profile.resourceLabel} counts as registered since this time (it signs devices out when a password changes); use Check Registration with "Wait for Registration" to prove one. Limit counts the ${plural} kept. Leave empty to list all.`,
	};
}
