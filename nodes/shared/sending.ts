import { ApplicationError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	NodeApiError,
} from 'n8n-workflow';
import { DeadlineError, failedBeforeSending, requestWithinDeadline } from './deadline';
import { answerFailureErrorOf, httpFailureOf, refusedRequestError, toNodeApiError } from './errors';
import type { ErrorContext, HttpFailure } from './errors';
import { failureInBodyOf } from './output';
import { pacerFor, retryAfterMs } from './pacing';
import type { RequestPathContext, RequestPathOptions, Sender } from './types';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './url';
import type { VendorProfile } from './vendor';
import { parameterValue } from './parameters';

// The sender: one request of one item to its vendor, paced per credential, retried within bounds
// (429 with Retry-After, 5xx and network faults on reads), every failure mapped to the operation's
// NodeApiError. Knows nothing of operations, lists or rotation.

export const DEFAULT_MAX_RETRY_TIME_SECONDS = 120;
/** A retry is only worth sending with at least this much of the item's retry time left. */
const MIN_RETRY_TIMEOUT_MS = 1000;
/**
 * How many times one request that never left (n8n's credential lookup before sending failed, e.g.
 * its database was too busy) is sent again, whatever its method: the vendor never saw it.
 */
const MAX_UNSENT_RETRIES = 3;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ECONNREFUSED',
	'EPIPE',
]);

/**
 * Whether n8n itself failed an attempt before handing its request to the HTTP client, with an error
 * of its own machinery (not the pack's refusal of an unsafe request, nor a login's, both
 * ApplicationErrors; not the deadline's): the request never left.
 */
function n8nFailedBeforeSending(error: unknown): boolean {
	if (!failedBeforeSending(error) || error instanceof DeadlineError) return false;
	// httpRequestWithAuthentication wraps what failed in a NodeApiError, as its cause.
	const cause = (error as { cause?: unknown })?.cause;
	const original = cause instanceof Error ? cause : error;
	return original instanceof Error && !(original instanceof ApplicationError);
}

/**
 * The item's settings, already checked by assertParameters (a bad value fails the item before this
 * is used); the fallbacks keep the loops bounded even for a value that was not checked.
 */
export function optionsOf(
	context: IExecutePaginationFunctions,
	vendor: VendorProfile,
): RequestPathOptions {
	const options = parameterValue(context, 'rateLimiting', {}) as IDataObject;
	const requestOptions = parameterValue(context, 'requestOptions', {}) as IDataObject;
	const positive = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
	const count = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
	return {
		requestsPerSecond: positive(options.requestsPerSecond, vendor.defaultRequestsPerSecond),
		maxRateLimitRetries: count(options.maxRateLimitRetries, 5),
		maxRetryWaitSeconds: positive(options.maxRetryWaitSeconds, 60),
		serverErrorRetries: count(options.serverErrorRetries, 2),
		maxRetryTimeSeconds: positive(options.maxRetryTimeSeconds, DEFAULT_MAX_RETRY_TIME_SECONDS),
		// A Timeout the user set under n8n's own "Request Options" is theirs to choose, and kept.
		timeoutMs: positive(requestOptions.timeout, DEFAULT_REQUEST_TIMEOUT_MS),
	};
}

/** The secrets a request carries in its body (the vendor's password fields), never echoed. */
export function secretsOf(request: IHttpRequestOptions, vendor: VendorProfile): string[] {
	const body = (request.body ?? {}) as IDataObject;
	return vendor.secretRequestFields
		.map((field) => body[field])
		.filter((value): value is string => typeof value === 'string' && value !== '');
}

/** Whose error it is, in the words of every error of the item: the vendor, the operation, the item. */
export function errorContextOf(
	path: Pick<RequestPathContext, 'vendor' | 'operation' | 'itemIndex'>,
	secrets: string[] = [],
): ErrorContext {
	return {
		vendor: path.vendor.displayName,
		operation: path.operation,
		itemIndex: path.itemIndex,
		secrets,
	};
}

