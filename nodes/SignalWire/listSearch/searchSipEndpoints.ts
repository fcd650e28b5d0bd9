import { listSearchMethod } from '../../shared/listSearch';
import { sipEndpointPaging, signalWireVendor } from '../shared/vendor';

/** Lists SIP endpoints for the "From List" picker; SignalWire filters by username itself. */
export const searchSipEndpoints = listSearchMethod({
	vendor: signalWireVendor,
	name: 'SIP Endpoints',
	paging: sipEndpointPaging,
	// The next link keeps the filter, as it keeps page_size.
	request: (_context, filter) => ({
		url: '/api/relay/rest/endpoints/sip',
		qs: filter ? { filter_username: filter } : {},
	}),
	filterBy: false,
	item: (endpoint) => ({
		name: endpoint.caller_id
			? `${endpoint.username} (${endpoint.caller_id})`
			: String(endpoint.username),
		value: String(endpoint.id),
	}),
});
