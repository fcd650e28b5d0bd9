import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { listItemsOf, nextLinkOf, PickerTrail } from '../../shared/paging';
import { trimTrailingSlash } from '../../shared/url';
import { ultravoxVendor } from '../shared/vendor';

/** Lists registrations page by page for the "From List" picker, filtered by username or proxy. */
export async function searchSipRegistrations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerCall(this, ultravoxVendor, 'SIP Registrations', async (request) => {
		const credentials = await this.getCredentials('ultravoxSipApi');
		const trail = PickerTrail.from(paginationToken);
		const pageRequest = {
			url: trail.url ?? '/api/sip/registrations',
			qs: trail.url ? {} : { pageSize: 100 },
		};
		const page = await request({
			method: 'GET',
			baseURL: trimTrailingSlash(String(credentials.baseUrl)),
			...pageRequest,
			json: true,
		});
		const needle = (filter ?? '').toLowerCase();
		const results = listItemsOf(page, 'results')
			.filter(
				(registration) =>
					!needle ||
					`${registration.username ?? ''} ${registration.proxy ?? ''}`
						.toLowerCase()
						.includes(needle),
			)
			.map((registration) => ({
				name: `${registration.username} @ ${registration.proxy}`,
				value: String(registration.registrationId),
			}));
		return { results, paginationToken: trail.next(pageRequest, nextLinkOf(page, 'next')) };
	});
}
