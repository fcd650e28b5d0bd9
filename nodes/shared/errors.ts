import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { redactSecrets } from './redact';
import { OffOriginError } from './url';

/** What went wrong with one HTTP exchange, stripped of anything that could hold a secret. */
export interface HttpFailure {
	status?: number;
	/** Network-level code such as ECONNRESET or ECONNABORTED when no response arrived. */
	networkCode?: string;
	/** The host a network failure happened on, when the HTTP client says. */
	host?: string;
	body?: unknown;
	rateLimitWaits?: number;
	retriedTimes?: number;
	/** The request's method: a read was retried where a write never is, and a write may have been applied. */
	method?: string;
	/** A 2xx answer whose body could not be read where the operation needs one. */
	unreadable?: UnreadableAnswer;
	/** How many times the request was sent, and the seconds the item spent on failed attempts and waits. */
	attempts?: number;
	elapsedSeconds?: number;
	/** Set when the retries stopped because the item's retry time ("Max Retry Time per Item") ran out. */
	retryTimeLimitSeconds?: number;
	/** A 429 whose Retry-After asked for longer than "Max Retry Wait" allows. */
	retryAfterSeconds?: number;
	maxRetryWaitSeconds?: number;
}

/**
 * Why a 2xx answer's body could not be used: cut off or otherwise not JSON, missing, or JSON of
 * another shape than the operation's (a list where one resource was expected, a page without items).
 */
export type UnreadableAnswer = 'malformed' | 'empty' | 'unexpected';

const UNREADABLE_SUMMARY: Record<UnreadableAnswer, string> = {
	malformed: 'a body that is not valid JSON',
	empty: 'an empty body',
	unexpected: 'an answer of an unexpected shape',
};

/** The node's own words for an unreadable answer (never quoted as the vendor's). */
export const UNREADABLE_DETAIL: Record<UnreadableAnswer, string> = {
	malformed: 'The answer was not valid JSON.',
	empty: 'The answer was empty where a JSON object was expected.',
	unexpected: 'The answer was JSON, but not of the shape this operation expects.',
};

export interface ErrorContext {
	vendor: string;
	operation: string;
	itemIndex: number;
	/** The vendor's own words, extracted from its error body. */
	vendorMessage?: string;
	/** The node's own explanation, shown before the advice (never as the vendor's words). */
	detail?: string;
	/** Secrets that must never appear in a message (new passwords, keys). */
	secrets?: string[];
}

const STATUS_ADVICE: Record<number, (vendor: string) => string> = {
	400: () =>
		'The request was rejected as invalid. Correct the field the vendor names and run again.',
	401: (vendor) =>
		`${vendor} rejected the credential. Open the credential, check the key or token (and that it has the scope this operation needs) then save it: n8n tests a credential when it is saved.`,
	403: (vendor) =>
		`${vendor} refused this operation for this key: it lacks the scope or permission, or it is read-only. Use a key that may perform this operation.`,
	404: () =>
		'Nothing was found at that ID or path. Check the ID (or pick it from the list) and the account it belongs to.',
	409: () =>
		'It conflicts with an existing resource (for example a username already in use). Choose another value.',
	422: () =>
		'The request was rejected as invalid. Correct the field the vendor names and run again.',
};

const isRead = (method: string | undefined) =>
	['GET', 'HEAD', 'OPTIONS'].includes((method ?? '').toUpperCase());

const times = (count: number) => `${count} time${count === 1 ? '' : 's'}`;

/** For a write that failed without a clear answer: it may have been applied. */
const WRITE_UNCERTAIN =
	'Writes are not retried automatically: the change may or may not have been applied, so read the resource back before running it again.';

