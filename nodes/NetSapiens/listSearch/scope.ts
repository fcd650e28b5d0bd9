import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { assertPickerOffset, listItemsOf, moreAfter, statedTotalOf } from '../../shared/paging';
import { devicePaging, netSapiensVendor } from '../shared/vendor';

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
	return await netSapiensCall(
		context,
		listName,
		{ url: path, qs: { start, limit: PAGE_SIZE } },
		(body) => {
			assertPickerOffset(start, PAGE_SIZE);
			return listItemsOf(body, undefined);
		},
	);
}

/**
 * One page of a device list, checked against NetSapiens' count as Get Many checks it (moreAfter):
 * the count is asked before the first page, and travels in the token with the next `start`.
 */
export async function countedDevicePage(
	context: ILoadOptionsFunctions,
	path: string,
	paginationToken: string | undefined,
): Promise<{ rows: IDataObject[]; paginationToken?: string }> {
	const counted = devicePaging.countedTotal!;
	const token = parseToken(paginationToken);
	return await pickerCall(context, netSapiensVendor, 'Devices', async (send) => {
		assertPickerOffset(token.start, PAGE_SIZE);
		const total =
			token.total ??
			statedTotalOf(
				await send(counted.request({ method: 'GET', url: path, json: true })),
				counted.totalPath,
				`${counted.label}`,
			);
		const rows = listItemsOf(
			await send({
				method: 'GET',
				url: path,
				qs: { start: token.start, limit: PAGE_SIZE },
				json: true,
			}),
			undefined,
		);
		const listed = token.start + rows.length;
		const more = moreAfter(listed, total, rows.length, counted.label, rows.length >= PAGE_SIZE);
		return { rows, paginationToken: more ? JSON.stringify({ start: listed, total }) : undefined };
	});
}

/** `{start, total}`, or a bare `start` (a token of an earlier version: the count is then asked again). */
function parseToken(token: string | undefined): { start: number; total?: number } {
	if (!token) return { start: 0 };
	try {
		const parsed = JSON.parse(token) as unknown;
		if (typeof parsed === 'number')
			return { start: Number.isInteger(parsed) && parsed >= 0 ? parsed : 0 };
		const { start, total } = (parsed ?? {}) as { start?: unknown; total?: unknown };
		const whole = (value: unknown) =>
			typeof value === 'number' && Number.isInteger(value) && value >= 0;
		return {
			start: whole(start) ? (start as number) : 0,
			total: whole(total) ? (total as number) : undefined,
		};
	} catch {
		return { start: 0 };
	}
}

/** The picker's next page token: the next `start`, while pages come back full. */
export function nextStart(start: number, rows: IDataObject[]): string | undefined {
	return rows.length >= PAGE_SIZE ? String(start + rows.length) : undefined;
}

export function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = (filter ?? '').toLowerCase();
	return needle
		? items.filter((item) => `${item.name} ${item.value}`.toLowerCase().includes(needle))
		: items;
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
