import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { answerFailureError, statedTotalError, unexpectedAnswerError } from './errors';
import { unreadableAnswer } from './output';
import { ListShapeError, moreAfter, PageTrail, StatedTotalError, statedTotalOf } from './paging';
import { refusedField } from './refused';
import { errorContextOf } from './sending';
import type { CountedTotal, OperationHandler, PagingStrategy, RequestPathContext } from './types';

// The list loop of Get Many (Return All / Limit) over a vendor's paging strategy (paging.ts):
// every page through the sender, checked for the vendor's list shape, a loop or a stated total
// it disagrees with; an error names the page it happened on.

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
	const { context } = path;
	const onCount = <E>(error: E): E => {
		const described = error as { description?: string | null };
		if (typeof described.description === 'string') {
			described.description = `This happened on ${counting.label}, which the node asks before the first page of the list; nothing was output.\n${described.description}`;
		}
		return error;
	};
	const response = await path.fetchFull(counting.request(firstPage)).catch((error: unknown) => {
		throw onCount(error);
	});
	const failed = path.failureOf(response);
	if (failed) throw onCount(failed);
	try {
		return statedTotalOf(response.body, counting.totalPath, 'The answer');
	} catch (error) {
		throw onCount(
			unexpectedAnswerError(
				context.getNode(),
				response.statusCode,
				`${(error as Error).message} The node checks the list against that count, so it read no page.`,
				errorContextOf(path),
			),
		);
	}
}

// --- End of stated totals. ---

/** The "Limit" of the item (Infinity with Return All), refused before any request when it is not one. */
function limitOf(path: RequestPathContext): number {
	const { context, itemIndex } = path;
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	const limit = Number(context.getNodeParameter('limit', 50));
	if (Number.isInteger(limit) && limit >= 1) return limit;
	throw refusedField(
		context.getNode(),
		itemIndex,
		'Limit',
		'must be a whole number of at least 1',
		{
			todo: 'Set "Limit" to how many results you want, or turn on "Return All".',
		},
	);
}

/** Get Many: the entries of the list, page by page, up to the item's Limit. */
export async function pageThrough(
	path: RequestPathContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	paging: PagingStrategy,
): Promise<INodeExecutionData[]> {
	const { context, vendor, itemIndex } = path;
	const limit = limitOf(path);
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
		const unreadable = unreadableAnswer(context.getNode(), response.statusCode, response.body);
		if (unreadable)
			throw onPageError(
				answerFailureError(context.getNode(), unreadable, errorContextOf(path), 'GET'),
				pageNumber,
			);
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
					errorContextOf(path),
					pageNumber,
					readBefore,
					error.message,
				);
			}
			throw unexpectedAnswerError(
				context.getNode(),
				response.statusCode,
				`Page ${pageNumber} of the list was not ${vendor.displayName}'s list: ${error.message} The node stopped instead of returning a list that may be short (${readBefore} entries were read before it); nothing was output.`,
				errorContextOf(path),
			);
		}
		collected.push(...(keep ? page.items.filter(keep) : page.items));
		request = page.next;
	}
	return collected
		.slice(0, limit)
		.map((item) => ({ json: vendor.sanitize ? vendor.sanitize(item, context) : item }));
}

/** Get Many of a list paged by `paging`, for the node's operation table. */
export function listOperation(paging: PagingStrategy): OperationHandler {
	return { run: async (path, requestData) => await pageThrough(path, requestData, paging) };
}
