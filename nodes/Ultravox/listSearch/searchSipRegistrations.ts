import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { listItemsOf, nextLinkOf } from '../../shared/paging';
import { trimTrailingSlash } from '../../shared/url';
import { ultravoxVendor } from '../shared/vendor';

/** Lists registrations page by page for the "From List" picker, filtered by username or proxy. */
export async function searchSipRegistrations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerCall(this, ultravoxVendor, 'SIP Registrations', async () => {
		const credentials = await this.getCredentials('ultravoxSipApi');
		const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'ultravoxSipApi', {
			method: 'GET',
			baseURL: trimTrailingSlash(String(credentials.baseUrl)),
			url: paginationToken ?? '/api/sip/registrations',
			qs: paginationToken ? {} : { pageSize: 100 },
			json: true,
		})) as unknown;
		const needle = (filter ?? '').toLowerCase();
		const results = listItemsOf(page, 'results')
			.filter(
				(registration) =>
					!needle || `${registration.username ?? ''} ${registration.proxy ?? ''}`.toLowerCase().includes(needle),
			)
			.map((registration) => ({
				name: `${registration.username} @ ${registration.proxy}`,
				value: String(registration.registrationId),
			}));
		return { results, paginationToken: nextLinkOf(page, 'next') };
	});
}
