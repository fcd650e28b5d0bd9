import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { listItemsOf, nextLinkOf } from '../../shared/paging';
import { signalWireTarget } from '../shared/space';
import { signalWireVendor } from '../shared/vendor';

/** Lists SIP addresses for the "From List" picker, filtered here by name, user or URI. */
export async function searchSipAddresses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerCall(this, signalWireVendor, 'SIP Addresses', async () => {
		const credentials = await this.getCredentials('signalWireSipApi');
		const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'signalWireSipApi', {
			method: 'GET',
			baseURL: signalWireTarget(credentials).baseUrl,
			url: paginationToken ?? '/api/fabric/sip_addresses',
			qs: paginationToken ? {} : { page_size: 100 },
			json: true,
		})) as unknown;
		const needle = (filter ?? '').toLowerCase();
		const results = listItemsOf(page, 'data')
			.filter(
				(address) =>
					!needle || `${address.name ?? ''} ${address.user ?? ''} ${address.uri ?? ''}`.toLowerCase().includes(needle),
			)
			.map((address) => ({ name: `${address.display_name ?? address.name} (${address.uri})`, value: String(address.id) }));
		return { results, paginationToken: nextLinkOf(page, 'links.next') };
	});
}
