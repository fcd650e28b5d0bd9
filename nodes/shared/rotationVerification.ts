import type { IHttpRequestOptions } from 'n8n-workflow';
import { watchRegistration } from './registration';
import type { RequestPathContext, Verification } from './types';

/**
 * Rotate Password's verification where the vendor exposes registration state: read the resource back (once, or
 * until the wait ends) for a registration after the second the password was applied. Reached only through
 * registrationOperations, so the bundles of vendors without a registration state do not carry it.
 */
export async function verifyByRegistration(
	path: RequestPathContext,
	readBack: IHttpRequestOptions,
	appliedAtSecond: number,
	wait: { waitMs: number; pollMs: number },
): Promise<Verification> {
	const { vendor } = path;
	const profile = vendor.rotation;
	// verificationWait (rotation.ts): a wait only with "Wait for Registration", at least 1 s; 0 reads once.
	const waiting = wait.waitMs > 0;
	// Every read follows the apply, so any sign-out it shows counts (registration.ts has the rule).
	const { state, verified } = await watchRegistration(path, profile.registration!, readBack, {
		afterMs: appliedAtSecond * 1000,
		signOutCountsFromMs: -Infinity,
		waitMs: wait.waitMs,
		pollMs: wait.pollMs,
		signedOutAtMoment: profile.changeSignsOut === true,
	});
	if (verified) {
		return {
			verification: 'verified',
			verificationDetail: state.registeredAt
				? `The device registered with the new password at ${state.registeredAt}, after the change.`
				: profile.changeSignsOut
					? `${vendor.displayName} signs out every device when its password changes; the ${profile.resourceLabel} registered again after the change.`
					: `${vendor.displayName} reported the ${profile.resourceLabel} signed out after the change, then registered again.`,
		};
	}
	const since = state.registeredAt
		? `since ${state.registeredAt}, not after the change`
		: 'with no sign-out seen after the change';
	return {
		verification: 'notVerified',
		verificationDetail:
			(waiting
				? `The device did not register with the new password within ${wait.waitMs / 1000} s.`
				: `The device is not registered with the new password yet (checked once; choose "Wait for Registration" to wait).`) +
			(state.registered
				? ` It is registered, but ${since}, which does not prove it has the new password.`
				: ''),
	};
}
