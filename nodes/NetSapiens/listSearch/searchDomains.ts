import { NodeApiError } from 'n8n-workflow';
import type {
	ILoadOptionsFunctions,
	JsonObject,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { isForbidden, listPage, matching, netSapiensCall, nextStart } from './pages';

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
	const start = Number(paginationToken ?? 0);
	const first = start === 0 ? [OWN_DOMAIN] : [];
	try {
		const rows = await listPage(this, 'Domains', '/domains', start);
		const domains = rows.map((row) => ({
			name:
				row.description && row.description !== row.domain
					? `${row.domain} (${row.description})`
					: String(row.domain),
			value: String(row.domain),
		}));
		return {
			results: matching([...first, ...domains], filter),
			paginationToken: nextStart(start, rows),
		};
	} catch (error) {
		if (!isForbidden(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		const own = await netSapiensCall(
			this,
			'Domains',
			{ url: '/domains/~' },
			(body) => body as { domain?: string } | undefined,
		);
		const results = own?.domain
			? [OWN_DOMAIN, { name: own.domain, value: own.domain }]
			: [OWN_DOMAIN];
		return { results: matching(results, filter) };
	}
}
