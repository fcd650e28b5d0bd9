import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { flattenErrorBody } from '../../shared/errors';
import { withoutKeys } from '../../shared/output';
import { offsetPaging } from '../../shared/paging';
import { pathSegment } from '../../shared/validation';
import type { VendorProfile } from '../../shared/vendor';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Vobiz documents two error shapes that disagree (https://docs.vobiz.ai/errors): the /errors page's
 * envelope `{status:"error", error:{code, message, details}, timestamp, requestId}` and the
 * endpoint pages' flat `{error:"invalid request parameters", details:{field: message}}`. The
 * Update Endpoint page's OpenAPI fragment adds a third, `{api_id, error, message}`. Many 404s have no body at all.
 */
export function vobizErrorMessage(body: unknown): string | undefined {
	if (!isObject(body)) return flattenErrorBody(body);
	if (isObject(body.error)) {
		const { code, message, details } = body.error;
		const headline = text(message) ?? text(code);
		const codeNote = text(code) && text(message) ? ` [${code as string}]` : '';
		const detailText = flattenErrorBody(details);
		return headline
			? `${headline}${codeNote}${detailText ? ` (${detailText})` : ''}`
			: flattenErrorBody(body.error);
	}
	if (text(body.error)) {
		const parts = [text(body.message), flattenErrorBody(body.details)].filter(Boolean);
		return parts.length ? `${body.error as string} (${parts.join('; ')})` : (body.error as string);
	}
	return (
		text(body.message) ?? flattenErrorBody(withoutKeys(body, ['api_id', 'timestamp', 'requestId']))
	);
}

export const vobizVendor: VendorProfile = {
	displayName: 'Vobiz',
	credentialType: 'vobizSipApi',
	// Vobiz documents 429 answers but no numeric limit for a main account (https://docs.vobiz.ai/errors),
	// so the default pace is a conservative guess users can raise.
	defaultRequestsPerSecond: 10,
	errorMessage: vobizErrorMessage,
	// Vobiz never returns an endpoint password; dropping it keeps that true even if one leaks.
	sanitize: (item) => withoutKeys(item, ['password']),
	secretRequestFields: ['password'],
	credentialSecretFields: ['authToken'],
	rotation: {
		resource: 'endpoint',
		resourceLabel: 'endpoint',
		// Vobiz documents "minimum 8 characters" for endpoint passwords.
		policy: { minimumLength: 8 },
		idParameters: ['endpointId'],
		passwordBody: (password) => ({ password }),
		// "A new password signs out every registered device until it re-registers" (Vobiz): a
		// registered endpoint after the change has re-registered with the new password.
		// sip_registered is the string "true"/"false" in Vobiz's answers.
		registration: (body) => ({
			registered: String((body as IDataObject | undefined)?.sip_registered) === 'true',
		}),
		// "A new password signs out every registered device until it re-registers"
		// (Vobiz's endpoint guide, https://github.com/vobiz-ai/Agent-Skills, skills/vobiz-applications-endpoints).
		changeSignsOut: true,
	},
};

/** `limit` (at most 100) / `offset` paging; `meta.total_count` says when the list ends. */
export const endpointPaging = offsetPaging({
	itemsPath: 'objects',
	limitParameter: 'limit',
	offsetParameter: 'offset',
	maxPageSize: 100,
	totalPath: 'meta.total_count',
});

/** A collection of the credential's account, for a picker: `/api/v1/Account/{auth_id}/<collection>/`. */
export async function accountList(
	context: ILoadOptionsFunctions,
	collection: 'Endpoint' | 'Application',
): Promise<IHttpRequestOptions> {
	const credentials = await context.getCredentials('vobizSipApi');
	return { url: `/api/v1/Account/${pathSegment(credentials.authId)}/${collection}/` };
}
