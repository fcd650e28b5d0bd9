import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import type { PagingStrategy } from './requestPath';

/**
 * A page that is not the vendor's list: another shape (`{}`, `{"detail": …}`, `[]` where an object
 * was expected), items that are not objects, a next link that is not a URL, or a count that
 * disagrees with the total the vendor stated. The message is the node's own words; the request
 * path turns it into the operation's error, naming the page. A list is never silently short.
 */
export class ListShapeError extends Error {}

function at(body: unknown, path: string | undefined): unknown {
	if (!path) return body;
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
}

/** A short description of what came instead of the list, without its values (they may be secrets). */
export function shapeOf(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return value.length ? `a list of ${value.length}` : 'an empty list';
	if (typeof value === 'object') {
		const keys = Object.keys(value as IDataObject);
		if (!keys.length) return 'an empty object {}';
		const shown = keys.slice(0, 5).map((key) => `"${key.slice(0, 40)}"`).join(', ');
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
	if (itemsPath && (typeof container !== 'object' || container === null || Array.isArray(container))) {
		throw new ListShapeError(`The answer was ${shapeOf(body)}, not an object with a "${itemsPath}" list.`);
	}
	const items = at(body, itemsPath);
	if (!Array.isArray(items)) {
		throw new ListShapeError(
			itemsPath
				? `The answer had no "${itemsPath}" list: it was ${shapeOf(body)}.`
				: `The answer was ${shapeOf(body)}, not a list.`,
		);
	}
	const stray = items.findIndex((item) => typeof item !== 'object' || item === null || Array.isArray(item));
	if (stray !== -1) {
		throw new ListShapeError(`Entry ${stray + 1} of the list was ${shapeOf(items[stray])}, not an object.`);
	}
	return items as IDataObject[];
}

/** A next-page link must be an absolute http(s) URL; `//host/…` or a bare path is not one. */
export function nextLinkOf(body: unknown, nextUrlPath: string): string | undefined {
	const next = at(body, nextUrlPath);
	if (next === undefined || next === null || next === '') return undefined;
	const valid = typeof next === 'string' && URL.canParse(next) && /^https?:$/.test(new URL(next).protocol);
	if (!valid) {
		const shown = typeof next === 'string' ? `"${next.slice(0, 200)}"` : shapeOf(next);
		throw new ListShapeError(`The link to the next page ("${nextUrlPath}") was ${shown}, which is not an absolute https URL.`);
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
	};
}

/**
 * Where a list that states its total ends: at the total. A page that brings nothing before it, or
 * a last page that leaves the count off it, is an error (the vendor's list and its own total disagree).
 */
export function moreAfter(listed: number, total: number, pageLength: number, totalPath: string): boolean {
	if (listed < total && pageLength === 0) {
		throw new ListShapeError(`The page at offset ${listed} was empty although "${totalPath}" said ${total}.`);
	}
	if (listed > total) {
		throw new ListShapeError(`The list held more entries (${listed} so far) than "${totalPath}" said (${total}).`);
	}
	return listed < total;
}

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
		readPage: (response, request, pageSize) => {
			const items = listItemsOf(response.body, config.itemsPath);
			const offset = Number((request.qs ?? {})[config.offsetParameter] ?? 0) + items.length;
			let more = items.length >= pageSize;
			if (config.totalPath) {
				const stated = at(response.body, config.totalPath);
				const total = Number(stated);
				if (stated === undefined || stated === null || stated === '' || !Number.isInteger(total) || total < 0) {
					throw new ListShapeError(`The page had no total count in "${config.totalPath}" (it was ${shapeOf(stated)}).`);
				}
				more = moreAfter(offset, total, items.length, config.totalPath);
			}
			return {
				items,
				next: more ? { ...request, qs: { ...(request.qs ?? {}), [config.offsetParameter]: offset } } : undefined,
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
	};
}
