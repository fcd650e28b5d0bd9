import { listSearchMethod } from '../../shared/listSearch';
import { pathSegment } from '../../shared/validation';
import { devicePaging, netSapiensVendor } from '../shared/vendor';
import { currentValue } from './scope';

/**
 * Devices of the chosen user, with their registration state; checked against NetSapiens' device
 * count as Get Many checks it (the count is asked before the first page and travels in the token).
 */
export const searchDevices = listSearchMethod({
	vendor: netSapiensVendor,
	name: 'Devices',
	paging: devicePaging,
	request: (context) => ({
		url: `/domains/${pathSegment(currentValue(context, 'domain'))}/users/${pathSegment(currentValue(context, 'user'))}/devices`,
	}),
	item: (row) => {
		const state = row['device-sip-registration-state'];
		return {
			name: state ? `${row.device} (${state})` : String(row.device),
			value: String(row.device),
		};
	},
});
