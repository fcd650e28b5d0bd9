import type { IAuthenticateRuleResponseCode, ICredentialTestRequest } from 'n8n-workflow';

type Rule = IAuthenticateRuleResponseCode;

/**
 * The statuses servers and the proxies before them commonly answer. Each rule is shipped in n8n's
 * credential metadata (and counts against the package's size budget), so the list stays at these;
 * another status still gets n8n's own verdict, the server's reason phrase.
 */
const STATUSES = [
	301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 407, 408, 409, 410, 429, 500, 502, 503, 504,
];

function wordsFor(vendor: string, status: number): string {
	if (status < 400) {
		return `${vendor} answered the credential test with a redirect (HTTP ${status}). The pack never follows redirects, so the credential is only sent to its own server: check the credential's base URL (or server).`;
	}
	if (status === 400)
		return `${vendor} refused the credential test as invalid (HTTP 400). Check every field of the credential.`;
	if (status === 404)
		return `${vendor} found nothing at the test address (HTTP 404). Check the credential's base URL (or server).`;
	if (status === 429)
		return `${vendor} answered "too many requests" (HTTP 429). Save the credential again in a minute.`;
	if (status >= 500 && status < 600) {
		return `${vendor} had a server error during the credential test (HTTP ${status}). Save the credential again later; if it keeps happening, check the base URL (or server).`;
	}
	return `${vendor} refused the credential test (HTTP ${status}). Check the credential's fields and base URL (or server).`;
}

/**
 * The credential test's rules: the vendor-specific ones first, then the pack's own words for every
 * other status. n8n shows the server's reason phrase for a status no rule names, and a server
 * controls that phrase: it could carry anything, a secret included.
 */
export function credentialTestRules(vendor: string, specific: Rule[]): Rule[] {
	const named = new Set(specific.map((rule) => rule.properties.value));
	const rules = [...specific];
	for (const status of STATUSES) {
		if (!named.has(status))
			rules.push({
				type: 'responseCode',
				properties: { value: status, message: wordsFor(vendor, status) },
			});
	}
	return rules;
}

/** The base URL of a credential test against the credential's own Base URL field (trailing slashes off). */
export const BASE_URL_OF_CREDENTIAL = '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}';

/**
 * A credential's test: a GET of `url` (on `baseURL` when n8n must be told it), with the vendor's own
 * words for the statuses in `messages` and the pack's for every other (credentialTestRules).
 */
export function credentialTest(
	vendor: string,
	request: { url: string; baseURL?: string },
	messages: Record<number, string>,
): ICredentialTestRequest {
	return {
		request: {
			...(request.baseURL ? { baseURL: request.baseURL } : {}),
			url: request.url,
			method: 'GET',
		},
		rules: credentialTestRules(
			vendor,
			Object.entries(messages).map(([status, message]): Rule => ({
				type: 'responseCode',
				properties: { value: Number(status), message },
			})),
		),
	};
}
