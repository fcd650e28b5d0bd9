import { NodeApiError } from 'n8n-workflow';
import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { matchesFilter, searchList } from '../../shared/listSearch';
import type { PickerList } from '../../shared/listSearch';

/** Whether NetSapiens refused the list for this key's scope (domain- and user-level keys) [I]. */
export function isForbidden(error: unknown): boolean {
	const failure = error as { httpCode?: string; cause?: { response?: { status?: number } } };
	return failure.httpCode === '403' || failure.cause?.response?.status === 403;
}

/** A parameter chosen above the picker, or `~` (the key's own) while it is empty. */
export function currentValue(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name, { extractValue: true });
	return typeof value === 'string' && value !== '' ? value : '~';
}

/**
 * A picker of a list only some keys may read: `own` (the key's own entries, `~`) comes first, and
 * is all there is (`ownOnly`, filtered alike) when NetSapiens refuses the list for the key's scope.
 */
export async function scopedSearch(
	context: ILoadOptionsFunctions,
	list: Omit<PickerList, 'leading'>,
	own: INodeListSearchItems,
	ownOnly: () => Promise<INodeListSearchItems[]>,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		return await searchList(context, { ...list, leading: [own] }, filter, paginationToken);
	} catch (error) {
		if (!isForbidden(error)) throw new NodeApiError(context.getNode(), error as JsonObject);
		const results = await ownOnly();
		return { results: results.filter((shown) => matchesFilter(filter, shown.name, shown.value)) };
	}
}
