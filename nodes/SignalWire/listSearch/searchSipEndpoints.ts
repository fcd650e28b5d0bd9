import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { listItemsOf, nextLinkOf, PickerTrail } from '../../shared/paging';
import { signalWireTarget } from '../shared/space';
import { signalWireVendor } from '../shared/vendor';

/** Lists SIP endpoints for the "From List" picker; SignalWire filters by username itself. */
export async function searchSipEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerCall(this, signalWireVendor, 'SIP Endpoints', async (request) => {
		const credentials = await this.getCredentials('signalWireSipApi');
		const trail = PickerTrail.from(paginationToken);
		const pageRequest = {
			url: trail.url ?? '/api/relay/rest/endpoints/sip',
			qs: trail.url ? {} : { page_size: 100, ...(filter ? { filter_username: filter } : {}) },
		};
		const page = await request({
			method: 'GET',
			baseURL: signalWireTarget(credentials).baseUrl,
			...pageRequest,
			json: true,
		});
		const results = listItemsOf(page, 'data').map((endpoint) => ({
			name: endpoint.caller_id
				? `${endpoint.username} (${endpoint.caller_id})`
				: String(endpoint.username),
			value: String(endpoint.id),
		}));
		return { results, paginationToken: trail.next(pageRequest, nextLinkOf(page, 'links.next')) };
	});
}
