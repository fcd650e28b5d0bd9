import { NodeApiError } from 'n8n-workflow';
import type {
	ILoadOptionsFunctions,
	JsonObject,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { currentValue, isForbidden, listPage, matching, nextStart } from './pages';
import { pathSegment } from '../../shared/validation';

const OWN_USER: INodeListSearchItems = { name: 'My User (~)', value: '~' };

/** Users of the chosen domain; a basic-user key may not list them [I] and gets `~` only. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const start = Number(paginationToken ?? 0);
	const first = start === 0 ? [OWN_USER] : [];
	const domain = currentValue(this, 'domain');
	try {
		const rows = await listPage(this, 'Users', `/domains/${pathSegment(domain)}/users`, start);
		const users = rows.map((row) => ({
			name: row['name-full-name'] ? `${row.user} (${row['name-full-name']})` : String(row.user),
			value: String(row.user),
		}));
		return {
			results: matching([...first, ...users], filter),
			paginationToken: nextStart(start, rows),
		};
	} catch (error) {
		if (!isForbidden(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		return { results: matching([OWN_USER], filter) };
	}
}
