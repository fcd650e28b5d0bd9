import type { INodeListSearchItems } from 'n8n-workflow';
import { pickerCall } from '../../shared/listSearch';
import { netSapiensPaging, netSapiensVendor } from '../shared/vendor';
import { scopedSearchMethod } from './scope';

const OWN_DOMAIN: INodeListSearchItems = { name: 'My Domain (~)', value: '~' };

/**
 * Domains the credential may see. Only reseller and super-user keys may list domains; for the
 * others NetSapiens refuses `GET /domains` [I], and the picker offers `~` and the key's own domain.
 */
export const searchDomains = scopedSearchMethod({
	vendor: netSapiensVendor,
	name: 'Domains',
	paging: netSapiensPaging,
	request: () => ({ url: '/domains' }),
	item: (row) => ({
		name:
			row.description && row.description !== row.domain
				? `${row.domain} (${row.description})`
				: String(row.domain),
		value: String(row.domain),
	}),
	own: OWN_DOMAIN,
	ownOnly: async (context) => {
		const own = (await pickerCall(
			context,
			netSapiensVendor,
			'Domains',
			async (send) => await send({ method: 'GET', url: '/domains/~', json: true }),
		)) as { domain?: string } | undefined;
		return own?.domain ? [OWN_DOMAIN, { name: own.domain, value: own.domain }] : [OWN_DOMAIN];
	},
});
