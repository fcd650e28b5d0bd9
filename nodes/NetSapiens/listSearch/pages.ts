import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { assertPickerOffset, listItemsOf } from '../../shared/paging';
import { netSapiensVendor } from '../shared/vendor';

/** Rows per page of a picker; NetSapiens allows up to 1000. */
const PAGE_SIZE = 100;

/** One NetSapiens call of a picker, through the shared picker error path (named, worded, redacted). */
export async function netSapiensCall<T>(
	context: ILoadOptionsFunctions,
	listName: string,
	request: { url: string; qs?: IDataObject },
	read: (body: unknown) => T,
): Promise<T> {
	return await pickerCall(context, netSapiensVendor, listName, async (send) => {
		const body = await send({ method: 'GET', ...request, json: true });
		return read(body);
	});
}

/** One page of a NetSapiens list: a plain array of rows, or an error when the answer is not one. */
export async function listPage(
	context: ILoadOptionsFunctions,
	listName: string,
	path: string,
	start: number,
): Promise<IDataObject[]> {
	return await netSapiensCall(context, listName, { url: path, qs: { start, limit: PAGE_SIZE } }, (body) => {
		assertPickerOffset(start, PAGE_SIZE);
		return listItemsOf(body, undefined);
	});
}

/** The picker's next page token: the next `start`, while pages come back full. */
export function nextStart(start: number, rows: IDataObject[]): string | undefined {
	return rows.length >= PAGE_SIZE ? String(start + rows.length) : undefined;
}

export function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = (filter ?? '').toLowerCase();
	return needle ? items.filter((item) => `${item.name} ${item.value}`.toLowerCase().includes(needle)) : items;
}

/** Whether NetSapiens refused the list for this key's scope (domain- and user-level keys) [I]. */
export function isForbidden(error: unknown): boolean {
	const failure = error as { httpCode?: string; cause?: { response?: { status?: number } } };
	return failure.httpCode === '403' || failure.cause?.response?.status === 403;
}

export function currentValue(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name, { extractValue: true });
	return typeof value === 'string' && value !== '' ? value : '~';
}
