import { listSearchMethod } from '../../shared/listSearch';
import { opentactVendor, sipDomainPaging } from '../shared/vendor';

/** The account's SIP domains for the "From List" picker, filtered by name. */
export const searchSipDomains = listSearchMethod({
	vendor: opentactVendor,
	name: 'SIP Domains',
	paging: sipDomainPaging,
	request: () => ({ url: '/sip/domain', headers: { Accept: 'application/json' } }),
	filterBy: (domain) => [domain.domain],
	item: (domain) => ({ name: String(domain.domain), value: String(domain.domain) }),
});
