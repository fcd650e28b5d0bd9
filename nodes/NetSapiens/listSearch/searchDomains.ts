import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { netSapiensPaging, netSapiensVendor } from '../shared/vendor';
import { scopedSearch } from './scope';

const OWN_DOMAIN: INodeListSearchItems = { name: 'My Domain (~)', value: '~' };

/**
 * Domains the credential may see. Only reseller and super-user keys may list domains; for the
 * others NetSapiens refuses `GET /domains` [I], and the picker offers `~` and the key's own domain.
 */
export async function searchDomains(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const ownDomain = async () => {
		const own = (await pickerCall(
			this,
			netSapiensVendor,
			'Domains',
			async (send) => await send({ method: 'GET', url: '/domains/~', json: true }),
		)) as { domain?: string } | undefined;
		return own?.domain ? [OWN_DOMAIN, { name: own.domain, value: own.domain }] : [OWN_DOMAIN];
	};
	const list = {
		vendor: netSapiensVendor,
		name: 'Domains',
		paging: netSapiensPaging,
		request: () => ({ url: '/domains' }),
		item: (row: Record<string, unknown>) => ({
			name:
				row.description && row.description !== row.domain
					? `${row.domain} (${row.description})`
					: String(row.domain),
			value: String(row.domain),
		}),
	};
	return await scopedSearch(this, list, OWN_DOMAIN, ownDomain, filter, paginationToken);
}
