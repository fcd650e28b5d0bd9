import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { countedDevicePage, currentValue, matching } from './pages';
import { pathSegment } from '../../shared/validation';

/** Devices of the chosen user, with their registration state. */
export async function searchDevices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const domain = currentValue(this, 'domain');
	const user = currentValue(this, 'user');
	const path = `/domains/${pathSegment(domain)}/users/${pathSegment(user)}/devices`;
	const { rows, paginationToken: next } = await countedDevicePage(this, path, paginationToken);
	const devices = rows.map((row) => {
		const state = row['device-sip-registration-state'];
		return {
			name: state ? `${row.device} (${state})` : String(row.device),
			value: String(row.device),
		};
	});
	return { results: matching(devices, filter), paginationToken: next };
}
