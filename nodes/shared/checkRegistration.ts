import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { instantParameter } from './instant';
import { watchRegistration, waitBounds } from './registration';
import type { RequestPathContext, WatchedRegistration } from './types';
import { resourceIdOf } from './rotation';

function detailOf(
	path: RequestPathContext,
	watched: WatchedRegistration,
	after: string,
	waitedSeconds: number | undefined,
): string {
	const { vendor } = path;
	const label = vendor.rotation.resourceLabel;
	const { state, verified } = watched;
	if (verified) {
		return state.registeredAt
			? `The ${label} registered at ${state.registeredAt}, after ${after}.`
			: `${vendor.displayName} showed the ${label} signed out at or after ${after}, then registered again.`;
	}
	const within = waitedSeconds === undefined ? 'checked once' : `waited ${waitedSeconds} s`;
	if (!state.registered) return `The ${label} is not registered (${within}).`;
	if (state.registeredAt)
		return `The ${label} is registered, but since ${state.registeredAt}, not after ${after} (${within}).`;
	return (
		`The ${label} is registered, but ${vendor.displayName} does not say since when and no sign-out was seen after ${after} (${within}), ` +
		'so this does not prove a registration after that time' +
		(waitedSeconds === undefined ? '; choose "Wait for Registration" to watch for one.' : '.')
	);
}

/**
 * Check Registration: whether one resource is registered, since when (where the vendor says), and
 * whether that registration is after a given time, in Rotate Password's words. Every parameter is
 * checked before the first read; the reads follow the rule in registration.ts.
 */
export async function checkRegistration(
	path: RequestPathContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData> {
	const { context, vendor, itemIndex } = path;
	const profile = vendor.rotation;
	const afterMs = instantParameter(
		context,
		{
			name: 'registeredAfter',
			label: 'Registered After',
			required: true,
			hint: 'Set it to the time the registration must follow, e.g. {{ $json.rotatedAt }} from Rotate Password.',
		},
		itemIndex,
	)!;
	const waiting = context.getNodeParameter('check', 'once') === 'waitForRegistration';
	const { waitMs, pollMs } = waiting ? waitBounds(context) : { waitMs: 0, pollMs: 0 };
	const read: IHttpRequestOptions = {
		...(requestData.options as IHttpRequestOptions),
		method: 'GET',
	};
	const watched = await watchRegistration(path, profile.registration!, read, {
		afterMs,
		signOutCountsFromMs: afterMs,
		waitMs,
		pollMs,
	});
	const after = new Date(afterMs).toISOString();
	const output: IDataObject = {
		vendor: vendor.displayName,
		resource: profile.resourceLabel,
		resourceId: resourceIdOf(path, profile),
		registered: watched.state.registered,
		registeredAt: watched.state.registeredAt ?? null,
		registeredAfter: after,
		verification: watched.verified ? 'verified' : 'notVerified',
		verificationDetail: detailOf(path, watched, after, waiting ? waitMs / 1000 : undefined),
		checkedAt: new Date().toISOString(),
	};
	return { json: output };
}
