import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';

/** Rows per page of a picker; NetSapiens allows up to 1000. */
const PAGE_SIZE = 100;

export async function listPage(
	context: ILoadOptionsFunctions,
	path: string,
	start: number,
): Promise<IDataObject[]> {
	const page = await context.helpers.httpRequestWithAuthentication.call(context, 'netSapiensSipApi', {
		method: 'GET',
		url: path,
		qs: { start, limit: PAGE_SIZE },
		json: true,
	});
	return Array.isArray(page) ? (page as IDataObject[]) : [];
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
