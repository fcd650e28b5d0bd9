import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';

// Why this file exists: n8n runs a property's preSend (the field checks of validation.ts and the
// vendors' descriptions) while it builds the request, before the request path is called. A preSend
// that throws there makes n8n emit that item's error unpaired, which a list run with several input
// items cannot trace back, and outside the request path's redaction. So createRequestPath wraps
// every preSend of its node once: the wrapper keeps the error with the request options instead of
// throwing it, and the request path raises it as its own error (paired, redacted, worded).
// This is the only place that rewrites the node's properties (in place, once, at load: a wrapper is
// marked and never wrapped again).

/** The error a preSend raised for these request options, kept for the request path. */
const deferredErrors = new WeakMap<object, unknown>();
const GUARDED = Symbol('guardedPreSend');

function guarded(preSend: PreSendAction): PreSendAction {
	if ((preSend as unknown as Record<symbol, boolean>)[GUARDED]) return preSend;
	const guard = async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	) {
		// After one preSend failed, the later ones would check a request that is never sent.
		if (deferredErrors.has(requestOptions)) return requestOptions;
		try {
			return await preSend.call(this, requestOptions);
		} catch (error) {
			deferredErrors.set(requestOptions, error);
			return requestOptions;
		}
	};
	Object.defineProperty(guard, GUARDED, { value: true });
	return guard;
}

type WithRouting = { routing?: INodePropertyRouting; options?: unknown[]; values?: unknown[] };

/** Wraps every preSend of the properties, the nested ones (collections, fixed collections) too. */
export function guardPreSends(entries: readonly INodeProperties[] | unknown[] | undefined): void {
	for (const entry of (entries ?? []) as WithRouting[]) {
		const send = entry?.routing?.send;
		if (send?.preSend) send.preSend = send.preSend.map(guarded);
		guardPreSends(entry?.options);
		guardPreSends(entry?.values);
	}
}

/** Throws the error a guarded preSend kept for these request options, if it kept one. */
export function raiseDeferredError(requestOptions: object): void {
	if (deferredErrors.has(requestOptions)) throw deferredErrors.get(requestOptions);
}