/** The sender of one item's requests, and what the operations read answers with. */
export function pathContext(
	context: IExecutePaginationFunctions,
	vendor: VendorProfile,
	operation: string,
): RequestPathContext {
	const options = optionsOf(context, vendor);
	const itemIndex = context.getItemIndex();
	const credentialId = context.getNode().credentials?.[vendor.credentialType]?.id ?? 'default';
	const pacer = pacerFor(`${vendor.credentialType}:${credentialId}`);
	const named = { context, vendor, operation, itemIndex };

	// Time this item has spent on failed attempts and on waits before retries, across all its
	// requests (pages, apply and read-back): the retries stop once it reaches maxRetryTimeSeconds.
	let retryTimeSpentMs = 0;
	const budgetMs = options.maxRetryTimeSeconds * 1000;

	const send: Sender = async (request, attempt) => {
		let rateLimitWaits = 0;
		let serverRetries = 0;
		let unsentRetries = 0;
		let attempts = 0;
		const secrets = secretsOf(request, vendor);
		const method = (request.method ?? 'GET').toUpperCase();
		// Bounded: each pass sends one attempt, and every pass but the last is a retry that
		// maxRateLimitRetries, serverErrorRetries or MAX_UNSENT_RETRIES counts (at most their sum + 1 attempts), each
		// retry only with retry time left, each attempt limited by its timeout.
		for (;;) {
			const remainingMs = budgetMs - retryTimeSpentMs;
			const timeoutMs =
				attempts === 0 ? options.timeoutMs : Math.min(options.timeoutMs, remainingMs);
			request.timeout = timeoutMs;
			attempts++;
			let sentAt = Date.now();
			try {
				return await pacer.paced(options.requestsPerSecond, async () => {
					sentAt = Date.now();
					// Waiting for n8n to send it (its credential lookup) may take the item's retry time.
					return await requestWithinDeadline(
						request,
						timeoutMs,
						attempt,
						vendor.logsInBeforeSending ? undefined : Math.max(timeoutMs, remainingMs),
					);
				});
			} catch (error) {
				retryTimeSpentMs += Date.now() - sentAt;
				const answered = answerFailureErrorOf(
					context.getNode(),
					error,
					errorContextOf(named, secrets),
					method,
				);
				if (answered) throw answered;
				if (unsentRetries < MAX_UNSENT_RETRIES && n8nFailedBeforeSending(error)) {
					// n8n could not send it (its credential lookup failed: a database too busy to answer):
					// the vendor never saw this request, so even a write is sent again.
					const waitMs = 500 * 2 ** unsentRetries;
					if (retryTimeSpentMs + waitMs + MIN_RETRY_TIMEOUT_MS <= budgetMs) {
						unsentRetries++;
						retryTimeSpentMs += waitMs;
						await sleep(waitMs);
						continue;
					}
				}
				const failure = httpFailureOf(error);
				if (!failure) {
					// Nothing was sent: the credential refused the request (an unsafe URL, a link off its origin).
					throw refusedRequestError(context.getNode(), error, errorContextOf(named));
				}
				const fail = (extra: Partial<HttpFailure> = {}) =>
					toNodeApiError(
						context.getNode(),
						{
							...failure,
							rateLimitWaits,
							retriedTimes: serverRetries,
							method,
							attempts,
							elapsedSeconds: Math.round(retryTimeSpentMs / 1000),
							...extra,
						},
						{
							...errorContextOf(named, secrets),
							vendorMessage: vendor.errorMessage(failure.body, failure.status),
						},
					);
				const outOfTime = (waitMs: number) =>
					retryTimeSpentMs + waitMs + MIN_RETRY_TIMEOUT_MS > budgetMs
						? fail({ retryTimeLimitSeconds: options.maxRetryTimeSeconds })
						: undefined;
				const askedMs =
					failure.status === 429 ? retryAfterMs(failure.headers?.['retry-after']) : undefined;
				if (askedMs !== undefined && askedMs > options.maxRetryWaitSeconds * 1000) {
					// More retries would not help: every one would be refused the same wait.
					throw fail({
						retryAfterSeconds: askedMs / 1000,
						maxRetryWaitSeconds: options.maxRetryWaitSeconds,
					});
				}
				if (failure.status === 429 && rateLimitWaits < options.maxRateLimitRetries) {
					// Without a Retry-After, the node's own backoff: 1, 2, 4… s, never above Max Retry Wait.
					const waitMs =
						askedMs ?? Math.min(1000 * 2 ** rateLimitWaits, options.maxRetryWaitSeconds * 1000);
					const refused = outOfTime(waitMs);
					if (refused) throw refused;
					rateLimitWaits++;
					retryTimeSpentMs += waitMs;
					pacer.rateLimitedUntil(Date.now() + waitMs);
					await sleep(waitMs);
					continue;
				}
				const transient =
					(failure.status !== undefined && failure.status >= 500) ||
					(failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode));
				if (transient && SAFE_METHODS.has(method) && serverRetries < options.serverErrorRetries) {
					const waitMs = 500 * 2 ** serverRetries;
					const refused = outOfTime(waitMs);
					if (refused) throw refused;
					serverRetries++;
					retryTimeSpentMs += waitMs;
					await sleep(waitMs);
					continue;
				}
				throw fail();
			}
		}
	};

	const fetchFull = async (request: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		const full: IHttpRequestOptions = { ...request, returnFullResponse: true };
		return await send(
			full,
			async () =>
				(await context.helpers.httpRequestWithAuthentication.call(
					context,
					vendor.credentialType,
					full,
				)) as IN8nHttpFullResponse,
		);
	};

	const failureOf = (
		response: IN8nHttpFullResponse,
		secrets: string[] = [],
	): NodeApiError | undefined => {
		const failed = failureInBodyOf(context.getNode(), vendor, response);
		// No method: the sender never retries a failure reported in a 2xx body, so no advice may say it did.
		return answerFailureErrorOf(context.getNode(), failed, errorContextOf(named, secrets));
	};

	return { ...named, send, fetchFull, failureOf };
}
