import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matches, opentactList } from './opentactList';

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
	const users = await opentactList(this, 'SIP Users', '/sip/domain/{domain}/user', { domain });
	return {
		results: users
			.filter((user) => matches(filter, user.login, user.first_name, user.last_name, user.email))
			.map((user) => {
				const fullName = [user.first_name, user.last_name]
					.filter((part) => typeof part === 'string' && part)
					.join(' ');
				return {
					name: fullName ? `${user.login} (${fullName})` : String(user.login),
					value: String(user.uuid),
				};
			}),
	};
}
