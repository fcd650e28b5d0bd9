import { createHash } from 'crypto';
import { ApplicationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { LOGIN_DEADLINE_MS, withinDeadline } from '../../shared/deadline';
import { networkCauseOf } from '../../shared/errors';
import { redactSecrets } from '../../shared/redact';
import { DEFAULT_REQUEST_TIMEOUT_MS, parseSafeBaseUrl, trimTrailingSlash } from '../../shared/url';

/**
 * A failed Opentact login, worded for the user. n8n wraps it into the NodeApiError of the item (or
 * the credential test's verdict), taking `message` and `description` as they are. It deliberately
 * carries no HTTP status or response: n8n-core would otherwise treat a refused login as an expired
 * token and log in a second time with the same wrong password.
 */
export class OpentactLoginError extends ApplicationError {
	constructor(
		message: string,
		readonly description: string,
		/** Opentact refused the email/password themselves (not a network or server failure). */
		readonly credentialsRefused = false,
	) {
		super(message, { level: 'warning' });
	}
}

/**
 * n8n runs a declarative node's items concurrently, and each reads the credential before calling
 * preAuthentication. Items that read it while the first login was running, or before n8n saved its
 * result, still see an empty token: for this long after a login they get its token instead of
 * logging in again.
 */
const SAVE_GRACE_MS = 2_000;
/**
 * After a 401 n8n calls preAuthentication with the token that was refused. If another item already
 * replaced that token within this window, the replacement is handed out instead of a new login.
 */
const REPLACED_TOKEN_REUSE_MS = 30_000;
/** A refused email/password is not retried for a while, so a run of many items cannot lock the account. */
const REFUSAL_MEMORY_MS = 10_000;
/** A token about to expire is not handed out again. */
const EXPIRY_MARGIN_MS = 5_000;

interface IssuedToken {
	token: string;
	issuedAt: number;
	expiresAt?: number;
}

// Per n8n process, keyed by a hash of base URL + email + password (never the secrets themselves).
// Module state is shared by every execution in the process, as n8n loads a credential type once.
const loginsInFlight = new Map<string, Promise<string>>();
const freshTokens = new Map<string, IssuedToken>();
const recentRefusals = new Map<string, { error: OpentactLoginError; at: number }>();

function identityKey(baseUrl: string, email: string, password: string): string {
	return createHash('sha256').update(`${baseUrl}\n${email}\n${password}`).digest('hex');
}

/**
 * The `exp` claim of a JWT, in milliseconds. Read without JSON.parse so a token that is not a JWT
 * simply has no known expiry (the 401 path still refreshes it) instead of failing the login.
 */
function jwtExpiry(token: string): number | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	const claims = Buffer.from(parts[1], 'base64url').toString('utf8');
	const exp = /"exp"\s*:\s*(\d+(?:\.\d+)?)/.exec(claims)?.[1];
	return exp === undefined ? undefined : Number(exp) * 1000;
}

function forgetStale(now: number): void {
	for (const [key, issued] of freshTokens)
		if (now - issued.issuedAt >= REPLACED_TOKEN_REUSE_MS) freshTokens.delete(key);
	for (const [key, refusal] of recentRefusals)
		if (now - refusal.at >= REFUSAL_MEMORY_MS) recentRefusals.delete(key);
}

function vendorMessageOf(body: unknown, password: string): string | undefined {
	const message = (body as IDataObject | undefined)?.message;
	if (typeof message !== 'string' || !message) return undefined;
	return redactSecrets(message.length > 200 ? `${message.slice(0, 200)}…` : message, [password]);
}

