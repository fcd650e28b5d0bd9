import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/** What went wrong with one HTTP exchange, stripped of anything that could hold a secret. */
export interface HttpFailure {
	status?: number;
	/** Network-level code such as ECONNRESET or ECONNABORTED when no response arrived. */
	networkCode?: string;
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

/** Why a 2xx answer's body could not be used: cut off or otherwise not JSON, or missing. */
export type UnreadableAnswer = 'malformed' | 'empty';

const UNREADABLE_SUMMARY: Record<UnreadableAnswer, string> = {
	malformed: 'a body that is not valid JSON',
	empty: 'an empty body',
};

/** The node's own words for an unreadable answer (never quoted as the vendor's). */
export const UNREADABLE_DETAIL: Record<UnreadableAnswer, string> = {
	malformed: 'The answer was not valid JSON.',
	empty: 'The answer was empty where a JSON object was expected.',
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
	400: () => 'The request was rejected as invalid. Correct the field the vendor names and run again.',
	401: (vendor) =>
		`${vendor} rejected the credential. Open the credential, check the key or token (and that it has the scope this operation needs) and use "Test" there.`,
	403: (vendor) =>
		`${vendor} refused this operation for this key: it lacks the scope or permission, or it is read-only. Use a key that may perform this operation.`,
	404: () => 'Nothing was found at that ID or path. Check the ID (or pick it from the list) and the account it belongs to.',
	409: () => 'It conflicts with an existing resource (for example a username already in use). Choose another value.',
	422: () => 'The request was rejected as invalid. Correct the field the vendor names and run again.',
};

const isRead = (method: string | undefined) => ['GET', 'HEAD', 'OPTIONS'].includes((method ?? '').toUpperCase());

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
		return read
			? `The connection to ${vendor} failed (${networkCode}); the node retried this read ${retried}. Check the credential's server / base URL and your network.`
			: `The connection to ${vendor} failed (${networkCode}). Check the credential's server / base URL and your network. ${WRITE_UNCERTAIN}`;
	}
	return 'Check the parameters and the credential, then run again.';
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
	if (failure.unreadable) return `${vendor} answered HTTP ${failure.status} with ${UNREADABLE_SUMMARY[failure.unreadable]}`;
	if (failure.status === 429) return 'rate limit exceeded (HTTP 429)';
	if (failure.status !== undefined) return `${vendor} answered HTTP ${failure.status}`;
	if (failure.networkCode === 'ECONNABORTED' || failure.networkCode === 'ETIMEDOUT') return 'the request timed out';
	return `the connection failed (${failure.networkCode ?? 'unknown network error'})`;
}

export function redact(text: string, secrets: string[] = []): string {
	let clean = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) clean = clean.split(secret).join('[redacted]');
	}
	return clean;
}

/**
 * One NodeApiError per failed call: the message says which operation failed and how, the
 * description carries the vendor's own message and what to do. The error response handed to
 * n8n is a plain object we built, never the HTTP client's error (which holds request headers).
 */
export function toNodeApiError(node: INode, failure: HttpFailure, context: ErrorContext): NodeApiError {
	const { vendor, operation, itemIndex, secrets } = context;
	const vendorMessage = context.vendorMessage ? redact(context.vendorMessage, secrets) : undefined;
	const message = redact(`${vendor} ${operation} failed: ${summary(failure, vendor)}`, secrets);
	const advice = adviceFor(failure, vendor);
	const said = vendorMessage ? `${vendor} said: ${vendorMessage}` : undefined;
	const description = [said, context.detail, gaveUp(failure), advice].filter(Boolean).join('\n');
	const httpCode = failure.status !== undefined ? String(failure.status) : (failure.networkCode ?? 'none');
	const errorResponse: JsonObject = { message, description, httpCode };
	if (vendorMessage) errorResponse.vendorMessage = vendorMessage;
	const error = new NodeApiError(node, errorResponse, { message, description, httpCode, itemIndex });
	// NodeApiError swaps a message for n8n's generic words when its code is a network code
	// (ECONNRESET, ECONNABORTED…), which would lose the operation's name: ours is kept.
	error.message = message;
	return error;
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
