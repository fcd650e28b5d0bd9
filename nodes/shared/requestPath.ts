import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
	JsonObject,
	PreSendAction,
} from 'n8n-workflow';
import { checkRegistration } from './checkRegistration';
import {
	AnswerFailure,
	httpFailureOf,
	refusedRequestError,
	statedTotalError,
	toNodeApiError,
	UNREADABLE_DETAIL,
} from './errors';
import type { HttpFailure } from './errors';
import { isEmptyBody } from './output';
import { pacerFor, retryAfterMs } from './pacing';
import { ListShapeError, moreAfter, PageTrail, StatedTotalError, statedTotalOf } from './paging';
import type { CountedTotal } from './paging';
import { redactError, redactValue, SecretMatcher, secretsOfCredential } from './redact';
import { generatePasswordItem, rotatePassword, settleRotationFailure } from './rotation';
import { assertParameters, parameterValue } from './parameters';
import { assertPasswordFields, passwordFieldLabels } from './passwordFields';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './url';
import type { VendorProfile } from './vendor';

/** How one vendor pages a list: what to ask for first, the items of a page, and the next page. */
export interface PagingStrategy {
	maxPageSize: number;
	firstPage(request: IHttpRequestOptions, pageSize: number): IHttpRequestOptions;
	readPage(
		response: IN8nHttpFullResponse,
		request: IHttpRequestOptions,
		pageSize: number,
	): { items: IDataObject[]; next?: IHttpRequestOptions };
	/** The operation's filter of listed items (checked before any request); Limit counts kept items. */
	keep?(path: RequestPathContext): ((item: IDataObject) => boolean) | undefined;
	/** The list's length from a count request of its own (issue 16), checked against every page. */
	countedTotal?: CountedTotal;
}

export interface RequestPathOptions {
	requestsPerSecond: number;
	maxRateLimitRetries: number;
	maxRetryWaitSeconds: number;
	serverErrorRetries: number;
	/** Longest total time one item spends on failed attempts and the waits between them. */
	maxRetryTimeSeconds: number;
	/** How long one attempt waits for the vendor's answer. */
	timeoutMs: number;
}

export const DEFAULT_MAX_RETRY_TIME_SECONDS = 120;
/** A retry is only worth sending with at least this much of the item's retry time left. */
const MIN_RETRY_TIMEOUT_MS = 1000;

/** Sends one request with pacing and retries; throws the operation's NodeApiError on failure. */
export type Sender = <T>(request: IHttpRequestOptions, attempt: () => Promise<T>) => Promise<T>;

/** Everything an operation needs to talk to its vendor from inside the request path. */
export interface RequestPathContext {
	context: IExecutePaginationFunctions;
	vendor: VendorProfile;
	operation: string;
	itemIndex: number;
	send: Sender;
	/** One request through the credential, answered in full (status, headers, body). */
	fetchFull(request: IHttpRequestOptions): Promise<IN8nHttpFullResponse>;
	/** A NodeApiError for a 2xx answer that still reports failure, or undefined. */
	failureOf(response: IN8nHttpFullResponse, secrets?: string[]): NodeApiError | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ECONNREFUSED',
	'EPIPE',
]);

/**
 * The item's settings, already checked by assertParameters (a bad value fails the item before this
 * is used); the fallbacks keep the loops bounded even for a value that was not checked.
 */
function optionsOf(
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

/** "Update" + "SIP Registration" as shown in the node, for messages. */
export function operationLabel(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): string {
	const resourceName =
		properties
			.find((p) => p.name === 'resource')
			?.options?.find((o) => 'value' in o && o.value === resource)?.name ?? resource;
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		if (!property.displayOptions?.show?.resource?.includes(resource)) continue;
		const option = property.options?.find((o) => 'value' in o && o.value === operation);
		if (option) return `${option.name} ${resourceName}`;
	}
	return `${operation} ${resourceName}`;
}

function secretsOf(request: IHttpRequestOptions, vendor: VendorProfile): string[] {
	const body = (request.body ?? {}) as IDataObject;
	return vendor.secretRequestFields
		.map((field) => body[field])
		.filter((value): value is string => typeof value === 'string' && value !== '');
}

