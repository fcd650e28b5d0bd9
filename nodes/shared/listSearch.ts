import type {
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	NodeApiError,
} from 'n8n-workflow';
import { requestWithinDeadline } from './deadline';
import {
	answerFailureErrorOf,
	httpFailureOf,
	refusedRequestError,
	toNodeApiError,
	unexpectedAnswerError,
} from './errors';
import type { ErrorContext } from './errors';
import { failureInBodyOf, unreadableAnswer } from './output';
import { ListShapeError, moreAfter, StatedTotalError, statedTotalOf } from './paging';
import { redactError, secretsOfCredential } from './redact';
import type { PagingStrategy } from './types';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './url';
import type { VendorProfile } from './vendor';

// The "From List" pickers of every vendor: one call of n8n's editor reads one page of the list
// through the vendor's own paging strategy (the one Get Many pages with, paging.ts), with the same
// shape, loop and stated-total checks, and the errors worded like the node's (pickerCall). The
// credential supplies the base URL (authenticateOnBase), as it does for the node's requests.

/** One request of a picker through the vendor's credential, with the node's default timeout. */
export type PickerRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * One call of a "From List" picker: its request and the reading of the answer. Whatever fails
 * becomes the picker's own error, worded like the node's (what happened, what to do), with the
 * vendor's words but never a secret of the credential; an answer that is not the vendor's list is
 * an error too, so a picker never shows a short list as if it were whole. Its requests time out as
 * the node's do (n8n's request helper sets no timeout of its own: a silent vendor would hold the
 * editor's list open for as long as the connection lives).
 */
export async function pickerCall<T>(
	context: ILoadOptionsFunctions,
	vendor: VendorProfile,
	listName: string,
	call: (request: PickerRequest) => Promise<T>,
): Promise<T> {
	const request: PickerRequest = async (options) => {
		const full: IHttpRequestOptions = { timeout: DEFAULT_REQUEST_TIMEOUT_MS, ...options };
		// The timeout bounds the request in total, as the node's do (a vendor trickling bytes).
		return await requestWithinDeadline(
			full,
			full.timeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
			async () =>
				(await context.helpers.httpRequestWithAuthentication.call(
					context,
					vendor.credentialType,
					full,
				)) as unknown,
		);
	};
	try {
		return await call(request);
	} catch (error) {
		const operation = `List ${listName} (From List)`;
		const errorContext = { vendor: vendor.displayName, operation, itemIndex: 0 };
		const built = pickerError(context, vendor, error, errorContext);
		throw redactError(built, await secretsOfCredential(context, vendor));
	}
}

/** What a picker's call threw, as the picker's NodeApiError (the words of the node's errors). */
function pickerError(
	context: ILoadOptionsFunctions,
	vendor: VendorProfile,
	error: unknown,
	errorContext: ErrorContext,
): NodeApiError {
	const node = context.getNode();
	const answered = answerFailureErrorOf(node, error, errorContext, 'GET');
	if (answered) return answered;
	if (error instanceof ListShapeError) {
		const todo =
			error instanceof StatedTotalError
				? ': entries added or removed while it was read make it disagree with the count, so open the list again.'
				: '.';
		const detail = `${error.message} The list is not shown, rather than shown short${todo}`;
		return unexpectedAnswerError(node, 200, detail, errorContext);
	}
	const failure = httpFailureOf(error);
	if (!failure) return refusedRequestError(node, error, errorContext);
	return toNodeApiError(
		node,
		{ ...failure, method: 'GET' },
		{ ...errorContext, vendorMessage: vendor.errorMessage(failure.body, failure.status) },
	);
}

/** Rows per page of a picker (at most the vendor's own page size). */
export const PICKER_PAGE_SIZE = 100;

/** Whether any of the texts (strings and numbers; others are skipped) holds the filter, case aside. */
export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	if (!needle) return true;
	return texts
		.filter((text) => typeof text === 'string' || typeof text === 'number')
		.join(' ')
		.toLowerCase()
		.includes(needle);
}

