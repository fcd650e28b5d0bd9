import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import type { PagingStrategy, PickerCursor } from './types';

export type { CountedTotal, PagingStrategy } from './types';

/**
 * A page that is not the vendor's list: another shape (`{}`, `{"detail": …}`, `[]` where an object
 * was expected), items that are not objects, a next link that is not a URL, or a count that
 * disagrees with the total the vendor stated. The message is the node's own words; the request
 * path turns it into the operation's error, naming the page. A list is never silently short.
 */
export class ListShapeError extends Error {}

function at(body: unknown, path: string | undefined): unknown {
	if (!path) return body;
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
}

/** A short description of what came instead of the list, without its values (they may be secrets). */
export function shapeOf(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return value.length ? `a list of ${value.length}` : 'an empty list';
	if (typeof value === 'object') {
		const keys = Object.keys(value as IDataObject);
		if (!keys.length) return 'an empty object {}';
		const shown = keys
			.slice(0, 5)
			.map((key) => `"${key.slice(0, 40)}"`)
			.join(', ');
		return `an object with ${shown}${keys.length > 5 ? ', …' : ''}`;
	}
	return `a ${typeof value}`;
}

/**
 * The items of one list answer, or a ListShapeError when the answer is not that list: the one shape
 * check every list of every vendor (Return All, pickers) goes through.
 */
export function listItemsOf(body: unknown, itemsPath: string | undefined): IDataObject[] {
	const container = itemsPath ? body : undefined;
	if (
		itemsPath &&
		(typeof container !== 'object' || container === null || Array.isArray(container))
	) {
		throw new ListShapeError(
			`The answer was ${shapeOf(body)}, not an object with a "${itemsPath}" list.`,
		);
	}
	const items = at(body, itemsPath);
	if (!Array.isArray(items)) {
		throw new ListShapeError(
			itemsPath
				? `The answer had no "${itemsPath}" list: it was ${shapeOf(body)}.`
				: `The answer was ${shapeOf(body)}, not a list.`,
		);
	}
	const stray = items.findIndex(
		(item) => typeof item !== 'object' || item === null || Array.isArray(item),
	);
	if (stray !== -1) {
		throw new ListShapeError(
			`Entry ${stray + 1} of the list was ${shapeOf(items[stray])}, not an object.`,
		);
	}
	return items as IDataObject[];
}

/** A next-page link must be an absolute http(s) URL; `//host/…` or a bare path is not one. */
export function nextLinkOf(body: unknown, nextUrlPath: string): string | undefined {
	const next = at(body, nextUrlPath);
	if (next === undefined || next === null || next === '') return undefined;
	const valid =
		typeof next === 'string' && URL.canParse(next) && /^https?:$/.test(new URL(next).protocol);
	if (!valid) {
		const shown = typeof next === 'string' ? `"${next.slice(0, 200)}"` : shapeOf(next);
		throw new ListShapeError(
			`The link to the next page ("${nextUrlPath}") was ${shown}, which is not an absolute https URL.`,
		);
	}
	return next as string;
}

/**
 * Lists that answer with an absolute URL of the next page (Ultravox `next`, SignalWire
 * `links.next`). The URL is followed verbatim; the credential refuses it if it leaves the
 * credential's own origin.
 */
export function nextUrlPaging(config: {
	itemsPath: string;
	nextUrlPath: string;
	pageSizeParameter: string;
	maxPageSize: number;
}): PagingStrategy {
	return {
		maxPageSize: config.maxPageSize,
		firstPage: (request, pageSize) => ({
			...request,
			qs: { ...(request.qs ?? {}), [config.pageSizeParameter]: pageSize },
		}),
		readPage: (response: IN8nHttpFullResponse, request: IHttpRequestOptions) => {
			const items = listItemsOf(response.body, config.itemsPath);
			const next = nextLinkOf(response.body, config.nextUrlPath);
			return { items, next: next ? { ...request, url: next, qs: {} } : undefined };
		},
		cursor: linkCursor,
	};
}

// --- Stated totals (issue 16): the one check of a list against the length its vendor states. ---

// CountedTotal (types.ts): a list whose vendor states its length in an answer of its own.

/** A stated total as a number: a whole number of at least 0, else a ListShapeError naming where it was. */
export function statedTotalOf(body: unknown, totalPath: string, where = 'The page'): number {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ListShapeError(
			`${where} was ${shapeOf(body)}, not an object with a total count in "${totalPath}".`,
		);
	}
	const stated = at(body, totalPath);
	const total = Number(stated);
	if (
		stated === undefined ||
		stated === null ||
		stated === '' ||
		typeof stated === 'boolean' ||
		!Number.isInteger(total) ||
		total < 0
	) {
		throw new ListShapeError(
			`${where} had no total count in "${totalPath}" (it was ${shapeOf(stated)}).`,
		);
	}
	return total;
}

/** A list whose length disagrees with the total its vendor stated (see moreAfter). */
export class StatedTotalError extends ListShapeError {}

