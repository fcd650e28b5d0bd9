import { createHash } from 'node:crypto';
import { ApplicationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { netSapiensApiBase } from '../nodes/NetSapiens/shared/server';
import { netSapiensErrorMessage } from '../nodes/NetSapiens/shared/vendor';
import { LOGIN_DEADLINE_MS, withinDeadline } from '../nodes/shared/deadline';
import { networkCauseOf } from '../nodes/shared/errors';
import { redactSecrets } from '../nodes/shared/redact';
import { credentialTest } from '../nodes/shared/credentialTest';
import {
	assertCredentialFilled,
	authenticateOnBase,
	DEFAULT_REQUEST_TIMEOUT_MS,
	parseSafeBaseUrl,
} from '../nodes/shared/url';

/** nsX_ + 48 random + 8 CRC characters (docs.ns-api.com "API Keys"). */
const API_KEY_PREFIX = /^ns[srdu]_/;
const API_KEY_LENGTH = 60;

/**
 * A fingerprint of the login a stored access token was issued for. When the credential is edited
 * (another server, client, user or secret) the old token no longer matches and is not sent: it
 * never reaches another server, and a changed secret is checked by a new login instead of riding
 * on a token the old one earned.
 */
function sessionOwner(credentials: ICredentialDataDecryptedObject, base: string): string {
	const login = [
		base,
		credentials.clientId,
		credentials.clientSecret,
		credentials.username,
		credentials.password,
	];
	return createHash('sha256')
		.update(login.map((part) => String(part ?? '')).join('\n'))
		.digest('hex');
}

function apiKeyOf(credentials: ICredentialDataDecryptedObject): string {
	assertCredentialFilled({ 'API Key': credentials.apiKey });
	const key = String(credentials.apiKey ?? '').trim();
	if (!API_KEY_PREFIX.test(key) || key.length !== API_KEY_LENGTH) {
		throw new ApplicationError(
			`The credential's API Key does not look like a NetSapiens API key: those are ${API_KEY_LENGTH} characters and start with nss_, nsr_, nsd_ or nsu_ (this value has ${key.length} characters). Copy the whole key again; NetSapiens shows it only once, when it is created.`,
		);
	}
	return key;
}

/**
 * The access token to send, or undefined when there is none worth sending: missing, issued for
 * another login (the credential was edited), or past its expires_in. NetSapiens then answers 401,
 * and n8n logs in again (preAuthentication) and retries the request once.
 */
function currentAccessToken(
	credentials: ICredentialDataDecryptedObject,
	base: string,
): string | undefined {
	const token = String(credentials.accessToken ?? '');
	if (!token || credentials.sessionIssuedFor !== sessionOwner(credentials, base)) return undefined;
	const expiresAt = Number(credentials.sessionExpiresAt);
	if (Number.isFinite(expiresAt) && expiresAt > 0 && Date.now() >= expiresAt) return undefined;
	return token;
}

interface HttpClientError {
	response?: { status?: number; data?: unknown };
	cause?: { code?: string; hostname?: string };
	code?: string;
	hostname?: string;
}

function loginFailure(error: unknown, base: string, secrets: string[]): ApplicationError {
	const failure = error as HttpClientError;
	const status = failure.response?.status;
	const vendorMessage = netSapiensErrorMessage(failure.response?.data);
	const said = vendorMessage ? `: ${redactSecrets(vendorMessage, secrets)}` : '';
	const tokensUrl = `${base}/tokens`;
	if (status === 401 || status === 403) {
		return new ApplicationError(
			`NetSapiens refused the OAuth2 login (HTTP ${status}${said}). Check the Client ID and Client Secret (issued by your platform operator) and the Username (usually user@domain) and Password.`,
		);
	}
	if (status === 400) {
		return new ApplicationError(
			`NetSapiens refused the OAuth2 login request as invalid (HTTP 400${said}). Check that Client ID, Client Secret, Username and Password are all filled in.`,
		);
	}
	if (status === 404) {
		return new ApplicationError(
			`There is no NetSapiens API v2 login at ${tokensUrl} (HTTP 404). Check the Server: it must be the API host of your platform running v44 or later, which is often not the portal host.`,
		);
	}
	if (status !== undefined) {
		return new ApplicationError(
			`The NetSapiens OAuth2 login at ${tokensUrl} failed with HTTP ${status}${said}.`,
		);
	}
	const code = failure.code ?? failure.cause?.code ?? 'no answer';
	const cause = networkCauseOf(
		code,
		failure.hostname ?? failure.cause?.hostname ?? new URL(base).host,
		false,
	);
	return new ApplicationError(
		`Could not reach NetSapiens to log in at ${tokensUrl}: ${cause.what}. ${cause.todo.charAt(0).toUpperCase()}${cause.todo.slice(1)}.`,
	);
}

export class NetSapiensSipApi implements ICredentialType {
	name = 'netSapiensSipApi';

	displayName = 'NetSapiens SIP API';

	icon: Icon = {
		light: 'file:../nodes/NetSapiens/netsapiens.svg',
		dark: 'file:../nodes/NetSapiens/netsapiens.dark.svg',
	};

	documentationUrl = 'https://docs.ns-api.com/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'pbx.example.com',
			description:
				'The API host name of your NetSapiens platform (ask your provider; it is often not the portal host). Requests go to https://{server}/ns-api/v2. Host name only: no path, port or user info.',
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'API Key',
					value: 'apiKey',
					description: 'A 60-character nss_/nsr_/nsd_/nsu_ key from the NetSapiens Admin UI',
				},
				{
					name: 'OAuth2 Password Grant',
					value: 'oAuth2Password',
					description: 'Client ID and secret from your platform operator, plus a user login',
				},
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { authType: ['apiKey'] } },
			default: '',
			description:
				'Sent as "Authorization: Bearer". Its scope (nss_ Super User, nsr_ Reseller, nsd_ Office Manager, nsu_ Basic User) and read-only flag decide what the node may do.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			displayOptions: { show: { authType: ['oAuth2Password'] } },
			default: '',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { authType: ['oAuth2Password'] } },
			default: '',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			displayOptions: { show: { authType: ['oAuth2Password'] } },
			default: '',
			placeholder: '1000@example.com',
			description: 'The NetSapiens login the node acts as, usually extension@domain',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { authType: ['oAuth2Password'] } },
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Expires At',
			name: 'sessionExpiresAt',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Session Issued For',
			name: 'sessionIssuedFor',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * The OAuth2 password grant (POST /ns-api/v2/tokens). n8n runs this when the access token is
	 * empty, during a credential test, and once after a 401 before retrying; what it returns is saved
	 * with the credential. With an API key there is nothing to log in to.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authType !== 'oAuth2Password') return {};
		// The login is sent outside authenticate(): the same gate, before the secrets leave.
		assertCredentialFilled({
			'Client ID': credentials.clientId,
			'Client Secret': credentials.clientSecret,
			Username: credentials.username,
			Password: credentials.password,
		});
		const base = netSapiensApiBase(credentials.server);
		// The login bypasses authenticate(), so it meets the rule every credential's base URL meets here.
		parseSafeBaseUrl(base, 'Server');
		const clientSecret = String(credentials.clientSecret ?? '');
		const password = String(credentials.password ?? '');
		let answer: IDataObject;
		try {
			// Bounded in total (LOGIN_DEADLINE_MS), not only while the socket is silent: a login answered
			// byte by byte would otherwise hold every item waiting for it (issue 16).
			answer = (await withinDeadline(
				LOGIN_DEADLINE_MS,
				async (controller) =>
					await this.helpers.httpRequest({
						method: 'POST',
						url: `${base}/tokens`,
						body: {
							grant_type: 'password',
							client_id: String(credentials.clientId ?? ''),
							client_secret: clientSecret,
							username: String(credentials.username ?? ''),
							password,
						},
						json: true,
						// The body carries the client secret and the password: never re-post it to wherever a
						// redirect points.
						disableFollowRedirect: true,
						timeout: DEFAULT_REQUEST_TIMEOUT_MS,
						abortSignal: controller.signal,
					}),
			)) as IDataObject;
		} catch (error) {
			throw loginFailure(error, base, [clientSecret, password, String(credentials.apiKey ?? '')]);
		}
		const accessToken = answer?.access_token;
		if (typeof accessToken !== 'string' || accessToken === '') {
			throw new ApplicationError('NetSapiens answered the OAuth2 login without an access_token.');
		}
		const lifetimeSeconds = Number(answer.expires_in);
		return {
			accessToken,
			sessionExpiresAt:
				Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0
					? Date.now() + lifetimeSeconds * 1000
					: '',
			sessionIssuedFor: sessionOwner(credentials, base),
		};
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// Node requests and the credential test carry no baseURL: authenticateOnBase supplies this one.
		const base = netSapiensApiBase(credentials.server);
		const bearer =
			credentials.authType === 'oAuth2Password'
				? currentAccessToken(credentials, base)
				: apiKeyOf(credentials);
		return authenticateOnBase(
			requestOptions,
			base,
			bearer === undefined
				? {}
				: { Authorization: { label: 'API Key or access token', value: `Bearer ${bearer}` } },
		);
	}

	test = credentialTest(
		'NetSapiens',
		{ url: '/domains/~' },
		{
			401: 'NetSapiens rejected the API key or access token (401). Copy the whole API key again (it is shown only once, when created), or check that the key was not deleted.',
			403: 'NetSapiens accepted the credential but refused to read its own domain (403). The key may be restricted to other IP addresses or to other models (allowed-models); ask your NetSapiens administrator.',
			404: 'This Server does not answer like NetSapiens API v2 (404 for /ns-api/v2/domains/~). Use the API host of your platform (often not the portal host), running v44 or later.',
		},
	);
}
