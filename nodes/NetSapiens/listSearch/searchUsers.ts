import { pathSegment } from '../../shared/validation';
import { netSapiensPaging, netSapiensVendor } from '../shared/vendor';
import { currentValue, scopedSearchMethod } from './scope';

/** Users of the chosen domain; a basic-user key may not list them [I] and gets `~` only. */
export const searchUsers = scopedSearchMethod({
	vendor: netSapiensVendor,
	name: 'Users',
	paging: netSapiensPaging,
	request: (context) => ({
		url: `/domains/${pathSegment(currentValue(context, 'domain'))}/users`,
	}),
	item: (row) => ({
		name: row['name-full-name'] ? `${row.user} (${row['name-full-name']})` : String(row.user),
		value: String(row.user),
	}),
	own: { name: 'My User (~)', value: '~' },
});