function adviceFor(failure: HttpFailure, vendor: string): string {
	const { status, networkCode, method } = failure;
	const read = isRead(method);
	const retried = times(failure.retriedTimes ?? 0);
	if (failure.unreadable) {
		return read
			? `Run it again; if it keeps happening, check that the credential's server / base URL points at ${vendor}'s API.`
			: `${vendor} accepted the request, so the change was probably applied. Read the resource back (Get) before running it again.`;
	}
	if (status === 429 && failure.retryAfterSeconds !== undefined) {
		return `${vendor} asked the node to wait ${failure.retryAfterSeconds} s before trying again, more than the ${failure.maxRetryWaitSeconds} s "Max Retry Wait (Seconds)" allows, so the node did not wait. Raise "Max Retry Wait (Seconds)" in the node's Options, or lower "Requests per Second" so the vendor stops asking; otherwise run it again later.`;
	}
	if (status === 429) {
		const waits = failure.rateLimitWaits ?? 0;
		return `${vendor} kept answering "too many requests" after the node waited ${times(waits)}. Lower "Requests per Second" in the node's Options, or raise "Max Rate-Limit Retries".`;
	}
	if (status !== undefined && STATUS_ADVICE[status]) return STATUS_ADVICE[status](vendor);
	if (status !== undefined && status >= 300 && status < 400) {
		return `${vendor} answered with a redirect. The node does not follow redirects, so the credential is only ever sent to its own server: check the credential's server / base URL.`;
	}
	if (status !== undefined && status >= 500) {
		return read
			? `${vendor} had a server error; the node retried this read ${retried}. Try again later, or raise "Retries on Server Errors (Reads Only)" in the node's Options.`
			: `${vendor} had a server error. ${WRITE_UNCERTAIN}`;
	}
	if (networkCode === 'ECONNABORTED' || networkCode === 'ETIMEDOUT') {
		return read
			? `No answer from ${vendor} in time; the node retried this read ${retried}. Try again later, or raise the Timeout under Request Options.`
			: `No answer from ${vendor} in time. ${WRITE_UNCERTAIN} Or raise the Timeout under Request Options.`;
	}
	if (networkCode) {
		const cause = networkCauseOf(networkCode, failure.host);
		// A host that cannot be found or a certificate that is refused means nothing reached the
		// vendor, even for a write: nothing to read back.
		const what = capitalised(cause.what);
		if (cause.nothingSent) return `${what}: ${cause.todo}.`;
		return read
			? `${what}; the node retried this read ${retried}. ${capitalised(cause.todo)}.`
			: `${what}. ${capitalised(cause.todo)}. ${WRITE_UNCERTAIN}`;
	}
	return 'Check the parameters and the credential, then run again.';
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The vendor's words as a sentence of their own, so the node's next sentence does not run on from them. */
export function asSentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?…)\]"]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const CERTIFICATE_CODES = new Set([
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'CERT_UNTRUSTED',
]);

/** A network failure in words: what happened and what to do (the code stays, in brackets, for searching). */
export function networkCauseOf(
	code: string,
	host?: string,
	/**
	 * Off where n8n wraps the message itself (a credential's login): n8n swaps any message naming a
	 * network code for its own generic sentence.
	 */
	showCode = true,
): { what: string; todo: string; nothingSent: boolean } {
	const where = host ? `the host ${host}` : "the credential's host";
	const named = (text: string) => (showCode ? text : text.replace(/ \([A-Z][A-Z0-9_]+\)/, ''));
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			what: named(`could not find ${where} (${code})`),
			todo: "check the Base URL (or Server) of the credential and this machine's network and DNS",
			nothingSent: true,
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			what: named(
				`${where} refused the connection (ECONNREFUSED): nothing answers at that address and port`,
			),
			todo: 'check the Base URL (or Server) of the credential, and that the service is up',
			nothingSent: true,
		};
	}
	if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
		return {
			what: named(`no answer from ${where} in time (${code})`),
			todo: 'try again later, or check the network',
			nothingSent: false,
		};
	}
	if (CERTIFICATE_CODES.has(code)) {
		return {
			what: named(`the TLS certificate of ${where} could not be verified (${code})`),
			todo: "check that the Base URL is the vendor's own host; a proxy or a wrong host presents another certificate",
			nothingSent: true,
		};
	}
	if (code === 'ECONNRESET' || code === 'EPIPE') {
		return {
			what: named(`the connection to ${where} was closed before an answer (${code})`),
			todo: 'try again; if it keeps happening, check the network',
			nothingSent: false,
		};
	}
	return {
		what: named(`the connection to ${where} failed (${code})`),
		todo: 'check the Base URL (or Server) of the credential and the network',
		nothingSent: false,
	};
}

/** How long the node kept at it, when it tried more than once or its retry time ran out. */
function gaveUp(failure: HttpFailure): string | undefined {
	const { attempts = 1, elapsedSeconds = 0, retryTimeLimitSeconds } = failure;
	if (retryTimeLimitSeconds !== undefined) {
		return `The node gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} over ${elapsedSeconds} s: another retry would have gone past the ${retryTimeLimitSeconds} s "Max Retry Time per Item (Seconds)" allows.`;
	}
	if (attempts > 1) return `The node gave up after ${attempts} attempts over ${elapsedSeconds} s.`;
	return undefined;
}

