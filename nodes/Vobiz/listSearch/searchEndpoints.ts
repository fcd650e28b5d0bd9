import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matches, vobizListPage } from './vobizPages';

/** Endpoints for the "From List" picker, 100 per page, filtered by alias or username. */
export async function searchEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await vobizListPage(this, 'Endpoint', paginationToken);
	const results = page.objects
		.filter((endpoint) => matches(filter, endpoint.alias, endpoint.username))
		.map((endpoint) => ({
			name: `${endpoint.alias} (${endpoint.username})`,
			value: String(endpoint.endpoint_id),
		}));
	return { results, paginationToken: page.nextOffset };
}
