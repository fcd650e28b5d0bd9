import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';
import type { RegistrationState, VendorProfile } from './vendor';

// The types the layers of the request path share, in a file of their own so that no layer imports
// another's types back (sending, listing, the operations and the vendors all depend on this file,
// and it on nothing of theirs).

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

/** The item's settings of the sender (Options > Rate Limiting, Request Options > Timeout). */
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

/**
 * A list whose vendor states its length in an answer of its own, sent once before the first page
 * (NetSapiens `GET …/devices/count` → `{"total": n}`); the list is checked against it page by page
 * with moreAfter (paging.ts). A total stated in the pages themselves (Vobiz `meta.total_count`) is
 * read by the strategy's readPage, with the same check.
 */
export interface CountedTotal {
	/** How the messages name the count, e.g. `NetSapiens' device count (GET …/devices/count)`. */
	label: string;
	/** The count request for the list the first page reads. */
	request(firstPage: IHttpRequestOptions): IHttpRequestOptions;
	/** Where the total is in the count's answer. */
	totalPath: string;
}

/**
 * How a "From List" picker names a page of the list in its pagination token (n8n's editor hands the
 * token of one call to the next): the request the token stands for, and the token of the page after.
 */
export interface PickerCursor {
	/** The request for the page `token` names (no token: the first page). */
	request(
		first: IHttpRequestOptions,
		token: string | undefined,
		pageSize: number,
	): IHttpRequestOptions;
	/** The token of `next`, the page after `current` (read with `token`); undefined at the end. */
	token(
		current: IHttpRequestOptions,
		next: IHttpRequestOptions | undefined,
		token: string | undefined,
	): string | undefined;
}

/** How one vendor pages a list: what to ask for first, the items of a page, and the next page. */
export interface PagingStrategy {
	maxPageSize: number;
	firstPage(request: IHttpRequestOptions, pageSize: number): IHttpRequestOptions;
	readPage(
		response: IN8nHttpFullResponse,
		request: IHttpRequestOptions,
		pageSize: number,
	): { items: IDataObject[]; next?: IHttpRequestOptions };
	/** How the vendor's "From List" pickers carry their place in the list from one call to the next. */
	cursor: PickerCursor;
	/** The operation's filter of listed items (checked before any request); Limit counts kept items. */
	keep?(path: RequestPathContext): ((item: IDataObject) => boolean) | undefined;
	/** The list's length from a count request of its own (issue 16), checked against every page. */
	countedTotal?: CountedTotal;
}

/**
 * An operation the request path runs itself instead of sending n8n's routed request as it is (the
 * list loop, the password operations). Registered in the node's operation table by
 * `resource:operation` (operationTable.ts).
 */
export interface OperationHandler {
	/** Runs the operation for one item; the request path pairs and redacts what it returns. */
	run(
		path: RequestPathContext,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]>;
	/**
	 * The item a failure of this operation gives instead of the request path's error, for an
	 * operation that must settle its own failures (Rotate Password: the password may be live).
	 */
	settle?(path: RequestPathContext, error: unknown): INodeExecutionData;
}

/** The operations of one node the request path runs itself, by `resource:operation`. */
export type OperationTable = Readonly<Record<string, OperationHandler>>;

export interface RegistrationWatch {
	/** The moment a registration must follow (ms). */
	afterMs: number;
	/** Reads sent at or after this moment (n8n's clock) count a sign-out they show. */
	signOutCountsFromMs: number;
	/** How long to keep reading (0: read once) and how often. */
	waitMs: number;
	pollMs: number;
	/**
	 * The vendor signs out every device when its password changes (Vobiz), and the moment is that
	 * change: the sign-out is known without being seen, so any registration read after it counts.
	 */
	signedOutAtMoment?: boolean;
}

export interface WatchedRegistration {
	state: RegistrationState;
	verified: boolean;
	signOutSeen: boolean;
}

export type VerificationResult = 'verified' | 'notVerified' | 'notVerifiable' | 'skipped';

/** Rotate Password's verification, as its output item states it. */
export interface Verification {
	verification: VerificationResult;
	verificationDetail: string;
}

/**
 * The code of registration watching and Check Registration (registrationOperations.ts). Only the nodes of vendors
 * whose rotation profile has a registration state pass it to declarativeNode, so the bundles of the others never
 * carry it; Rotate Password reaches it through the node's operation table.
 */
export interface RegistrationOperations {
	/** Rotate Password's verification after the apply (rotationVerification.ts). */
	verifyRotation(
		path: RequestPathContext,
		readBack: IHttpRequestOptions,
		appliedAtSecond: number,
		wait: { waitMs: number; pollMs: number },
	): Promise<Verification>;
	/** The item's timeout and poll interval of "Wait for Registration", in ms. */
	waitBounds(context: IExecuteSingleFunctions): { waitMs: number; pollMs: number };
	/** Check Registration's one output item. */
	checkRegistration(
		path: RequestPathContext,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData>;
}
