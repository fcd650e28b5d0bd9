import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { instantParameter } from './instant';
import { readResourceBody } from './readBack';
import type { RegistrationWatch, RequestPathContext, WatchedRegistration } from './types';
import type { RegistrationState } from './vendor';

/**
 * The one rule of what counts as a registration after a moment, shared by Rotate Password's
 * verification, Check Registration and Get Many's "Only Not Registered Since":
 * - where the vendor states a registration time (to the second), the registration's whole second
 *   must be later than the moment's second: a registration stamped S is at or after S, so S later
 *   than the moment's second is after it; one in the same second could be from just before;
 * - where the vendor states only a state, a registration counts only when it was seen to follow a
 *   sign-out that was itself seen at or after the moment.
 */
export function registeredAfter(
	state: RegistrationState,
	afterMs: number,
	signOutSeenSince: boolean,
): boolean {
	if (!state.registered) return false;
	const registeredMs = state.registeredAt ? Date.parse(state.registeredAt) : NaN;
	return Number.isFinite(registeredMs)
		? Math.floor(registeredMs / 1000) > Math.floor(afterMs / 1000)
		: signOutSeenSince;
}

/**
 * Reads the resource until it shows a registration after the moment, or the wait ends, using n8n's
 * sleep.
 */
export async function watchRegistration(
	path: RequestPathContext,
	registration: (body: unknown) => RegistrationState,
	read: IHttpRequestOptions,
	watch: RegistrationWatch,
): Promise<WatchedRegistration> {
	const deadline = Date.now() + watch.waitMs;
	let signOutSeen = watch.signedOutAtMoment === true;
	// Bounded: one read per poll interval until `waitMs` has passed (one read when it is 0), so at
	// most waitMs / pollMs + 1 reads; waitBounds keeps waitMs within 3600 s and pollMs at 1 s or more.
	for (;;) {
		const sentAt = Date.now();
		const state = registration(await readResourceBody(path, read));
		if (registeredAfter(state, watch.afterMs, signOutSeen))
			return { state, verified: true, signOutSeen };
		if (!state.registered && sentAt >= watch.signOutCountsFromMs) signOutSeen = true;
		if (Date.now() >= deadline) return { state, verified: false, signOutSeen };
		await sleep(Math.min(watch.pollMs, Math.max(0, deadline - Date.now())));
	}
}

/** The longest wait a node will hold an item for; longer waits belong in an n8n Wait node. */
export const MAXIMUM_WAIT_SECONDS = 3600;

/**
 * The timeout and poll interval of a wait for registration, in ms. Both were checked per item by
 * assertParameters (parameters.ts) before any request: whole seconds from 1 to their maximum
 * (MAXIMUM_WAIT_SECONDS, or UPPER_BOUNDS for Rotate Password's poll interval). The fallbacks only
 * keep watchRegistration bounded should a value ever reach here unchecked.
 */
export function waitBounds(context: IExecuteSingleFunctions): { waitMs: number; pollMs: number } {
	const seconds = (name: string, fallback: number) => {
		const value = context.getNodeParameter(name, fallback) as unknown;
		return typeof value === 'number' && value >= 1 && value <= MAXIMUM_WAIT_SECONDS
			? value * 1000
			: fallback * 1000;
	};
	return {
		waitMs: seconds('registrationTimeoutSeconds', 60),
		pollMs: seconds('pollIntervalSeconds', 5),
	};
}

/**
 * Get Many's "Only Not Registered Since": a predicate that keeps the listed resources not registered
 * since the given time, or undefined when the option is empty. A list shows each resource once, so
 * where the vendor states no registration time (Vobiz, Ultravox) no sign-out can be seen: a resource
 * registered when listed counts as registered since then (these vendors sign a device out when its
 * password changes), and only the resources not registered are kept.
 */
export function notRegisteredSinceFilter(
	path: RequestPathContext,
): ((item: IDataObject) => boolean) | undefined {
	const registration = path.vendor.rotation.registration;
	if (!registration) return undefined;
	const sinceMs = instantParameter(
		path.context,
		{
			name: 'notRegisteredSince',
			label: 'Only Not Registered Since',
			required: false,
			hint: 'Set it to the time the resources must have registered after (e.g. the last rotation), or clear it to list all.',
		},
		path.itemIndex,
	);
	if (sinceMs === undefined) return undefined;
	const listedAt = Date.now();
	return (item) => !registeredAfter(registration(item), sinceMs, sinceMs <= listedAt);
}
