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

/** A picker of a list only some keys may read (NetSapiens' domains and users). */
export interface ScopedList extends Omit<PickerList, 'leading'> {
	/** The key's own entry (`~`), shown first. */
	own: INodeListSearchItems;
	/** All there is when NetSapiens refuses the list for the key's scope (filtered alike); default: `own`. */
	ownOnly?(context: ILoadOptionsFunctions): Promise<INodeListSearchItems[]>;
}

/**
 * The picker as a method of the node's `methods.listSearch`: `own` comes first, and is all there is
 * (with `ownOnly`) when NetSapiens refuses the list for the key's scope.
 */
export function scopedSearchMethod({ own, ownOnly, ...list }: ScopedList) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		try {
			return await searchList(this, { ...list, leading: [own] }, filter, paginationToken);
		} catch (error) {
			if (!isForbidden(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
			const results = ownOnly ? await ownOnly(this) : [own];
			return {
				results: results.filter((shown) => matchesFilter(filter, shown.name, shown.value)),
			};
		}
	};
}
