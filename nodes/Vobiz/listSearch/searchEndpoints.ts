import { listSearchMethod } from '../../shared/listSearch';
import { accountList, endpointPaging, vobizVendor } from '../shared/vendor';

/** Endpoints for the "From List" picker, 100 per page, filtered by alias or username. */
export const searchEndpoints = listSearchMethod({
	vendor: vobizVendor,
	name: 'Endpoints',
	paging: endpointPaging,
	request: async (context) => await accountList(context, 'Endpoint'),
	filterBy: (endpoint) => [endpoint.alias, endpoint.username],
	item: (endpoint) => ({
		name: `${endpoint.alias} (${endpoint.username})`,
		value: String(endpoint.endpoint_id),
	}),
});
