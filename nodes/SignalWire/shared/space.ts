import { ApplicationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { parseSafeBaseUrl, trimTrailingSlash } from '../../shared/url';

/** One DNS label: what may stand before `.signalwire.com`. */
const SPACE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The base URL every request of the node starts from, as an n8n expression, because n8n reads
 * the node's endpoint from `requestDefaults` (its credential domain restrictions use that host).
 * It normalises the Space exactly as `signalWireSpace` does; a value that is not a clean label
 * still lands here, but `authenticate` refuses it before anything is sent.
 */
export const signalWireBaseUrlExpression =
	'={{ String($credentials.baseUrl || "").trim() ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : "https://" + String($credentials.space).trim().toLowerCase().replace(/^https:\\/\\//, "").replace(/\\/$/, "").replace(/\\.signalwire\\.com$/, "") + ".signalwire.com" }}';

/**
 * The Space as a bare label. Users paste `example`, `example.signalwire.com` or the full URL; all
 * three become `example`. Anything else is refused, because the Space becomes the host the Basic
 * credentials are sent to: `evil.com#`, `a.signalwire.com@evil.com` or `x/y` must never turn into
 * another host. The value is not repeated in the message: a token pasted into the wrong field
 * would otherwise end up in an error.
 */
export function signalWireSpace(value: unknown): string {
	const raw = typeof value === 'string' ? value : '';
	const label = raw
		.trim()
		.toLowerCase()
		.replace(/^https:\/\//, '')
		.replace(/\/$/, '')
		.replace(/\.signalwire\.com$/, '');
	if (!SPACE_LABEL.test(label)) {
		throw new ApplicationError(
			'The credential\'s Space is not a SignalWire Space name. Enter the "example" of example.signalwire.com: letters, digits and hyphens only (the full host example.signalwire.com is accepted too)',
		);
	}
	return label;
}

export function spaceHost(space: string): string {
	return `${space}.signalwire.com`;
}

export interface SignalWireTarget {
	/** Where requests go: https://{space}.signalwire.com, or the Base URL override (the sandbox). */
	baseUrl: string;
	/**
	 * With an override the host no longer names the Space, so it travels as the Host header, which
	 * is where SignalWire itself reads it from. Without an override the URL already carries it.
	 */
	hostHeader?: string;
}

export function signalWireTarget(credentials: ICredentialDataDecryptedObject): SignalWireTarget {
	const space = signalWireSpace(credentials.space);
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (!override) return { baseUrl: `https://${spaceHost(space)}` };
	parseSafeBaseUrl(override, 'Base URL Override');
	return { baseUrl: trimTrailingSlash(override), hostHeader: spaceHost(space) };
}
