import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { listItemsOf, nextLinkOf, PickerTrail } from '../../shared/paging';
import { signalWireTarget } from '../shared/space';
import { signalWireVendor } from '../shared/vendor';

/** Lists SIP addresses for the "From List" picker, filtered here by name, user or URI. */
export async function searchSipAddresses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await pickerCall(this, signalWireVendor, 'SIP Addresses', async (request) => {
		const credentials = await this.getCredentials('signalWireSipApi');
		const trail = PickerTrail.from(paginationToken);
		const pageRequest = {
			url: trail.url ?? '/api/fabric/sip_addresses',
			qs: trail.url ? {} : { page_size: 100 },
		};
		const page = await request({
			method: 'GET',
			baseURL: signalWireTarget(credentials).baseUrl,
			...pageRequest,
			json: true,
		});
		const needle = (filter ?? '').toLowerCase();
		const results = listItemsOf(page, 'data')
			.filter(
				(address) =>
					!needle ||
					`${address.name ?? ''} ${address.user ?? ''} ${address.uri ?? ''}`
						.toLowerCase()
						.includes(needle),
			)
			.map((address) => ({
				name: `${address.display_name ?? address.name} (${address.uri})`,
				value: String(address.id),
			}));
		return { results, paginationToken: trail.next(pageRequest, nextLinkOf(page, 'links.next')) };
	});
}
