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
import { AnswerFailure, toNodeApiError, UNREADABLE_DETAIL } from './errors';
import type { HttpFailure } from './errors';
import { isEmptyBody } from './output';
import { pacerFor, retryAfterMs } from './pacing';
import { generatePasswordItem, rotatePassword, settleRotationFailure } from './rotation';
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
}

export interface RequestPathOptions {
	requestsPerSecond: number;
	maxRateLimitRetries: number;
	maxRetryWaitSeconds: number;
	serverErrorRetries: number;
}

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
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE']);

interface HttpClientError {
	cause?: {
		code?: string;
		response?: { status?: number; data?: unknown; headers?: IDataObject };
	};
}

/** The status, body and headers of a failed call, when the failure came from HTTP at all. */
function httpFailureOf(error: unknown): (HttpFailure & { headers?: IDataObject }) | undefined {
	const cause = (error as HttpClientError)?.cause;
	if (!cause || typeof cause !== 'object') return undefined;
	if (cause.response?.status) {
		return { status: cause.response.status, body: cause.response.data, headers: cause.response.headers };
	}
	if (cause.code && /^E[A-Z_]+$/.test(cause.code)) return { networkCode: cause.code };
	return undefined;
}

function optionsOf(context: IExecutePaginationFunctions, vendor: VendorProfile): RequestPathOptions {
	const options = context.getNodeParameter('rateLimiting', {}) as IDataObject;
	return {
		requestsPerSecond: Number(options.requestsPerSecond ?? vendor.defaultRequestsPerSecond),
		maxRateLimitRetries: Number(options.maxRateLimitRetries ?? 5),
		maxRetryWaitSeconds: Number(options.maxRetryWaitSeconds ?? 60),
		serverErrorRetries: Number(options.serverErrorRetries ?? 2),
	};
}

