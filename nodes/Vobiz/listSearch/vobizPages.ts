import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { assertPickerOffset, listItemsOf, moreAfter } from '../../shared/paging';
import { trimTrailingSlash } from '../../shared/url';
import { pathSegment } from '../../shared/validation';
import { vobizVendor } from '../shared/vendor';

/** Rows per page of a picker; Vobiz allows at most 100. */
const PAGE_SIZE = 100;

interface VobizPage {
	objects: IDataObject[];
	/** Offset of the next page, as the picker's pagination token; undefined on the last page. */
	nextOffset?: string;
}

/** One page of a Vobiz list under the credential's account (`/api/v1/Account/{auth_id}/<collection>/`). */
export async function vobizListPage(
	context: ILoadOptionsFunctions,
	collection: 'Endpoint' | 'Application',
	paginationToken?: string,
): Promise<VobizPage> {
	return await pickerCall(context, vobizVendor, `${collection}s`, async (request) => {
		const credentials = await context.getCredentials('vobizSipApi');
		const offset = Number(paginationToken ?? 0) || 0;
		assertPickerOffset(offset, PAGE_SIZE);
		const page = await request({
			method: 'GET',
			baseURL: trimTrailingSlash(String(credentials.baseUrl)),
			url: `/api/v1/Account/${pathSegment(credentials.authId)}/${collection}/`,
			qs: { limit: PAGE_SIZE, offset },
			json: true,
		});
		const objects = listItemsOf(page, 'objects');
		const next = offset + objects.length;
		const total = (page as { meta?: { total_count?: unknown } }).meta?.total_count;
		const more =
			typeof total === 'number'
				? moreAfter(next, total, objects.length, '"meta.total_count"')
				: objects.length === PAGE_SIZE;
		return { objects, nextOffset: more ? String(next) : undefined };
	});
}

export function matches(filter: string | undefined, ...values: unknown[]): boolean {
	const needle = (filter ?? '').toLowerCase();
	return (
		!needle ||
		values
			.map((value) => String(value ?? ''))
			.join(' ')
			.toLowerCase()
			.includes(needle)
	);
}
