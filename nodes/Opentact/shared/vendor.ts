import type { IDataObject } from 'n8n-workflow';
import { flattenErrorBody } from '../../shared/errors';
import { singlePage } from '../../shared/paging';
import type { VendorProfile } from '../../shared/vendor';

/**
 * Keys Opentact may return that are as good as a secret: the SIP digests `ha1`/`ha1b` (enough to
 * register as the SIP user), and `password`/`token` that IUser objects can carry when nested
 * (created_by, modified_by, account users).
 */
const SECRET_KEYS = new Set(['ha1', 'ha1b', 'password', 'token']);

function withoutSecretsDeep(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutSecretsDeep);
	if (value === null || typeof value !== 'object') return value;
	const copy: IDataObject = {};
	for (const [key, nested] of Object.entries(value as IDataObject)) {
		if (!SECRET_KEYS.has(key))
			copy[key] = withoutSecretsDeep(nested) as IDataObject[keyof IDataObject];
	}
	return copy;
}

const isObject = (body: unknown): body is IDataObject =>
	typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body);

/**
 * Opentact's IErrorResponse `{success: false, message, status?}`, optionally with
 * `fields: {"params.to": {message, value}}`. Field values are left out: they echo what was sent,
 * which may be a password.
 */
export function opentactErrorMessage(body: unknown): string | undefined {
	if (!isObject(body)) return flattenErrorBody(body);
	const parts: string[] = [];
	if (typeof body.message === 'string' && body.message) parts.push(body.message);
	if (isObject(body.fields)) {
		for (const [field, detail] of Object.entries(body.fields)) {
			const message = isObject(detail) ? detail.message : detail;
			if (typeof message === 'string') parts.push(`${field}: ${message}`);
		}
	}
	if (parts.length) return parts.join('; ');
	const { fields: _fields, ...rest } = body;
	return flattenErrorBody(rest);
}

export const opentactVendor: VendorProfile = {
	displayName: 'Opentact',
	credentialType: 'opentactSipApi',
	logsInBeforeSending: true,
	// Opentact documents no rate limit: a conservative pace, which users can raise under Rate Limiting.
	defaultRequestsPerSecond: 10,
	errorMessage: opentactErrorMessage,
	sanitize: (item) => withoutSecretsDeep(item) as IDataObject,
	// Opentact answers some failures with a 2xx and `success: false`; the docs say to always check it.
	failureInBody: (body) => {
		if (!isObject(body) || body.success !== false) return undefined;
		const status = Number(body.status);
		return {
			status: Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined,
			message:
				opentactErrorMessage(body) ??
				'Opentact reported failure (success: false) without a message.',
		};
	},
	secretRequestFields: ['password'],
	credentialSecretFields: ['password', 'apiToken', 'sessionToken'],
	rotation: {
		resource: 'sipUser',
		resourceLabel: 'SIP user',
		// Opentact documents no minimum; 8 is the pack's floor for every vendor.
		policy: { minimumLength: 8 },
		idParameters: ['domain', 'userId'],
		passwordBody: (password) => ({ password }),
		// Opentact's docs show a `state` ("online") on SIP users only in examples, without saying
		// what it reflects; the node does not claim a registration it cannot confirm.
		notVerifiableReason:
			'Opentact documents no registration state for SIP users; the user was read back and exists. Confirm the device registers (e.g. a test call) before retiring the old password.',
	},
};

/** Opentact answers a domain's SIP users as one array in `payload`, without paging. */
export const sipUserPaging = singlePage({ itemsPath: 'payload' });

/** Its SIP domains likewise, in one `payload` array. */
export const sipDomainPaging = sipUserPaging;
