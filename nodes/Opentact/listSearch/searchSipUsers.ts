import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../../shared/listSearch';
import { pathSegment } from '../../shared/validation';
import { opentactVendor, sipUserPaging } from '../shared/vendor';

/** The SIP users of the SIP domain chosen above, for the "From List" picker, filtered by login or name. */
export async function searchSipUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const domain = this.getCurrentNodeParameter('domain', { extractValue: true });
	if (typeof domain !== 'string' || !domain) {
		throw new NodeOperationError(this.getNode(), 'Choose the SIP domain first', {
			description:
				'SIP users are listed per SIP domain: pick one in "SIP Domain", then open this list again.',
		});
	}
	return await searchList(
		this,
		{
			vendor: opentactVendor,
			name: 'SIP Users',
			paging: sipUserPaging,
			request: () => ({
				url: `/sip/domain/${pathSegment(domain)}/user`,
				headers: { Accept: 'application/json' },
			}),
			filterBy: (user) => [user.login, user.first_name, user.last_name, user.email],
			item: (user) => {
				const fullName = [user.first_name, user.last_name]
					.filter((part) => typeof part === 'string' && part)
					.join(' ');
				return {
					name: fullName ? `${user.login} (${fullName})` : String(user.login),
					value: String(user.uuid),
				};
			},
		},
		filter,
	);
}
