import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { listItemsOf, nextLinkOf } from '../../shared/paging';
import { signalWireTarget } from '../shared/space';
import { signalWireVendor } from '../shared/vendor';

/** Lists SIP endpoints for the "From List" picker; SignalWire filters by username itself. */
export async function searchSipEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerCall(this, signalWireVendor, 'SIP Endpoints', async () => {
		const credentials = await this.getCredentials('signalWireSipApi');
		const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'signalWireSipApi', {
			method: 'GET',
			baseURL: signalWireTarget(credentials).baseUrl,
			url: paginationToken ?? '/api/relay/rest/endpoints/sip',
			qs: paginationToken ? {} : { page_size: 100, ...(filter ? { filter_username: filter } : {}) },
			json: true,
		})) as unknown;
		const results = listItemsOf(page, 'data').map((endpoint) => ({
			name: endpoint.caller_id ? `${endpoint.username} (${endpoint.caller_id})` : String(endpoint.username),
			value: String(endpoint.id),
		}));
		return { results, paginationToken: nextLinkOf(page, 'links.next') };
	});
}
