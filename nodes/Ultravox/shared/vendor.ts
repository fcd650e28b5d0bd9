import type { IDataObject } from 'n8n-workflow';
import { flattenErrorBody } from '../../shared/errors';
import { withoutKeys } from '../../shared/output';
import { nextUrlPaging } from '../../shared/paging';
import type { VendorProfile } from '../../shared/vendor';

export const ultravoxVendor: VendorProfile = {
	displayName: 'Ultravox',
	credentialType: 'ultravoxSipApi',
	// Ultravox documents 200 requests/s per API key (500/s per account).
	defaultRequestsPerSecond: 195,
	// Django REST framework shapes: {"detail": "..."} or {"field": ["message", ...]}.
	errorMessage: (body) => {
		if (body && typeof body === 'object' && typeof (body as IDataObject).detail === 'string') {
			return (body as IDataObject).detail as string;
		}
		return flattenErrorBody(body);
	},
	// The spec marks the password write-only; dropping it here keeps that true even if it leaks.
	sanitize: (item) => withoutKeys(item, ['password']),
	secretRequestFields: ['password'],
	credentialSecretFields: ['apiKey'],
	rotation: {
		resource: 'sipRegistration',
		resourceLabel: 'SIP registration',
		// Ultravox documents no minimum; 8 is the pack's floor for every vendor.
		policy: { minimumLength: 8 },
		idParameters: ['registrationId'],
		passwordBody: (password) => ({ password }),
		// `successful`: Ultravox's REGISTER to your PBX with these credentials is active. After a
		// rotation it turns true only once the PBX accepts the new password.
		registration: (body) => ({
			registered: (body as IDataObject | undefined)?.successful === true,
		}),
	},
};

export const sipRegistrationPaging = nextUrlPaging({
	itemsPath: 'results',
	nextUrlPath: 'next',
	pageSizeParameter: 'pageSize',
	maxPageSize: 100,
});
