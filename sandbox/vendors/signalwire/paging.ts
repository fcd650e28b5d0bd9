import type { SandboxRequest, SandboxResponse, VendorContext } from '../../core/types';
import { invalid } from './errors';
import type { Family } from './errors';

/**
 * Paging, the same on both API families: `page_size`, `page_number` and an opaque `page_token` from `links`.
 * Tokens are "PA" + the last ID of a page (the page after it) or "PB" + the first ID (the page before), as the
 * documented examples suggest.
 */

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

function integerParameter(value: string | null, fallback: number): number {
	if (value === null || value === '') return fallback;
	return /^\d+$/.test(value) ? Number(value) : NaN;
}

/** One page of `all`, or the family's 422 for bad paging parameters. `keep`: filters carried into the links. */
export function page<T extends { id: string }>(
	family: Family,
	all: T[],
	request: SandboxRequest,
	context: VendorContext,
	keep: Record<string, string> = {},
): { items: T[]; links: Record<string, string> } | SandboxResponse {
	const pageSize = integerParameter(request.query.get('page_size'), DEFAULT_PAGE_SIZE);
	if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
		return invalid(family, 'page_size', `Page size must be between 1 and ${MAX_PAGE_SIZE}`);
	}
	const pageNumber = integerParameter(request.query.get('page_number'), 0);
	if (!(pageNumber >= 0)) return invalid(family, 'page_number', 'Page number must be 0 or greater');
	const pageToken = request.query.get('page_token');
	if (pageNumber > 0 && !pageToken) {
		return invalid(
			family,
			'page_token',
			'Page token is required when page number is greater than 0',
			'missing_required_parameter',
		);
	}
	let start = 0;
	if (pageToken) {
		const [, direction, id] = /^P([AB])(.+)$/.exec(pageToken) ?? [];
		const at = id === undefined ? -1 : all.findIndex((item) => item.id === id);
		if (at < 0) return invalid(family, null, 'Page token is invalid', 'page_token_is_invalid');
		start = direction === 'A' ? at + 1 : Math.max(0, at - pageSize);
	}
	const items = all.slice(start, start + pageSize);
	const link = (number: number, tokenValue?: string) => {
		const query = new URLSearchParams({ page_number: String(number), page_size: String(pageSize) });
		if (tokenValue) query.set('page_token', tokenValue);
		// [I] Filters travel in the links, so following `links.next` verbatim keeps them.
		for (const [key, value] of Object.entries(keep)) query.set(key, value);
		return `${context.baseUrl}${request.path}?${query}`;
	};
	const links: Record<string, string> = {
		self: link(pageNumber, pageToken ?? undefined),
		first: link(0),
	};
	if (start + pageSize < all.length && items.length)
		links.next = link(pageNumber + 1, `PA${items[items.length - 1].id}`);
	if (start > 0) links.prev = link(Math.max(0, pageNumber - 1), `PB${all[start].id}`);
	return { items, links };
}