/** One "From List" picker over a vendor's list. */
export interface PickerList {
	vendor: VendorProfile;
	/** The list in words, for errors: "SIP Registrations" gives "List SIP Registrations (From List)". */
	name: string;
	/** The list's paging strategy: the one Get Many pages it with. */
	paging: PagingStrategy;
	/** The list's request (a path below the credential's base URL), for this call's parameters. */
	request(
		context: ILoadOptionsFunctions,
		filter: string | undefined,
	): Promise<IHttpRequestOptions> | IHttpRequestOptions;
	/** How one entry is shown. */
	item(entry: IDataObject): INodeListSearchItems;
	/** Entries shown before the list's first page (NetSapiens' "~"), filtered like the list. */
	leading?: INodeListSearchItems[];
	/**
	 * The texts of an entry the filter is matched against; `false` where the vendor filters the
	 * list itself (through `request`). Default: the name and value shown.
	 */
	filterBy?: ((entry: IDataObject) => unknown[]) | false;
}

interface PickerToken {
	/** The paging strategy's own token (PickerCursor). */
	page?: string;
	/** With a counted total (NetSapiens devices): the count, asked once, and the entries listed so far. */
	total?: number;
	listed?: number;
}

function parseToken(token: string | undefined, counted: boolean): PickerToken {
	if (!counted || !token) return { page: token };
	try {
		const parsed = JSON.parse(token) as PickerToken;
		const whole = (value: unknown) =>
			typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
		return {
			page: typeof parsed.page === 'string' ? parsed.page : undefined,
			total: whole(parsed.total),
			listed: whole(parsed.listed),
		};
	} catch {
		// A token of an earlier version: the list is read from its start again.
		return {};
	}
}

/**
 * One page of a picker's list: the first without a token, else the one the token names, and the
 * token of the next page while there is one. A list with a counted total (paging.countedTotal) is
 * checked against it as Get Many checks it: the count is asked before the first page and travels
 * in the token with the entries listed so far.
 */
export async function searchList(
	context: ILoadOptionsFunctions,
	list: PickerList,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { paging, vendor } = list;
	const counted = paging.countedTotal;
	return await pickerCall(context, vendor, list.name, async (send) => {
		const fetchFull = async (request: IHttpRequestOptions) => {
			const response = (await send({
				...request,
				returnFullResponse: true,
			})) as IN8nHttpFullResponse;
			const failed =
				failureInBodyOf(context.getNode(), vendor, response) ??
				unreadableAnswer(context.getNode(), response.statusCode, response.body);
			if (failed) throw failed;
			return response;
		};
		const pageSize = Math.min(PICKER_PAGE_SIZE, paging.maxPageSize);
		const token = parseToken(paginationToken, counted !== undefined);
		const first = paging.firstPage(
			{ method: 'GET', json: true, ...(await list.request(context, filter)) },
			pageSize,
		);
		const request = paging.cursor.request(first, token.page, pageSize);
		const total =
			counted &&
			(token.total ??
				statedTotalOf(
					(await fetchFull(counted.request(first))).body,
					counted.totalPath,
					counted.label,
				));
		const read = paging.readPage(await fetchFull(request), request, pageSize);
		const listed = (token.listed ?? 0) + read.items.length;
		const next =
			total === undefined ||
			moreAfter(listed, total, read.items.length, counted!.label, Boolean(read.next))
				? read.next
				: undefined;
		const page = paging.cursor.token(request, next, token.page);
		const { filterBy } = list;
		const textsOf = (entry: IDataObject | undefined, shown: INodeListSearchItems) =>
			filterBy && entry ? filterBy(entry) : [shown.name, shown.value];
		const leading = token.page === undefined ? (list.leading ?? []) : [];
		const results = [
			...leading.map((shown) => ({ entry: undefined, shown })),
			...read.items.map((entry) => ({ entry, shown: list.item(entry) })),
		]
			.filter(
				({ entry, shown }) => filterBy === false || matchesFilter(filter, ...textsOf(entry, shown)),
			)
			.map(({ shown }) => shown);
		return {
			results,
			paginationToken:
				page === undefined || total === undefined
					? page
					: JSON.stringify({ page, total, listed } satisfies PickerToken),
		};
	});
}

/** The picker as a method of the node's `methods.listSearch`. */
export function listSearchMethod(list: PickerList) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(this, list, filter, paginationToken);
	};
}
