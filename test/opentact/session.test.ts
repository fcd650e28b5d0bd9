import { sleep } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';
import type { RunOptions, TestEnvironment } from '../harness/run';
import { sandboxSuite } from '../harness/sandboxSuite';
import {
	calls,
	CREDENTIAL_TYPE,
	logins,
	MAIN_DOMAIN,
	OutputLedger,
	runSipUser,
	VENDOR,
} from './helpers';
import { byId } from '../harness/locator';

/**
 * The "Account Login" credential on n8n-core's engine: n8n calls preAuthentication when the
 * session-token field is empty, after a 401 and during a credential test, and saves what it returns
 * (test/harness/credentials.ts does exactly what n8n's CredentialsHelper does). Login state is kept
 * per n8n process, so each test logs in as a different user of the sandbox account, or with a
 * credential that already holds a token, to start from a known state.
 */
describe('Opentact credential: login, session token and API token on the engine', () => {
	let env: TestEnvironment;
	let seeded: {
		sipUserIds: string[];
		apiToken: string;
		otherLogins: Array<{ email: string; password: string }>;
	};
	const ledger = new OutputLedger(() => env);
	// Requests are cleared between tests, the sandbox is not reset: its sessions are what these tests watch.
	const suite = sandboxSuite(VENDOR, CREDENTIAL_TYPE, {
		betweenTests: 'clearRequests',
		beforeClose: () => ledger.assertClean(),
	});
	let nextLogin = 0;

	/** A credential of an account user no earlier test has logged in as. */
	const freshLogin = () => {
		const login = seeded.otherLogins[nextLogin++];
		return env.credential(VENDOR, CREDENTIAL_TYPE, {
			email: login.email,
			password: login.password,
		});
	};
	const stored = (credential: { id: string }) => env.credentials.stored(credential.id)!;
	/** Get of the SIP users the items name (`$json.id`), with more parameters where given. */
	const getUsers = (
		credential: { type: string; id: string },
		items: Array<{ id: string }>,
		extra: INodeParameters = {},
		options: Pick<RunOptions, 'continueOnFail'> = {},
	) =>
		runSipUser(
			ledger,
			credential,
			{ operation: 'get', userId: byId('={{ $json.id }}'), ...extra },
			{ ...options, items },
		);
	const getUser = (credential: { type: string; id: string }) =>
		getUsers(credential, [{ id: seeded.sipUserIds[0] }]);

	beforeAll(() => {
		env = suite.env;
		seeded = env.seeded(VENDOR) as typeof seeded;
	});
	beforeEach(() => {
		env.sandbox.configure({ tokenLifetimeSeconds: 86_400 });
	});

	it('first use logs in with Basic email:password at GET /rest/auth, then sends the JWT as X-Auth-Token and saves it', async () => {
		const credential = freshLogin();
		const { email, password } = seeded.otherLogins[nextLogin - 1];
		expect(stored(credential).sessionToken).toBeUndefined();
		const result = await getUser(credential);
		expect(result.error).toBeUndefined();
		expect(calls(env)).toEqual([
			'GET /rest/auth',
			`GET /rest/sip/domain/${MAIN_DOMAIN}/user/${seeded.sipUserIds[0]}`,
		]);
		const [login, request] = env.sandbox.requests(VENDOR);
		expect(login.headers.authorization).toBe(
			`Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`,
		);
		expect(login.headers['x-auth-token']).toBeUndefined();
		const token = String(stored(credential).sessionToken);
		expect(token.split('.')).toHaveLength(3);
		expect(request.headers['x-auth-token']).toBe(token);
		// The password goes only to the login; the API call carries the session token alone.
		expect(request.headers.authorization).toBeUndefined();
		const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
		expect(claims.exp - claims.iat).toBe(86_400);
	});

	it('reuses the saved token across items and executions: no further login', async () => {
		const credential = freshLogin();
		await getUser(credential);
		const token = stored(credential).sessionToken;
		env.sandbox.clearRequests();
		const five = await getUsers(
			credential,
			seeded.sipUserIds.map((id) => ({ id })),
		);
		expect(five.items).toHaveLength(5);
		await getUser(credential);
		expect(logins(env)).toBe(0);
		expect(env.sandbox.requests(VENDOR)).toHaveLength(6);
		expect(
			new Set(env.sandbox.requests(VENDOR).map((request) => request.headers['x-auth-token'])),
		).toEqual(new Set([token]));
	});

	it('20 concurrent items of a new credential log in once, though n8n asks every item to log in', async () => {
		// Pacing lets requests go one at a time; a slow login keeps all 20 items waiting on it at once.
		env.sandbox.configure({ latencyMs: 300 });
		const credential = freshLogin();
		const result = await getUsers(
			credential,
			Array.from({ length: 20 }, (_, index) => ({ id: seeded.sipUserIds[index % 5] })),
			// No pacing: all 20 requests start together, as n8n's RoutingNode starts them.
			{ rateLimiting: { requestsPerSecond: 10_000 } },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(20);
		// Every item found the token field empty, so n8n called preAuthentication for each...
		expect(env.credentials.preAuthenticationCalls.get(credential.id)).toBe(20);
		// ...and only one of those calls reached Opentact.
		expect(logins(env)).toBe(1);
		const apiCalls = env.sandbox
			.requests(VENDOR)
			.filter((request) => request.path !== '/rest/auth');
		expect(apiCalls).toHaveLength(20);
		expect(new Set(apiCalls.map((request) => request.headers['x-auth-token']))).toEqual(
			new Set([stored(credential).sessionToken]),
		);
	});

	it('20 items at the default pace log in once too', async () => {
		const credential = freshLogin();
		const result = await runSipUser(
			ledger,
			credential,
			{ operation: 'getAll', domain: byId('={{ $json.domain }}'), returnAll: false, limit: 1 },
			{ items: Array.from({ length: 20 }, () => ({ domain: MAIN_DOMAIN })) },
		);
		expect(result.items).toHaveLength(20);
		expect(logins(env)).toBe(1);
	});

	it('an expired token is answered 401 by Opentact; n8n logs in again once and retries', async () => {
		env.sandbox.configure({ tokenLifetimeSeconds: 1 });
		const credential = freshLogin();
		await getUser(credential);
		const first = stored(credential).sessionToken;
		await sleep(1_300);
		env.sandbox.clearRequests();
		const result = await getUser(credential);
		expect(result.error).toBeUndefined();
		const request = `GET /rest/sip/domain/${MAIN_DOMAIN}/user/${seeded.sipUserIds[0]}`;
		expect(calls(env)).toEqual([request, 'GET /rest/auth', request]);
		const [expired, , retried] = env.sandbox.requests(VENDOR);
		expect([expired.status, retried.status]).toEqual([401, 200]);
		expect(expired.headers['x-auth-token']).toBe(first);
		expect(retried.headers['x-auth-token']).toBe(stored(credential).sessionToken);
		expect(stored(credential).sessionToken).not.toBe(first);
	});

	it('a 401 on a request: exactly one new login and one retry, even for several items', async () => {
		const credential = freshLogin();
		await getUser(credential);
		const first = stored(credential).sessionToken;
		// A refused token is older than its replacement, as an expired one is. Opentact's JWTs of the
		// same second are identical, and an item that saw its token refused and then got the very same
		// token back could not tell it from the replacement, so it logged in again (a CI flake).
		await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
		env.sandbox.clearRequests();
		// Slow answers keep the three items in flight together, as without pacing: all three are refused.
		env.sandbox.configure({ latencyMs: 300 });
		env.sandbox.injectFault({
			vendor: VENDOR,
			mode: 'status',
			status: 401,
			path: '/user/',
			count: 3,
			body: { success: false, message: 'Invalid token', status: 401 },
		});
		const result = await getUsers(
			credential,
			seeded.sipUserIds.slice(0, 3).map((id) => ({ id })),
			{ rateLimiting: { requestsPerSecond: 10_000 } },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.uuid)).toEqual(seeded.sipUserIds.slice(0, 3));
		expect(logins(env)).toBe(1);
		const api = env.sandbox.requests(VENDOR).filter((request) => request.path !== '/rest/auth');
		expect(api.map((request) => request.status)).toEqual([401, 401, 401, 200, 200, 200]);
		// The retries carry the token of that one new login.
		const renewed = stored(credential).sessionToken;
		expect(renewed).not.toBe(first);
		expect(api.slice(3).map((request) => request.headers['x-auth-token'])).toEqual([
			renewed,
			renewed,
			renewed,
		]);
		expect(String(first).split('.')).toHaveLength(3);
	});

	it('a 401 that persists after the new login fails the item with the credential advice', async () => {
		const credential = freshLogin();
		await getUser(credential);
		env.sandbox.clearRequests();
		env.sandbox.injectFault({
			vendor: VENDOR,
			mode: 'status',
			status: 401,
			path: '/user/',
			count: 2,
			body: { success: false, message: 'Unauthorized', status: 401 },
		});
		const result = await getUser(credential);
		expect(result.error?.message).toBe('Opentact Get SIP User failed: Opentact answered HTTP 401');
		expect(result.error?.description).toContain('Opentact said: Unauthorized');
		expect(result.error?.description).toContain('Opentact rejected the credential');
		expect(logins(env)).toBe(1);
	});

	describe('wrong email or password', () => {
		it('the credential test fails saying so, after one login attempt', async () => {
			const { credentials } = env.sandbox.endpoints().opentact;
			const verdict = await env.testCredential(CREDENTIAL_TYPE, {
				...(credentials as any),
				password: 'not-the-password',
			});
			expect(verdict).toEqual({
				status: 'Error',
				message:
					'Opentact refused the email or password (HTTP 401: Wrong credentials). Check both in the credential: they are the ones you sign in to the Opentact portal with.',
			});
			// n8n-core retries after a 401 from a request, but a refused login is not an expired token.
			expect(calls(env)).toEqual(['GET /rest/auth']);
			expect(env.sandbox.requests(VENDOR)[0].status).toBe(401);
		});

		it('a run fails every item with a clear error and tries the password once, not once per item', async () => {
			const credential = env.credential(VENDOR, CREDENTIAL_TYPE, {
				email: 'nobody@example.com',
				password: 'Wrong-Password-1',
			});
			const result = await getUsers(
				credential,
				Array.from({ length: 8 }, () => ({ id: seeded.sipUserIds[0] })),
				{},
				{ continueOnFail: true },
			);
			expect(result.items).toHaveLength(8);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				Array.from({ length: 8 }, (_, item) => ({ item })),
			);
			for (const item of result.items)
				expect(String(item.json.error)).toContain(
					'Opentact refused the email or password (HTTP 401: Wrong credentials)',
				);
			expect(calls(env)).toEqual(['GET /rest/auth']);
			expect(stored(credential).sessionToken).toBeUndefined();
		});

		it('without Continue On Fail the error carries what to do', async () => {
			const credential = env.credential(VENDOR, CREDENTIAL_TYPE, {
				email: 'nobody2@example.com',
				password: 'Wrong-Password-2',
			});
			const result = await getUser(credential);
			expect(result.error?.message).toContain('Opentact refused the email or password');
			expect(result.error?.description).toContain(
				'enter the email and password of your Opentact portal user and save it: n8n tests the credential when it is saved',
			);
		});
	});

	it('the credential test passes with the sample login: a fresh login, then GET /rest/account with the token', async () => {
		const { credentials } = env.sandbox.endpoints().opentact;
		expect(await env.testCredential(CREDENTIAL_TYPE, credentials as any)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(calls(env)).toEqual(['GET /rest/auth', 'GET /rest/account']);
		const [login, account] = env.sandbox.requests(VENDOR);
		expect(login.status).toBe(200);
		expect(account.headers['x-auth-token']).toEqual(expect.any(String));
		expect(account.status).toBe(200);
	});

	describe('API token', () => {
		const tokenCredential = (apiToken = seeded.apiToken) =>
			env.credential(VENDOR, CREDENTIAL_TYPE, {
				authentication: 'apiToken',
				apiToken,
				email: '',
				password: '',
			});

		it('the credential test passes with a valid token (sent as ?bearer=, no login) and fails clearly with a wrong one', async () => {
			const { baseUrl } = env.sandbox.endpoints().opentact.credentials as { baseUrl: string };
			expect(
				await env.testCredential(CREDENTIAL_TYPE, {
					authentication: 'apiToken',
					apiToken: seeded.apiToken,
					baseUrl,
				}),
			).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(calls(env)).toEqual(['GET /rest/account']);
			expect(env.sandbox.requests(VENDOR)[0].query).toEqual({ bearer: seeded.apiToken });
			env.sandbox.clearRequests();
			const wrong = await env.testCredential(CREDENTIAL_TYPE, {
				authentication: 'apiToken',
				apiToken: 'deadbeef',
				baseUrl,
			});
			expect(wrong.status).toBe('Error');
			expect(wrong.message).toContain('Opentact rejected the credential (401)');
			expect(wrong.message).toContain('create a new one in the Opentact portal');
			expect(logins(env)).toBe(0);
		});

		it('Update sends the token as the bearer query parameter, with no X-Auth-Token and no login', async () => {
			const credential = tokenCredential();
			const result = await runSipUser(ledger, credential, {
				operation: 'update',
				userId: byId(seeded.sipUserIds[4]),
				updateFields: { lastName: 'Token' },
			});
			expect(result.error).toBeUndefined();
			expect(calls(env)).toEqual([
				`PATCH /rest/sip/domain/${MAIN_DOMAIN}/user/${seeded.sipUserIds[4]}`,
			]);
			const [patch] = env.sandbox.requests(VENDOR);
			expect(patch.query).toEqual({ bearer: seeded.apiToken });
			expect(patch.headers['x-auth-token']).toBeUndefined();
			expect(patch.body).toEqual({ last_name: 'Token' });
			expect(result.items[0].json.last_name).toBe('Token');
		});

		it('a token created with POST /rest/token works, and a deleted one fails with a 401 naming the credential', async () => {
			const loginCredential = freshLogin();
			await getUser(loginCredential);
			const created = await fetch(`${env.sandbox.url}/opentact/rest/token`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-Auth-Token': String(stored(loginCredential).sessionToken),
				},
				body: JSON.stringify({ name: 'n8n-test', ttl: 3600 }),
			});
			const token = ledger.secret(String(((await created.json()) as any).payload.token));
			const credential = tokenCredential(token);
			expect((await getUser(credential)).error).toBeUndefined();
			await fetch(`${env.sandbox.url}/opentact/rest/token/${token}?bearer=${token}`, {
				method: 'DELETE',
			});
			const refused = await getUser(credential);
			expect(refused.error?.message).toBe(
				'Opentact Get SIP User failed: Opentact answered HTTP 401',
			);
			expect(refused.error?.description).toContain('Opentact said: Invalid token');
		});
	});

	describe('where the secret may go', () => {
		it('refuses a non-https Base URL before logging in', async () => {
			const credential = env.credential(VENDOR, CREDENTIAL_TYPE, {
				baseUrl: 'http://api.opentact.org/rest',
			});
			const result = await getUser(credential);
			expect(result.error?.message).toContain('must use https://');
			expect(env.sandbox.requests(VENDOR)).toHaveLength(0);
		});

		it('an API token with a line break is refused, not sent', async () => {
			const credential = env.credential(VENDOR, CREDENTIAL_TYPE, {
				authentication: 'apiToken',
				apiToken: 'abc\r\nX-Evil: 1',
			});
			const result = await getUser(credential);
			expect(result.error?.message).toContain('line break');
			expect(env.sandbox.requests(VENDOR)).toHaveLength(0);
		});
	});
});
