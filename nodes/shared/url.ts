import { ApplicationError } from 'n8n-workflow';
import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * When the user set no "Request Options → Timeout", n8n gives every declarative request 300 s (and
 * a login made with the request helper none at all): a vendor that never answers would hold a read
 * for 15 minutes (three attempts) and a write for 5. Every call of these nodes and credentials reads
 * or changes one resource or one page, or logs in, which vendors answer in well under a second, so
 * 30 s is generous for all of them.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * "." and "..": a URL path segment that, sent as it is, moves the request to another path (URL
 * parsing resolves it, and `encodeURIComponent` leaves it as it is). The one check of it: a field's
 * pattern refuses it through pathSegmentPattern, code through isDotSegment.
 */
export const isDotSegment = (segment: string) => segment === '.' || segment === '..';
const NOT_DOT_SEGMENT = '(?!\\.{1,2}$)';
/** A field's pattern for one whole path segment of `characters` (a regular expression's source), never "." or "..". */
export const pathSegmentPattern = (characters: string) =>
	new RegExp(`^${NOT_DOT_SEGMENT}${characters}$`);

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * A base URL from a credential is where the credential's secret is sent, so it must be plain
 * https://host[:port][/path] — no user info, query or fragment that could move the request
 * elsewhere — and http is only acceptable on this machine (the sandbox).
 */
export function parseSafeBaseUrl(value: unknown, fieldLabel = 'Base URL'): URL {
	const raw = typeof value === 'string' ? value.trim() : '';
	const url = URL.canParse(raw) ? new URL(raw) : undefined;
	if (!url) {
		throw new ApplicationError(
			`The credential's ${fieldLabel} "${raw}" is not a URL. Use a value such as https://api.example.com`,
		);
	}
	if (url.username || url.password || url.search || url.hash || /[\s\\]/.test(raw)) {
		throw new ApplicationError(
			`The credential's ${fieldLabel} must not contain user info, a query, a fragment, spaces or backslashes. Use only https://host[:port][/path]`,
		);
	}
	const loopback = isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new ApplicationError(
			`The credential's ${fieldLabel} must use https:// (plain http is only allowed for localhost / 127.0.0.1). Got "${url.protocol}//${url.host}"`,
		);
	}
	return url;
}

export function trimTrailingSlash(value: string): string {
	return value.replace(/\/+$/, '');
}

/** The origin the request will actually reach, whether `url` is relative or absolute. */
function targetOf(requestOptions: IHttpRequestOptions): URL | undefined {
	const base = requestOptions.baseURL ? trimTrailingSlash(requestOptions.baseURL) + '/' : undefined;
	const relative = requestOptions.url.replace(/^\//, '');
	return URL.canParse(relative, base) ? new URL(relative, base) : undefined;
}

/**
 * Guards the moment a secret is attached to a request: the request must go to the credential's
 * own origin (a vendor's absolute `next` link, or an expression in a parameter, cannot send the
 * key elsewhere), and header values must not carry CR/LF.
 */
export function assertRequestStaysOnBase(requestOptions: IHttpRequestOptions, baseUrl: URL): void {
	const target = targetOf(requestOptions);
	if (!target) throw new ApplicationError(`The request URL "${requestOptions.url}" is not valid`);
	if (target.origin !== baseUrl.origin) throw new OffOriginError(target.origin, baseUrl.origin);
}

/** A request (a vendor's next-page link, an expression) that would carry the credential to another origin. */
export class OffOriginError extends ApplicationError {
	constructor(
		readonly target: string,
		readonly allowed: string,
	) {
		super(`Refusing to send credentials to ${target}: this credential only talks to ${allowed}`);
	}
}

export function assertHeaderSafe(label: string, value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value);
	if (/[\r\n\0]/.test(text)) {
		throw new ApplicationError(
			`The credential's ${label} contains a line break or NUL character. Paste the value again without them`,
		);
	}
	return text;
}

/**
 * Refuses a credential whose key, token, ID or password is empty or only spaces (an unsaved
 * field, an expression that resolved to nothing): sent as is, the vendor would answer 401 and the
 * user would look for a wrong key instead of a missing one. Keyed by the field's label.
 */
export function assertCredentialFilled(fields: Record<string, unknown>): void {
	for (const [label, value] of Object.entries(fields)) {
		if (value === undefined || value === null || String(value).trim() === '') {
			throw new ApplicationError(
				`The credential's ${label} is empty. Open the credential, enter the ${label} and save it. Nothing was sent.`,
			);
		}
	}
}

/**
 * The gate every credential's `authenticate` goes through: the secrets it needs are filled in,
 * the base URL is safe, the request stays on it (redirects are not followed), and no header value
 * can split the request. Only then are the secret headers added.
 */
export function authenticateOnBase(
	requestOptions: IHttpRequestOptions,
	baseUrlValue: unknown,
	headers: Record<string, { label: string; value: unknown }>,
	/** The credential's own fields this request needs, by label (checked before anything else). */
	required: Record<string, unknown> = {},
): IHttpRequestOptions {
	assertCredentialFilled(required);
	const baseUrl = parseSafeBaseUrl(baseUrlValue);
	// Node requests carry no baseURL of their own: the credential owns it (and n8n need not
	// evaluate a baseURL expression for every item).
	requestOptions.baseURL ??= trimTrailingSlash(baseUrl.href);
	assertRequestStaysOnBase(requestOptions, baseUrl);
	const resolved: Record<string, string> = {};
	for (const [name, { label, value }] of Object.entries(headers)) {
		resolved[name] = assertHeaderSafe(label, value);
	}
	requestOptions.headers = { ...(requestOptions.headers ?? {}), ...resolved };
	// n8n follows redirects and re-sends every header to wherever one points (custom key headers are
	// never stripped, and Authorization is kept across origins by default): a redirecting answer could
	// hand the key to another host and have that host's answer taken for the vendor's. Vendor APIs do
	// not redirect API calls, so a 3xx is reported instead of followed.
	requestOptions.disableFollowRedirect = true;
	return requestOptions;
}
