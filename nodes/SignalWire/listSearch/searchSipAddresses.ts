import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { signalWireTarget } from '../shared/space';

interface Page {
	data?: IDataObject[];
	links?: { next?: string };
}

/** Lists SIP addresses for the "From List" picker, filtered here by name, user or URI. */
export async function searchSipAddresses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials('signalWireSipApi');
	const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'signalWireSipApi', {
		method: 'GET',
		baseURL: signalWireTarget(credentials).baseUrl,
		url: paginationToken ?? '/api/fabric/sip_addresses',
		qs: paginationToken ? {} : { page_size: 100 },
		json: true,
	})) as Page;
	const needle = (filter ?? '').toLowerCase();
	const results = (page.data ?? [])
		.filter((address) =>
			!needle || `${address.name ?? ''} ${address.user ?? ''} ${address.uri ?? ''}`.toLowerCase().includes(needle),
		)
		.map((address) => ({ name: `${address.display_name ?? address.name} (${address.uri})`, value: String(address.id) }));
	return { results, paginationToken: page.links?.next || undefined };
}