function pathContext(
	context: IExecutePaginationFunctions,
	vendor: VendorProfile,
	operation: string,
): RequestPathContext {
	const options = optionsOf(context, vendor);
	const itemIndex = context.getItemIndex();
	const credentialId = context.getNode().credentials?.[vendor.credentialType]?.id ?? 'default';
	const pacer = pacerFor(`${vendor.credentialType}:${credentialId}`);

	// Time this item has spent on failed attempts and on waits before retries, across all its
	// requests (pages, apply and read-back): the retries stop once it reaches maxRetryTimeSeconds.
	let retryTimeSpentMs = 0;
	const budgetMs = options.maxRetryTimeSeconds * 1000;

	const send: Sender = async (request, attempt) => {
		let rateLimitWaits = 0;
		let serverRetries = 0;
		let attempts = 0;
		const secrets = secretsOf(request, vendor);
		const method = (request.method ?? 'GET').toUpperCase();
		// Bounded: each pass sends one attempt, and every pass but the last is a retry that
		// maxRateLimitRetries or serverErrorRetries counts (at most their sum + 1 attempts), each
		// retry only with retry time left, each attempt limited by its timeout.
		for (;;) {
			const remainingMs = budgetMs - retryTimeSpentMs;
			request.timeout =
				attempts === 0 ? options.timeoutMs : Math.min(options.timeoutMs, remainingMs);
			attempts++;
			let sentAt = Date.now();
			try {
				return await pacer.paced(options.requestsPerSecond, async () => {
					sentAt = Date.now();
					return await attempt();
				});
			} catch (error) {
				retryTimeSpentMs += Date.now() - sentAt;
				if (error instanceof AnswerFailure) {
					const ownWords = error.unreadable !== undefined;
					throw toNodeApiError(
						context.getNode(),
						{ status: error.status, method, unreadable: error.unreadable },
						{
							vendor: vendor.displayName,
							operation,
							itemIndex,
							...(ownWords
								? { detail: error.vendorMessage }
								: { vendorMessage: error.vendorMessage }),
							secrets,
						},
					);
				}
				const failure = httpFailureOf(error);
				if (!failure) {
					// Nothing was sent: the credential refused the request (an unsafe URL, a link off its origin).
					throw refusedRequestError(context.getNode(), error, {
						vendor: vendor.displayName,
						operation,
						itemIndex,
					});
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
							vendor: vendor.displayName,
							operation,
							itemIndex,
							vendorMessage: vendor.errorMessage(failure.body, failure.status),
							secrets,
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
		const failed = vendor.failureInBody?.(response.body);
		if (!failed) return undefined;
		return toNodeApiError(
			context.getNode(),
			{ status: failed.status ?? response.statusCode },
			{ vendor: vendor.displayName, operation, itemIndex, vendorMessage: failed.message, secrets },
		);
	};

	return { context, vendor, operation, itemIndex, send, fetchFull, failureOf };
}

/** Says which page of a list an error happened on (the first page needs no saying). */
function onPageError<E>(error: E, pageNumber: number): E {
	const described = error as { description?: string | null; message?: string };
	if (pageNumber > 1 && typeof described.description === 'string') {
		described.description = `This happened on page ${pageNumber} of the list; nothing was output.\n${described.description}`;
	}
	return error;
}

async function onPage<T>(pageNumber: number, fetch: () => Promise<T>): Promise<T> {
	try {
		return await fetch();
	} catch (error) {
		throw onPageError(error, pageNumber);
	}
}

// --- Stated totals (issue 16): the count request of a list that has one (PagingStrategy.countedTotal). ---

/** The list's length from its count request, asked before the first page; a failure names the count. */
async function countOf(
	path: RequestPathContext,
	counting: CountedTotal,
	firstPage: IHttpRequestOptions,
): Promise<number> {
	const { context, vendor, operation, itemIndex } = path;
	const onCount = <E>(error: E): E => {
		const described = error as { description?: string | null };
		if (typeof described.description === 'string') {
			described.description = `This happened on ${counting.label}, which the node asks before the first page of the list; nothing was output.\n${described.description}`;
		}
		return error;
	};
	let response: IN8nHttpFullResponse;
	try {
		response = await path.fetchFull(counting.request(firstPage));
	} catch (error) {
		throw onCount(error);
	}
	const failed = path.failureOf(response);
	if (failed) throw onCount(failed);
	try {
		return statedTotalOf(response.body, counting.totalPath, 'The answer');
	} catch (error) {
		throw onCount(
			toNodeApiError(
				context.getNode(),
				{ status: response.statusCode, method: 'GET', unreadable: 'unexpected' },
				{
					vendor: vendor.displayName,
					operation,
					itemIndex,
					detail: `${(error as Error).message} The node checks the list against that count, so it read no page.`,
				},
			),
		);
	}
}

// --- End of stated totals. ---

async function pageThrough(
	path: RequestPathContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	paging: PagingStrategy,
): Promise<INodeExecutionData[]> {
	const { context, vendor, operation, itemIndex } = path;
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Number(context.getNodeParameter('limit', 50));
	if (!returnAll && !(Number.isInteger(limit) && limit >= 1)) {
		throw new NodeOperationError(
			context.getNode(),
			`"Limit" must be a whole number of at least 1 (item ${itemIndex})`,
			{
				itemIndex,
				description:
					'Set "Limit" to how many results you want, or turn on "Return All". Nothing was sent to the vendor.',
			},
		);
	}
	const keep = paging.keep?.(path);
	const pageSize = Math.min(
		paging.maxPageSize,
		Number.isFinite(limit) && !keep ? limit : paging.maxPageSize,
	);
	const collected: IDataObject[] = [];
	let request: IHttpRequestOptions | undefined = paging.firstPage(
		{ ...(requestData.options as IHttpRequestOptions) },
		pageSize,
	);
	let pageNumber = 0;
	// Stated totals (issue 16): the count comes before the first page, so that an entry added or
	// removed while the pages are read makes the list disagree with it (an error), never a list
	// silently short of an entry that moved between two pages.
	const counted = paging.countedTotal
		? await countOf(path, paging.countedTotal, request)
		: undefined;
	let listed = 0;
	// Bounded: PageTrail refuses a next link to a page already read and stops at MAX_LIST_PAGES.
	const trail = new PageTrail();
	while (request && collected.length < limit) {
		pageNumber++;
		const response = await onPage(pageNumber, async () => await path.fetchFull(request!));
		const failed = path.failureOf(response);
		if (failed) throw onPageError(failed, pageNumber);
		if (
			typeof response.body !== 'object' ||
			response.body === null ||
			Buffer.isBuffer(response.body)
		) {
			const unreadable = isEmptyBody(response.body) ? 'empty' : 'malformed';
			throw onPageError(
				toNodeApiError(
					context.getNode(),
					{ status: response.statusCode, method: 'GET', unreadable },
					{
						vendor: vendor.displayName,
						operation,
						itemIndex,
						detail: UNREADABLE_DETAIL[unreadable],
					},
				),
				pageNumber,
			);
		}
		let page: ReturnType<PagingStrategy['readPage']>;
		const readBefore = listed;
		try {
			const read = paging.readPage(response, request, pageSize);
			listed += read.items.length;
			const next =
				counted === undefined ||
				moreAfter(
					listed,
					counted,
					read.items.length,
					paging.countedTotal!.label,
					Boolean(read.next),
				)
					? read.next
					: undefined;
			page = { ...read, next: read.items.length ? trail.follow(request, next) : undefined };
		} catch (error) {
			if (!(error instanceof ListShapeError))
				throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			if (error instanceof StatedTotalError) {
				throw statedTotalError(
					context.getNode(),
					{ vendor: vendor.displayName, operation, itemIndex },
					pageNumber,
					readBefore,
					error.message,
				);
			}
			throw toNodeApiError(
				context.getNode(),
				{ status: response.statusCode, method: 'GET', unreadable: 'unexpected' },
				{
					vendor: vendor.displayName,
					operation,
					itemIndex,
					detail: `Page ${pageNumber} of the list was not ${vendor.displayName}'s list: ${error.message} The node stopped instead of returning a list that may be short (${readBefore} entries were read before it); nothing was output.`,
				},
			);
		}
		collected.push(...(keep ? page.items.filter(keep) : page.items));
		request = page.next;
	}
	return collected
		.slice(0, limit)
		.map((item) => ({ json: vendor.sanitize ? vendor.sanitize(item, context) : item }));
}

const deferredErrors = new WeakMap<object, unknown>();
const GUARDED = Symbol('guardedPreSend');

/**
 * A preSend that fails would make n8n emit that item's error before the request path runs, and
 * unpaired, which a list run with several input items cannot trace back. The guard keeps the
 * error with the request instead; the request path then raises it as its own (paired) error.
 */
function guarded(preSend: PreSendAction): PreSendAction {
	if ((preSend as unknown as Record<symbol, boolean>)[GUARDED]) return preSend;
	const guard = async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	) {
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

function guardPreSends(entries: unknown[] | undefined): void {
	for (const entry of (entries ?? []) as WithRouting[]) {
		const send = entry?.routing?.send;
		if (send?.preSend) send.preSend = send.preSend.map(guarded);
		guardPreSends(entry?.options);
		guardPreSends(entry?.values);
	}
}

/**
 * The one path every request of every vendor node takes. n8n's declarative routing lets a node
 * wrap the act of sending only through its pagination hook, so that is where this lives: it paces
 * requests per credential, honours Retry-After on 429 with bounded waits (using n8n's sleep),
 * retries only safe requests on 5xx and network faults, pages lists, runs the multi-step password
 * operations, and turns every failure into a NodeApiError that names the operation, the status
 * and the vendor's own message.
 */
export function createRequestPath(
	vendor: VendorProfile,
	properties: INodeProperties[],
	pagingByOperation: Record<string, PagingStrategy> = {},
) {
	guardPreSends(properties);
	const passwordLabels = passwordFieldLabels(properties, vendor);
	return async function sendThroughRequestPath(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const resource = parameterValue(this, 'resource', '') as string;
		const operationValue = parameterValue(this, 'operation', '') as string;
		const path = pathContext(this, vendor, operationLabel(properties, resource, operationValue));
		// n8n cannot infer which input an output belongs to when one input yields several outputs
		// (a list); every item is paired with the input item it answers.
		// Whatever a vendor echoes in a successful answer, no secret of the credential reaches an output
		// (the password an operation hands on, in newPassword / pendingPassword, is kept).
		const paired = async (items: INodeExecutionData[]) => {
			const secrets = await secretsOfCredential(this, vendor);
			const matcher = secrets.length ? new SecretMatcher(secrets) : undefined;
			return items.map((item) => ({
				...item,
				json: matcher ? (redactValue(item.json, matcher) as IDataObject) : item.json,
				pairedItem: { item: path.itemIndex },
			}));
		};

		try {
			assertParameters(this, properties, path.itemIndex);
			if (deferredErrors.has(requestData.options)) throw deferredErrors.get(requestData.options);
			if (vendor.rotation?.resource === resource) {
				if (operationValue === 'generatePassword')
					return await paired([generatePasswordItem(path)]);
				if (operationValue === 'rotatePassword')
					return await paired([await rotatePassword(path, requestData)]);
				if (operationValue === 'checkRegistration')
					return await paired([await checkRegistration(path, requestData)]);
			}
			const paging = pagingByOperation[`${resource}:${operationValue}`];
			if (paging) return await paired(await pageThrough(path, requestData, paging));
			assertPasswordFields(this, vendor, passwordLabels, requestData.options.body, path.itemIndex);
			return await paired(
				await path.send(
					requestData.options as IHttpRequestOptions,
					async () => await this.makeRoutingRequest(requestData),
				),
			);
		} catch (error) {
			// The one exit of every error of the node: whatever the vendor echoed, no secret of the
			// credential, the session or the request leaves it.
			redactError(error, [
				...(await secretsOfCredential(this, vendor)),
				...secretsOf((requestData.options ?? {}) as IHttpRequestOptions, vendor),
			]);
			// A rotation refused before its apply (a parameter check): nothing was sent.
			if (vendor.rotation?.resource === resource && operationValue === 'rotatePassword') {
				const source =
					this.getNodeParameter('passwordSource', 'generate') === 'provided'
						? 'provided'
						: 'generate';
				return await paired([
					settleRotationFailure(path, error, { outcome: 'notApplied', attempted: false, source }),
				]);
			}
			// With Continue On Fail, n8n would emit this item's error unpaired; a list run with some
			// failed items then loses track of them. The error item is emitted here, paired.
			if (!this.continueOnFail())
				throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: path.itemIndex });
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: path.itemIndex });
			return [{ json: {}, error: nodeError, pairedItem: { item: path.itemIndex } }];
		}
	};
}
