import { listSearchMethod } from '../../shared/listSearch';
import { sipRegistrationPaging, ultravoxVendor } from '../shared/vendor';

/** Lists registrations page by page for the "From List" picker, filtered by username or proxy. */
export const searchSipRegistrations = listSearchMethod({
	vendor: ultravoxVendor,
	name: 'SIP Registrations',
	paging: sipRegistrationPaging,
	request: () => ({ url: '/api/sip/registrations' }),
	filterBy: (registration) => [registration.username, registration.proxy],
	item: (registration) => ({
		name: `${registration.username} @ ${registration.proxy}`,
		value: String(registration.registrationId),
	}),
});
