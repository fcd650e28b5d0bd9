import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matches, opentactList } from './opentactList';

/** The account's SIP domains for the "From List" picker, filtered by name. */
export async function searchSipDomains(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const domains = await opentactList(this, 'SIP Domains', '/sip/domain');
	return {
		results: domains
			.filter((domain) => matches(filter, domain.domain))
			.map((domain) => ({ name: String(domain.domain), value: String(domain.domain) })),
	};
}
