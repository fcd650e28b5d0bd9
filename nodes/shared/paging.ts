import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import type { PagingStrategy } from './requestPath';

function at(body: unknown, path: string | undefined): unknown {
	if (!path) return body;
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
}

function itemsAt(body: unknown, path: string | undefined): IDataObject[] {
	const items = at(body, path);
	return Array.isArray(items) ? (items as IDataObject[]) : [];
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
			const next = at(response.body, config.nextUrlPath);
			return {
				items: itemsAt(response.body, config.itemsPath),
				next: typeof next === 'string' && next ? { ...request, url: next, qs: {} } : undefined,
			};
		},
	};
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
			const items = itemsAt(response.body, config.itemsPath);
			const offset = Number((request.qs ?? {})[config.offsetParameter] ?? 0) + items.length;
			const total = config.totalPath ? Number(at(response.body, config.totalPath)) : NaN;
			const more = Number.isFinite(total) ? offset < total : items.length >= pageSize;
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
		readPage: (response) => ({ items: itemsAt(response.body, config.itemsPath) }),
	};
}
