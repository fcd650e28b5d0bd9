import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matches, vobizListPage } from './vobizPages';

/** Applications for the "From List" picker, 100 per page, filtered by name or ID. */
export async function searchApplications(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await vobizListPage(this, 'Application', paginationToken);
	const results = page.objects
		.filter((application) => matches(filter, application.app_name, application.app_id))
		.map((application) => ({
			name: `${application.app_name} (${application.app_id})`,
			value: String(application.app_id),
		}));
	return { results, paginationToken: page.nextOffset };
}
