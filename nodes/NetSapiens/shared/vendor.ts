import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { flattenErrorBody } from '../../shared/errors';
import { offsetPaging } from '../../shared/paging';
import type { PagingStrategy } from '../../shared/types';
import type { VendorProfile } from '../../shared/vendor';

/** Device fields that hold a password, in what NetSapiens returns and what the node sends. */
export const DEVICE_SECRET_FIELDS = [
	'device-sip-registration-password',
	'device-provisioning-password',
] as const;

export const MASK = '********';

/** NetSapiens' ErrorResponse `{code, message}` (NetSapiens' OpenAPI); anything else is shown as it came. */
export function netSapiensErrorMessage(body: unknown): string | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const { message } = body as IDataObject;
		if (typeof message === 'string' && message !== '') return message;
	}
	return flattenErrorBody(body);
}

function outputsSecrets(context: IExecuteSingleFunctions | undefined): boolean {
	return context?.getNodeParameter('options.outputSecrets', false) === true;
}

/**
 * Device passwords come back on every read (the spec does not mark them write-only) [I]: they are
 * masked unless the user asked for secrets in the output. An empty or null password stays as it
 * is, so "no provisioning password" remains visible.
 */
export function maskDeviceSecrets(
	item: IDataObject,
	context?: IExecuteSingleFunctions,
): IDataObject {
	if (outputsSecrets(context)) return item;
	const masked: IDataObject = { ...item };
	for (const field of DEVICE_SECRET_FIELDS) {
		if (typeof masked[field] === 'string' && masked[field] !== '') masked[field] = MASK;
	}
	return masked;
}

export const netSapiensVendor: VendorProfile = {
	displayName: 'NetSapiens',
	credentialType: 'netSapiensSipApi',
	logsInBeforeSending: true,
	// NetSapiens documents no request rate limit (https://docs.ns-api.com/docs); a conservative
	// default that users can raise under Rate Limiting.
	defaultRequestsPerSecond: 10,
	errorMessage: netSapiensErrorMessage,
	sanitize: maskDeviceSecrets,
	secretRequestFields: DEVICE_SECRET_FIELDS,
	credentialSecretFields: ['apiKey', 'clientSecret', 'password', 'accessToken'],
	rotation: {
		resource: 'device',
		resourceLabel: 'device',
		// NetSapiens documents no minimum (it generates 16 characters when none is given); 8 is the pack's floor.
		policy: { minimumLength: 8 },
		idParameters: ['domain', 'user', 'device'],
		passwordBody: (password) => ({ 'device-sip-registration-password': password }),
		// State and time of the device's last registration: only a registration at or after the
		// change proves the device has the new password.
		registration: (body) => {
			const device = (body ?? {}) as IDataObject;
			const registeredAt = device['device-sip-registration-datetime'];
			return {
				registered: device['device-sip-registration-state'] === 'registered',
				registeredAt: typeof registeredAt === 'string' && registeredAt ? registeredAt : undefined,
			};
		},
	},
};

/** How NetSapiens pages every list: `start`/`limit` (limit 1–1000), a short page at the end. */
export const netSapiensPaging = offsetPaging({
	limitParameter: 'limit',
	offsetParameter: 'start',
	maxPageSize: 1000,
});

/**
 * `start`/`limit` paging ("every GET method that isn't a count … will support START and LIMIT",
 * limit 1–1000, https://docs.ns-api.com/docs/pagination-and-api-data). The device lists answer a
 * plain array without a total, so on its own a list of 1,000 devices and a list cut after its first
 * page of 1,000 look the same. NetSapiens documents a count beside each list ("Count Devices for
 * User", `GET /domains/{domain}/users/{user}/devices/count`, and `GET /domains/{domain}/devices/count`
 * for the domain, both answering `{"total": n}`; https://docs.ns-api.com/v45.0/reference/countdevices):
 * Get Many asks it once, before the first page, and the list must then hold exactly that many
 * devices (moreAfter in nodes/shared/paging.ts). The rule an ops team can trust: a device added or
 * removed while the pages are read makes the run fail ("run again"), never a list silently short
 * of a device that moved from one page to another.
 */
export const devicePaging: PagingStrategy = {
	...netSapiensPaging,
	countedTotal: {
		label: "NetSapiens' device count (GET …/devices/count)",
		// The list's own request (base URL, headers), at the count's path, without the paging parameters.
		request: (firstPage) => ({
			...firstPage,
			method: 'GET',
			url: `${firstPage.url.replace(/\/+$/, '')}/count`,
			qs: {},
		}),
		totalPath: 'total',
	},
};