/**
 * Whether a list that states its total goes on after a page: the one check of every stated total
 * (Return All, pickers), so that a list is never silently shorter or longer than its vendor says.
 * `listed` counts the entries read so far, this page's included; `label` names the total.
 *
 * Where the total is the vendor's own end signal (Vobiz `meta.total_count`), leave `vendorSaysMore`
 * out: the list ends at the total. Where the vendor has an end signal of its own (NetSapiens: a page
 * shorter than asked), pass it: the list ends there, and must end exactly at the total. A full page
 * that reaches the total then still asks for the next one, so a list that grew after the count
 * (an entry shifted out of the pages read) is seen as longer than its count, not cut at it.
 */
export function moreAfter(
	listed: number,
	total: number,
	pageLength: number,
	label: string,
	vendorSaysMore?: boolean,
): boolean {
	if (listed < total && pageLength === 0) {
		throw new StatedTotalError(
			`The page at offset ${listed} was empty although ${label} said ${total}.`,
		);
	}
	if (listed > total) {
		throw new StatedTotalError(
			`The list held more entries (${listed} so far) than ${label} said (${total}).`,
		);
	}
	if (vendorSaysMore === undefined) return listed < total;
	if (!vendorSaysMore && listed < total) {
		throw new StatedTotalError(
			`The list ended after ${listed} entries (its last page held ${pageLength}, fewer than asked), although ${label} said ${total}.`,
		);
	}
	return vendorSaysMore && pageLength > 0;
}

// --- End of stated totals. ---

/** Lists paged by a count and an offset (Vobiz `limit`/`offset`, NetSapiens `limit`/`start`). */
export function offsetPaging(config: {
	itemsPath?: string;
	limitParameter: string;
	offsetParameter: string;
	maxPageSize: number;
	/** Where the total count is, when the vendor says it; else a short page marks the end. */
	totalPath?: string;
}): PagingStrategy {
	return {
		maxPageSize: config.maxPageSize,
		firstPage: (request, pageSize) => ({
			...request,
			qs: { ...(request.qs ?? {}), [config.limitParameter]: pageSize, [config.offsetParameter]: 0 },
		}),
		cursor: offsetCursor(config.offsetParameter),
		readPage: (response, request, pageSize) => {
			const items = listItemsOf(response.body, config.itemsPath);
			const offset = Number((request.qs ?? {})[config.offsetParameter] ?? 0) + items.length;
			const more = config.totalPath
				? moreAfter(
						offset,
						statedTotalOf(response.body, config.totalPath),
						items.length,
						`"${config.totalPath}"`,
					)
				: items.length >= pageSize;
			return {
				items,
				next: more
					? { ...request, qs: { ...(request.qs ?? {}), [config.offsetParameter]: offset } }
					: undefined,
			};
		},
	};
}

/** Lists the vendor returns whole, in one answer (Opentact). Limit is applied after. */
export function singlePage(config: { itemsPath?: string }): PagingStrategy {
	return {
		maxPageSize: Number.MAX_SAFE_INTEGER,
		firstPage: (request) => request,
		readPage: (response) => ({ items: listItemsOf(response.body, config.itemsPath) }),
		// One answer holds the whole list: a picker needs no place in it.
		cursor: { request: (first) => first, token: () => undefined },
	};
}

/**
 * Most pages one list is read in: 10,000 (a million entries at the vendors' page sizes of 100 to
 * 1,000, far more than any account holds). A vendor whose pages never end fails the item there,
 * naming the page, instead of holding n8n until memory runs out.
 */
export const MAX_LIST_PAGES = 10_000;

/**
 * The page a request reads, whatever way it names it: its path and its sorted query (the `qs` and
 * the URL's own), without the origin, which the credential fixes. A relative first request
 * (`/api/x?pageSize=100`, under the credential's base path) and an absolute next link to the same
 * page (`https://host/base/api/x?pageSize=100`) then name it the same way: one ends with the other.
 */
