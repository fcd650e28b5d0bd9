import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { authenticateOnBase } from './url';

// The parts of the credentials whose vendor takes a fixed base URL and its keys in headers
// (Ultravox, Vobiz; Opentact's Base URL too): declared once, so that each credential file says only
// what is its vendor's own.

/** The Base URL field: the vendor's API by default, changed only to reach the pack's sandbox. */
export function baseUrlField(vendorName: string, url: string, otherwise?: string): INodeProperties {
	const alternative = otherwise ? ` (${otherwise})` : '';
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: url,
		description: `Leave as is for ${vendorName}${alternative}. Change it only to reach the pack's sandbox; https is required except for localhost.`,
	};
}

/** A key header: the credential field it carries, and the field's label for messages. */
export interface KeyHeader {
	field: string;
	label: string;
}

/**
 * authenticate() of a credential that sends its fields as headers to its Base URL, through
 * authenticateOnBase (https, same origin, no CR/LF, no redirect followed); every field is required.
 */
export function headerAuthentication(headers: Record<string, KeyHeader>) {
	return async function authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const entries = Object.entries(headers);
		return authenticateOnBase(
			requestOptions,
			credentials.baseUrl,
			Object.fromEntries(
				entries.map(([name, { field, label }]) => [name, { label, value: credentials[field] }]),
			),
			Object.fromEntries(entries.map(([, { field, label }]) => [label, credentials[field]])),
		);
	};
}
