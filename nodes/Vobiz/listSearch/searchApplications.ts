import { listSearchMethod } from '../../shared/listSearch';
import { accountList, endpointPaging, vobizVendor } from '../shared/vendor';

/** Applications for the "From List" picker, 100 per page, filtered by name or ID. */
export const searchApplications = listSearchMethod({
	vendor: vobizVendor,
	name: 'Applications',
	// Vobiz pages every collection of an account alike (limit/offset, meta.total_count).
	paging: endpointPaging,
	request: async (context) => await accountList(context, 'Application'),
	filterBy: (application) => [application.app_name, application.app_id],
	item: (application) => ({
		name: `${application.app_name} (${application.app_id})`,
		value: String(application.app_id),
	}),
});