function summary(failure: HttpFailure, vendor: string): string {
	if (failure.unreadable)
		return `${vendor} answered HTTP ${failure.status} with ${UNREADABLE_SUMMARY[failure.unreadable]}`;
	if (failure.status === 429) return 'rate limit exceeded (HTTP 429)';
	if (failure.status !== undefined) return `${vendor} answered HTTP ${failure.status}`;
	if (failure.networkCode === 'ECONNABORTED' || failure.networkCode === 'ETIMEDOUT')
		return 'the request timed out';
	return networkCauseOf(failure.networkCode ?? 'unknown network error', failure.host).what;
}

interface HttpClientError {
	cause?: {
		code?: string;
		hostname?: string;
		cause?: { hostname?: string; host?: string };
		config?: { url?: string; baseURL?: string };
		response?: { status?: number; data?: unknown; headers?: IDataObject };
	};
}

/** The host an HTTP client error is about (DNS errors name it; else the request's URL). */
function hostOf(cause: NonNullable<HttpClientError['cause']>): string | undefined {
	const named = cause.hostname ?? cause.cause?.hostname ?? cause.cause?.host;
	if (typeof named === 'string' && named) return named;
	const url = cause.config?.url;
	const base = cause.config?.baseURL;
	if (
		typeof url === 'string' &&
		URL.canParse(url, typeof base === 'string' && base ? base : undefined)
	) {
		return new URL(url, typeof base === 'string' && base ? base : undefined).host;
	}
	return undefined;
}

/** The status, body and headers of a failed call, when the failure came from HTTP at all. */
export function httpFailureOf(
	error: unknown,
): (HttpFailure & { headers?: IDataObject }) | undefined {
	const cause = (error as HttpClientError)?.cause;
	if (!cause || typeof cause !== 'object') return undefined;
	if (cause.response?.status) {
		return {
			status: cause.response.status,
			body: cause.response.data,
			headers: cause.response.headers,
		};
	}
	// Node's network codes (ECONNRESET, ENOTFOUND) and TLS ones (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID).
	if (cause.code && /^[A-Z][A-Z0-9_]+$/.test(cause.code))
		return { networkCode: cause.code, host: hostOf(cause) };
	return undefined;
}

/** The message of every error of an operation: `<Vendor> <Operation> failed: <what happened>`. */
function operationFailed(
	context: Pick<ErrorContext, 'vendor' | 'operation'>,
	what: string,
): string {
	return `${context.vendor} ${context.operation} failed: ${what}`;
}

/**
 * One NodeApiError per failed call: the message says which operation failed and how, the
 * description carries the vendor's own message and what to do. The error response handed to
 * n8n is a plain object we built, never the HTTP client's error (which holds request headers).
 */
export function toNodeApiError(
	node: INode,
	failure: HttpFailure,
	context: ErrorContext,
): NodeApiError {
	const { vendor, itemIndex, secrets } = context;
	const vendorMessage = context.vendorMessage
		? redactSecrets(context.vendorMessage, secrets)
		: undefined;
	const message = redactSecrets(operationFailed(context, summary(failure, vendor)), secrets);
	const advice = adviceFor(failure, vendor);
	const said = vendorMessage ? `${vendor} said: ${asSentence(vendorMessage)}` : undefined;
	const detail = context.detail ? redactSecrets(asSentence(context.detail), secrets) : undefined;
	const description = [said, detail, gaveUp(failure), advice].filter(Boolean).join('\n');
	const httpCode =
		failure.status !== undefined ? String(failure.status) : (failure.networkCode ?? 'none');
	return ownNodeApiError(
		node,
		{ message, description, httpCode, ...(vendorMessage ? { vendorMessage } : {}) },
		itemIndex,
	);
}

/**
 * A 2xx answer that could not be used (an AnswerFailure, thrown where the answer is read) as the
 * operation's NodeApiError: for an unreadable body the words are the node's own, else the vendor's.
 * `method` where the advice depends on it (a read may be run again, a write may have been applied).
 */
export function answerFailureError(
	node: INode,
	error: AnswerFailure,
	context: ErrorContext,
	method?: string,
): NodeApiError {
	const words =
		error.unreadable !== undefined
			? { detail: error.vendorMessage }
			: { vendorMessage: error.vendorMessage };
	return toNodeApiError(
		node,
		{ status: error.status, method, unreadable: error.unreadable },
		{ ...context, ...words },
	);
}

/** answerFailureError for whatever was thrown, where it is an AnswerFailure; else undefined. */
export function answerFailureErrorOf(
	node: INode,
	error: unknown,
	context: ErrorContext,
	method?: string,
): NodeApiError | undefined {
	return error instanceof AnswerFailure
		? answerFailureError(node, error, context, method)
		: undefined;
}

