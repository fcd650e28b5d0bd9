import type { IDataObject } from 'n8n-workflow';
import { flattenErrorBody } from '../../shared/errors';
import { withoutKeys } from '../../shared/output';
import { nextUrlPaging } from '../../shared/paging';
import type { VendorProfile } from '../../shared/vendor';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One entry of a 422 `errors` array, in either of SignalWire's two shapes. */
function describeErrorItem(item: unknown): string | undefined {
	if (!isObject(item)) return flattenErrorBody(item);
	// /api/relay/rest/*: {detail, status, title, code}
	if (typeof item.detail === 'string') return item.detail;
	// /api/fabric/* and newer APIs: {type, code, message, attribute, url}
	if (typeof item.message === 'string') {
		const where = typeof item.attribute === 'string' && item.attribute ? `${item.attribute}: ` : '';
		const code = typeof item.code === 'string' && item.code ? ` (${item.code})` : '';
		return `${where}${item.message}${code}`;
	}
	return flattenErrorBody(item);
}

export const signalWireVendor: VendorProfile = {
	displayName: 'SignalWire',
	credentialType: 'signalWireSipApi',
	// SignalWire documents 13,800 POST/PUT/PATCH requests per 10 seconds for the whole Space and
	// no per-token budget; reads are "effectively unlimited". Everything else in the Space shares
	// that write budget, so one credential here takes a modest share of it.
	defaultRequestsPerSecond: 100,
	// Simple errors are {"error": "Not Found"}; validation errors (422) are {"errors": [...]} in one
	// of two item shapes depending on the API family.
	errorMessage: (body) => {
		if (!isObject(body)) return flattenErrorBody(body);
		if (Array.isArray(body.errors)) {
			const parts = body.errors
				.map(describeErrorItem)
				.filter((part): part is string => Boolean(part));
			if (parts.length) return parts.join('; ');
		}
		if (typeof body.error === 'string') return body.error;
		return flattenErrorBody(body);
	},
	// SignalWire never returns SIP passwords; dropping the key keeps that true even if one leaks.
	sanitize: (item) => withoutKeys(item, ['password']),
	secretRequestFields: ['password'],
	credentialSecretFields: ['apiToken'],
	rotation: {
		resource: 'sipEndpoint',
		resourceLabel: 'SIP endpoint',
		// SignalWire documents no minimum; 8 is the pack's floor for every vendor.
		policy: { minimumLength: 8 },
		idParameters: ['endpointId'],
		passwordBody: (password) => ({ password }),
		notVerifiableReason:
			'SignalWire exposes no registration state for SIP endpoints; the endpoint was read back and exists. Confirm the device registers (e.g. a test call) before retiring the old password.',
	},
};

/**
 * SignalWire pages with `page_size` and hands back `links.next`, which it asks clients to follow
 * ("highly recommended to use the link values"). Filters are sent on the first page only: [I] the
 * next link keeps them, as it keeps page_size.
 */
const linksPaging = () =>
	// SignalWire allows up to 1000 per page; 100 keeps each answer small without many more requests.
	nextUrlPaging({
		itemsPath: 'data',
		nextUrlPath: 'links.next',
		pageSizeParameter: 'page_size',
		maxPageSize: 100,
	});

export const sipEndpointPaging = linksPaging();
export const sipAddressPaging = linksPaging();
