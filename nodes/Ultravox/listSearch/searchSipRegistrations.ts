import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { trimTrailingSlash } from '../../shared/url';

/** Lists registrations page by page for the "From List" picker, filtered by username or proxy. */
export async function searchSipRegistrations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials('ultravoxSipApi');
	const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'ultravoxSipApi', {
		method: 'GET',
		baseURL: trimTrailingSlash(String(credentials.baseUrl)),
		url: paginationToken ?? '/api/sip/registrations',
		qs: paginationToken ? {} : { pageSize: 100 },
		json: true,
	})) as { results?: IDataObject[]; next?: string | null };
	const needle = (filter ?? '').toLowerCase();
	const results = (page.results ?? [])
		.filter((registration) =>
			!needle ||
			`${registration.username ?? ''} ${registration.proxy ?? ''}`.toLowerCase().includes(needle),
		)
		.map((registration) => ({
			name: `${registration.username} @ ${registration.proxy}`,
			value: String(registration.registrationId),
		}));
	return { results, paginationToken: page.next ?? undefined };
}