/** A 2xx answer of another shape than the operation reads (`detail`: how, in the node's words). */
export function unexpectedAnswerError(
	node: INode,
	status: number,
	detail: string,
	context: ErrorContext,
): NodeApiError {
	return answerFailureError(
		node,
		new AnswerFailure(node, status, detail, 'unexpected'),
		context,
		'GET',
	);
}

/**
 * A NodeApiError of the node's own words: the error response handed to n8n is the plain object
 * built here (never an HTTP client's error, which holds request headers).
 */
function ownNodeApiError(
	node: INode,
	response: { message: string; description: string; httpCode: string; vendorMessage?: string },
	itemIndex: number,
): NodeApiError {
	const { message, description, httpCode } = response;
	const error = new NodeApiError(node, response as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
	// NodeApiError swaps a message for n8n's generic words when its code is a network code
	// (ECONNRESET, ECONNABORTED…), which would lose the operation's name: ours is kept.
	error.message = message;
	return error;
}

/**
 * A request the credential refused before anything was sent (a link off the credential's origin,
 * a base URL that is not safe), as the operation's error: its name, what happened, what to do.
 */
export function refusedRequestError(
	node: INode,
	error: unknown,
	context: ErrorContext,
): NodeApiError {
	const { vendor, itemIndex } = context;
	const original =
		error instanceof NodeApiError && error.cause instanceof Error ? error.cause : error;
	const offOrigin = original instanceof OffOriginError;
	const reason = offOrigin
		? `a link in ${vendor}'s answer pointed to another origin (${original.target})`
		: (original as Error)?.message || 'the request could not be sent';
	const message = operationFailed(context, reason);
	const ownDescription = (original as { description?: unknown })?.description;
	const description = offOrigin
		? `The node did not follow it, so the credential never left ${original.allowed}: ${vendor}'s answer (for a list, its link to the next page) pointed to ${original.target}. Nothing was output. Run it again; if it keeps happening, check that the credential's base URL is ${vendor}'s API and report the link to ${vendor}.`
		: typeof ownDescription === 'string' && ownDescription
			? ownDescription
			: `Nothing was sent to ${vendor}. Correct the credential or the parameter named above, then run again.`;
	return ownNodeApiError(node, { message, description, httpCode: 'none' }, itemIndex);
}

/**
 * A list whose length disagrees with the total its vendor states (issue 16): what happened, on which
 * page, and what to do. Nothing is output: a "rotate every device" flow must not take a short list
 * for the whole fleet.
 */
export function statedTotalError(
	node: INode,
	context: Pick<ErrorContext, 'vendor' | 'operation' | 'itemIndex'>,
	pageNumber: number,
	readBefore: number,
	what: string,
): NodeApiError {
	const { vendor, itemIndex } = context;
	const message = operationFailed(
		context,
		`the list did not hold as many entries as ${vendor} said it does`,
	);
	const description = [
		`On page ${pageNumber} of the list (${readBefore} entries were read before it): ${what}`,
		'Nothing was output, rather than a list that may be short or hold an entry twice.',
		`Entries added or removed while the node reads the list page by page make it disagree with the count: run the node again. If it keeps happening while nothing changes, ${vendor}'s list and its own count disagree: report it to ${vendor}.`,
	].join('\n');
	return ownNodeApiError(node, { message, description, httpCode: '200' }, itemIndex);
}

/** Flattens the common vendor error shapes into one readable line. */
export function flattenErrorBody(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body.length > 500 ? `${body.slice(0, 500)}…` : body;
	if (Array.isArray(body)) {
		const parts = body.map(flattenErrorBody).filter(Boolean);
		return parts.length ? parts.join('; ') : undefined;
	}
	if (typeof body === 'object') {
		const parts: string[] = [];
		for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
			const text = flattenErrorBody(value);
			if (text !== undefined) parts.push(`${key}: ${text}`);
		}
		return parts.length ? parts.join('; ') : undefined;
	}
	return String(body);
}

/**
 * A 2xx answer that still failed (a `{success: false}` envelope, a body that is not JSON). Thrown
 * where the answer is read; the request path turns it into the operation's NodeApiError.
 */
export class AnswerFailure extends NodeOperationError {
	constructor(
		node: INode,
		readonly status: number,
		readonly vendorMessage: string | undefined,
		/** Set when the body itself could not be read: the message is then the node's words, not the vendor's. */
		readonly unreadable?: UnreadableAnswer,
	) {
		super(node, vendorMessage ?? `Unexpected answer (HTTP ${status})`);
	}
}
