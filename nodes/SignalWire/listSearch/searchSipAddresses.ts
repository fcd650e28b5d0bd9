import { listSearchMethod } from '../../shared/listSearch';
import { sipAddressPaging, signalWireVendor } from '../shared/vendor';

/** Lists SIP addresses for the "From List" picker, filtered here by name, user or URI. */
export const searchSipAddresses = listSearchMethod({
	vendor: signalWireVendor,
	name: 'SIP Addresses',
	paging: sipAddressPaging,
	request: () => ({ url: '/api/fabric/sip_addresses' }),
	filterBy: (address) => [address.name, address.user, address.uri],
	item: (address) => ({
		name: `${address.display_name ?? address.name} (${address.uri})`,
		value: String(address.id),
	}),
});