/** "Update" + "SIP Registration" as shown in the node, for messages. */
export function operationLabel(properties: INodeProperties[], resource: string, operation: string): string {
	const resourceName =
		properties.find((p) => p.name === 'resource')?.options?.find((o) => 'value' in o && o.value === resource)
			?.name ?? resource;
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

	const send: Sender = async (request, attempt) => {
		let rateLimitWaits = 0;
		let serverRetries = 0;
		const secrets = secretsOf(request, vendor);
		for (;;) {
			try {
				return await pacer.paced(options.requestsPerSecond, attempt);
			} catch (error) {
				const method = (request.method ?? 'GET').toUpperCase();
				if (error instanceof AnswerFailure) {
					const ownWords = error.unreadable !== undefined;
					throw toNodeApiError(
						context.getNode(),
						{ status: error.status, method, unreadable: error.unreadable },
						{
							vendor: vendor.displayName,
							operation,
							itemIndex,
							...(ownWords ? { detail: error.vendorMessage } : { vendorMessage: error.vendorMessage }),
							secrets,
						},
					);
				}
				const failure = httpFailureOf(error);
				if (!failure) {
					// Already a NodeApiError (e.g. a credential refusing an unsafe URL): the constructor hands it back as is.
					throw new NodeApiError(
						context.getNode(),
						error instanceof NodeApiError ? (error as unknown as JsonObject) : { message: (error as Error).message },
						{ itemIndex },
					);
				}
				if (failure.status === 429 && rateLimitWaits < options.maxRateLimitRetries) {
					const waitMs = retryAfterMs(failure.headers?.['retry-after']) ?? 1000 * 2 ** rateLimitWaits;
					if (waitMs <= options.maxRetryWaitSeconds * 1000) {
						rateLimitWaits++;
						pacer.holdUntil(Date.now() + waitMs);
						await sleep(waitMs);
						continue;
					}
				}
				const transient =
					(failure.status !== undefined && failure.status >= 500) ||
					(failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode));
				if (transient && SAFE_METHODS.has(method) && serverRetries < options.serverErrorRetries) {
					serverRetries++;
					await sleep(500 * 2 ** (serverRetries - 1));
					continue;
				}
				throw toNodeApiError(
					context.getNode(),
					{ ...failure, rateLimitWaits, retriedTimes: serverRetries, method },
					{
						vendor: vendor.displayName,
						operation,
						itemIndex,
						vendorMessage: vendor.errorMessage(failure.body, failure.status),
						secrets,
					},
				);
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

	const failureOf = (response: IN8nHttpFullResponse, secrets: string[] = []): NodeApiError | undefined => {
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

async function pageThrough(
	path: RequestPathContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	paging: PagingStrategy,
): Promise<INodeExecutionData[]> {
	const { context, vendor, operation, itemIndex } = path;
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Number(context.getNodeParameter('limit', 50));
	if (!returnAll && !(Number.isInteger(limit) && limit >= 1)) {
		throw new NodeOperationError(context.getNode(), `"Limit" must be a whole number of at least 1 (item ${itemIndex})`, {
			itemIndex,
			description: 'Set "Limit" to how many results you want, or turn on "Return All". Nothing was sent to the vendor.',
		});
	}
	const keep = paging.keep?.(path);
	const pageSize = Math.min(paging.maxPageSize, Number.isFinite(limit) && !keep ? limit : paging.maxPageSize);
	const collected: IDataObject[] = [];
	let request: IHttpRequestOptions | undefined = paging.firstPage(
		{ ...(requestData.options as IHttpRequestOptions) },
		pageSize,
	);
	while (request && collected.length < limit) {
		const response = await path.fetchFull(request);
		const failed = path.failureOf(response);
		if (failed) throw failed;
		if (typeof response.body !== 'object' || response.body === null || Buffer.isBuffer(response.body)) {
			const unreadable = isEmptyBody(response.body) ? 'empty' : 'malformed';
			throw toNodeApiError(
				context.getNode(),
				{ status: response.statusCode, method: 'GET', unreadable },
				{ vendor: vendor.displayName, operation, itemIndex, detail: UNREADABLE_DETAIL[unreadable] },
			);
		}
		const page = paging.readPage(response, request, pageSize);
		collected.push(...(keep ? page.items.filter(keep) : page.items));
		request = page.items.length ? page.next : undefined;
	}
	return collected.slice(0, limit).map((item) => ({ json: vendor.sanitize ? vendor.sanitize(item, context) : item }));
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
	const guard = async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
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
	return async function sendThroughRequestPath(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const resource = this.getNodeParameter('resource', '') as string;
		const operationValue = this.getNodeParameter('operation', '') as string;
		const path = pathContext(this, vendor, operationLabel(properties, resource, operationValue));
		// n8n cannot infer which input an output belongs to when one input yields several outputs
		// (a list); every item is paired with the input item it answers.
		const paired = (items: INodeExecutionData[]) =>
			items.map((item) => ({ ...item, pairedItem: { item: path.itemIndex } }));

		try {
			if (deferredErrors.has(requestData.options)) throw deferredErrors.get(requestData.options);
			if (vendor.rotation?.resource === resource) {
				if (operationValue === 'generatePassword') return paired([generatePasswordItem(path)]);
				if (operationValue === 'rotatePassword') return paired([await rotatePassword(path, requestData)]);
				if (operationValue === 'checkRegistration') return paired([await checkRegistration(path, requestData)]);
			}
			const paging = pagingByOperation[`${resource}:${operationValue}`];
			if (paging) return paired(await pageThrough(path, requestData, paging));
			return paired(
				await path.send(requestData.options as IHttpRequestOptions, async () => await this.makeRoutingRequest(requestData)),
			);
		} catch (error) {
			// A rotation refused before its apply (a parameter check): nothing was sent.
			if (vendor.rotation?.resource === resource && operationValue === 'rotatePassword') {
				const source = this.getNodeParameter('passwordSource', 'generate') === 'provided' ? 'provided' : 'generate';
				return paired([settleRotationFailure(path, error, { outcome: 'notApplied', attempted: false, source })]);
			}
			// With Continue On Fail, n8n would emit this item's error unpaired; a list run with some
			// failed items then loses track of them. The error item is emitted here, paired.
			if (!this.continueOnFail()) throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: path.itemIndex });
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: path.itemIndex });
			return [{ json: {}, error: nodeError, pairedItem: { item: path.itemIndex } }];
		}
	};
}