export function pageKey(request: Pick<IHttpRequestOptions, 'url' | 'qs'>): string {
	const url = new URL(request.url, 'http://page.invalid/');
	for (const [name, value] of Object.entries(request.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
	}
	url.searchParams.sort();
	return `${url.pathname.replace(/\/+$/, '')}?${url.searchParams.toString()}`;
}

const samePage = (a: string, b: string) => a === b || a.endsWith(b) || b.endsWith(a);

/**
 * The pages one list has read: a next link back to one of them (a vendor's list that loops) or a
 * list longer than MAX_LIST_PAGES is a ListShapeError, so Return All never outputs an entry twice
 * and never pages forever.
 */
export class PageTrail {
	private readonly read: string[] = [];

	constructor(private readonly maxPages = MAX_LIST_PAGES) {}

	/** Records the page just read; returns the next request, refused if it leads to a page read already. */
	follow<T extends Pick<IHttpRequestOptions, 'url' | 'qs'>>(
		current: T,
		next: T | undefined,
	): T | undefined {
		this.read.push(pageKey(current));
		if (!next) return undefined;
		const key = pageKey(next);
		const earlier = this.read.findIndex((seen) => samePage(seen, key));
		if (earlier !== -1) {
			throw new ListShapeError(
				`Its link to the next page leads back to page ${earlier + 1}, which was read already: the vendor's list loops.`,
			);
		}
		if (this.read.length >= this.maxPages) {
			throw new ListShapeError(
				`The list went on past ${this.maxPages} pages, the most the node reads of one list.`,
			);
		}
		return next;
	}
}

/** Most pages a picker reads of one list: 1,000 (100,000 entries at its 100 per page). */
export const MAX_PICKER_PAGES = 1000;

/** 8 hex characters of a page's key, so that a picker's token can carry every page it has read. */
function shortKey(key: string): string {
	let hash = 0x811c9dc5;
	for (let at = 0; at < key.length; at++)
		hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193) >>> 0;
	return hash.toString(16).padStart(8, '0');
}

/**
 * The pages a "From List" picker has read of one list. n8n's editor calls the picker once per
 * page, handing back the token of the previous call, so the trail travels in that token: the next
 * link, the first page's key (a relative request) and a short key of every link followed since.
 * A next link back to a page read already, or a list longer than MAX_PICKER_PAGES, is a
 * ListShapeError.
 */
export class PickerTrail {
	private constructor(
		/** The page to read: a vendor's next link, or undefined for the first page. */
		readonly url: string | undefined,
		private readonly first: string | undefined,
		private readonly followed: string[],
	) {}

	static from(token: string | undefined): PickerTrail {
		if (!token) return new PickerTrail(undefined, undefined, []);
		try {
			const parsed = JSON.parse(token) as { next?: unknown; first?: unknown; followed?: unknown };
			if (typeof parsed.next === 'string' && Array.isArray(parsed.followed)) {
				const followed = parsed.followed.filter(
					(entry): entry is string => typeof entry === 'string',
				);
				return new PickerTrail(
					parsed.next,
					typeof parsed.first === 'string' ? parsed.first : undefined,
					followed,
				);
			}
		} catch {
			// A bare link: a token of an earlier version of the node.
		}
		return new PickerTrail(token, undefined, []);
	}

	/** The token for the page after the one just read (`current`), or undefined at the list's end. */
	next(
		current: Pick<IHttpRequestOptions, 'url' | 'qs'>,
		link: string | undefined,
	): string | undefined {
		const first = this.first ?? (this.url === undefined ? pageKey(current) : undefined);
		const followed =
			this.url === undefined
				? this.followed
				: [...this.followed, shortKey(pageKey({ url: this.url }))];
		if (!link) return undefined;
		const key = pageKey({ url: link });
		const at = followed.indexOf(shortKey(key));
		const earlier =
			first !== undefined && samePage(first, key)
				? 1
				: at === -1
					? undefined
					: at + (first === undefined ? 1 : 2);
		if (earlier !== undefined) {
			throw new ListShapeError(
				`Its link to the next page leads back to page ${earlier}, which was read already: the vendor's list loops.`,
			);
		}
		if (followed.length + 1 >= MAX_PICKER_PAGES) {
			throw new ListShapeError(
				`The list went on past ${MAX_PICKER_PAGES} pages, the most a picker reads of one list.`,
			);
		}
		return JSON.stringify({ next: link, first, followed });
	}
}

/**
 * A picker paged by offset reads each page once (the offset only grows, by what the last page
 * held); its bound is MAX_PICKER_PAGES pages, past which the list is refused.
 */
export function assertPickerOffset(offset: number, pageSize: number): void {
	if (offset >= MAX_PICKER_PAGES * pageSize) {
		throw new ListShapeError(
			`The list went on past ${MAX_PICKER_PAGES} pages, the most a picker reads of one list.`,
		);
	}
}

/**
 * A picker of a list paged by next links: its token is a PickerTrail (the link, and every page
 * read), so that a link back to a page read already is refused on any later call.
 */
const linkCursor: PickerCursor = {
	request: (first, token) => {
		const { url } = PickerTrail.from(token);
		return url ? { ...first, url, qs: {} } : first;
	},
	token: (current, next, token) => PickerTrail.from(token).next(current, next?.url),
};

/**
 * A picker of a list paged by offset: its token is the next offset (the offset only grows, by
 * what the last page held, so no page is read twice; assertPickerOffset bounds it).
 */
function offsetCursor(offsetParameter: string): PickerCursor {
	return {
		request: (first, token, pageSize) => {
			const offset = Number(token ?? 0) || 0;
			assertPickerOffset(offset, pageSize);
			return { ...first, qs: { ...(first.qs ?? {}), [offsetParameter]: offset } };
		},
		token: (_current, next) => (next ? String((next.qs ?? {})[offsetParameter] ?? 0) : undefined),
	};
}
