import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { pathSegment } from '../../shared/validation';
import { netSapiensPaging, netSapiensVendor } from '../shared/vendor';
import { currentValue, scopedSearch } from './scope';

const OWN_USER: INodeListSearchItems = { name: 'My User (~)', value: '~' };

/** Users of the chosen domain; a basic-user key may not list them [I] and gets `~` only. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = {
		vendor: netSapiensVendor,
		name: 'Users',
		paging: netSapiensPaging,
		request: (context: ILoadOptionsFunctions) => ({
			url: `/domains/${pathSegment(currentValue(context, 'domain'))}/users`,
		}),
		item: (row: Record<string, unknown>) => ({
			name: row['name-full-name'] ? `${row.user} (${row['name-full-name']})` : String(row.user),
			value: String(row.user),
		}),
	};
	return await scopedSearch(this, list, OWN_USER, async () => [OWN_USER], filter, paginationToken);
}