/** GET {base}/auth with Basic email:password → `payload.token` (Opentact's documented login). */
async function logIn(
	helper: IHttpRequestHelper,
	baseUrl: string,
	email: string,
	password: string,
): Promise<string> {
	const origin = new URL(baseUrl).origin;
	// Bounded in total (LOGIN_DEADLINE_MS), not only while the socket is silent: a login answered
	// byte by byte would otherwise hold every item waiting for it (issue 16).
	const answer = await withinDeadline(
		LOGIN_DEADLINE_MS,
		async (controller) =>
			await helper.helpers.httpRequest({
				method: 'GET',
				url: `${baseUrl}/auth`,
				auth: { username: email, password },
				headers: { Accept: 'application/json' },
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// The login carries the email and password (Basic): never re-send them to wherever a redirect
				// points. A 3xx is then an unexpected answer like any other.
				disableFollowRedirect: true,
				timeout: DEFAULT_REQUEST_TIMEOUT_MS,
				abortSignal: controller.signal,
			}),
	).then(
		(response) => response as IN8nHttpFullResponse,
		// Only the network code survives: the client's error object holds the Authorization header.
		(error: { code?: unknown; cause?: { code?: unknown } }) => ({
			networkCode: String(error?.code ?? error?.cause?.code ?? 'unknown network error'),
		}),
	);

	if ('networkCode' in answer) {
		const cause = networkCauseOf(answer.networkCode, new URL(baseUrl).host, false);
		throw new OpentactLoginError(
			`Could not reach Opentact at ${origin} to log in: ${cause.what}`,
			`${cause.todo.charAt(0).toUpperCase()}${cause.todo.slice(1)} (for Opentact the Base URL is https://api.opentact.org/rest).`,
		);
	}
	const body = answer.body as IDataObject | undefined;
	const vendorMessage = vendorMessageOf(body, password);
	const said = vendorMessage ? `: ${vendorMessage}` : '';
	const refused =
		answer.statusCode === 401 || (body?.success === false && Number(body?.status) === 401);
	if (refused) {
		throw new OpentactLoginError(
			`Opentact refused the email or password (HTTP 401${said}). Check both in the credential: they are the ones you sign in to the Opentact portal with.`,
			'Open the credential, enter the email and password of your Opentact portal user and save it: n8n tests the credential when it is saved. To use a long-lived API token instead, switch "Authentication" to "API Token".',
			true,
		);
	}
	if (answer.statusCode < 200 || answer.statusCode > 299 || body?.success === false) {
		throw new OpentactLoginError(
			`Opentact login failed (HTTP ${answer.statusCode}${said})`,
			answer.statusCode === 403
				? 'Opentact accepted the email and password but refused the login. Check that the user is active and may use the API.'
				: "Opentact could not log in right now. Try again later; if it keeps failing, check the credential's Base URL.",
		);
	}
	const token = (body?.payload as IDataObject | undefined)?.token;
	if (typeof token !== 'string' || !token) {
		throw new OpentactLoginError(
			"Opentact's login answer carried no session token (payload.token)",
			"Check that the Base URL points at Opentact's REST API (https://api.opentact.org/rest). Or use an API token instead.",
		);
	}
	return token;
}

/**
 * The session token (JWT) for an "Account Login" credential, as n8n's preAuthentication asks for it:
 * when the credential holds none, after a 401, and during a credential test. At most one login runs
 * per email/password at a time; callers holding a token older than one just issued get the new
 * one instead of logging in again.
 */
export async function sessionTokenFor(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseUrl = trimTrailingSlash(parseSafeBaseUrl(credentials.baseUrl).href);
	const email = String(credentials.email ?? '').trim();
	const password = String(credentials.password ?? '');
	for (const [label, value] of [
		['Email', email],
		['Password', password],
	]) {
		if (!value.trim()) {
			throw new OpentactLoginError(
				`The credential's ${label} is empty: there is nothing to log in to Opentact with. Nothing was sent.`,
				'Fill in "Email" and "Password", or switch "Authentication" to "API Token".',
			);
		}
	}
	const key = identityKey(baseUrl, email, password);
	const now = Date.now();
	forgetStale(now);

	const refusal = recentRefusals.get(key);
	if (refusal) throw refusal.error;

	const held = String(credentials.sessionToken ?? '');
	const fresh = freshTokens.get(key);
	const reuseWindow = held ? REPLACED_TOKEN_REUSE_MS : SAVE_GRACE_MS;
	if (
		fresh &&
		fresh.token !== held &&
		now - fresh.issuedAt < reuseWindow &&
		(fresh.expiresAt ?? Infinity) - EXPIRY_MARGIN_MS > now
	) {
		return fresh.token;
	}

	let login = loginsInFlight.get(key);
	if (!login) {
		login = logIn(helper, baseUrl, email, password)
			.then(
				(token) => {
					freshTokens.set(key, { token, issuedAt: Date.now(), expiresAt: jwtExpiry(token) });
					return token;
				},
				(error: unknown) => {
					if (error instanceof OpentactLoginError && error.credentialsRefused) {
						recentRefusals.set(key, { error, at: Date.now() });
					}
					throw error;
				},
			)
			.finally(() => loginsInFlight.delete(key));
		loginsInFlight.set(key, login);
	}
	return await login;
}
