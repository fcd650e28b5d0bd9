import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { netSapiensApiBase } from '../../nodes/NetSapiens/shared/server';
import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';

const getDevice = {
	resource: 'device',
	operation: 'get',
	domain: byId('~'),
	user: byId('~'),
	device: byId('1000a'),
};
const DEVICE_PATH = '/ns-api/v2/domains/~/users/~/devices/1000a';
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

interface Seeded {
	apiKeys: Record<'officeManager' | 'readOnly' | 'reseller' | 'superUser' | 'basicUser', string>;
	oauth: { clientId: string; clientSecret: string; username: string; password: string };
}

describe('NetSapiens credential: Server, API keys and the OAuth2 password grant', () => {
	let env: TestEnvironment;
	let seeded: Seeded;
	let sample: ICredentialDataDecryptedObject;

	beforeAll(async () => {
		env = await TestEnvironment.start();
		seeded = env.sandbox.endpoints().netsapiens.seeded as unknown as Seeded;
		sample = env.sandbox.endpoints().netsapiens.credentials as ICredentialDataDecryptedObject;
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.sandbox.configure({ tokenLifetimeSeconds: 86_400 });
	});

	const requests = () => env.sandbox.requests('netsapiens');
	const calls = () =>
		requests().map((request) => `${request.method} ${request.path} ${request.status}`);
	const oauthCredential = () =>
		env.credential('netsapiens', 'netSapiensSipApi', { authType: 'oAuth2Password' });
	const run = async (
		credential: { type: string; id: string },
		parameters: INodeParameters = getDevice,
	) => await env.run({ node: 'netSapiens', credential, parameters });

	describe('OAuth2 password grant', () => {
		it('logs in once with POST /ns-api/v2/tokens, sends the token as Bearer, and reuses it on the next run', async () => {
			const credential = oauthCredential();
			const first = await run(credential);
			expect(first.error).toBeUndefined();
			const [login, read] = requests();
			expect([login.method, login.path, login.status]).toEqual(['POST', '/ns-api/v2/tokens', 200]);
			expect(login.headers['content-type']).toContain('application/json');
			expect(login.body).toEqual({
				grant_type: 'password',
				client_id: seeded.oauth.clientId,
				client_secret: seeded.oauth.clientSecret,
				username: seeded.oauth.username,
				password: seeded.oauth.password,
			});
			const stored = env.credentials.stored(credential.id)!;
			expect(stored.accessToken).toMatch(/^[0-9a-f]{32}$/);
			expect(read.headers.authorization).toBe(`Bearer ${stored.accessToken}`);

			await run(credential);
			expect(calls().slice(2)).toEqual([`GET ${DEVICE_PATH} 200`]);
			expect(requests()[2].headers.authorization).toBe(`Bearer ${stored.accessToken}`);
			expect(env.credentials.preAuthenticationCalls.get(credential.id)).toBe(1);
			expect(JSON.stringify(first.items)).not.toContain(String(stored.accessToken));
		});

		it('an expired token is not sent again: NetSapiens answers 401, n8n logs in anew and retries once', async () => {
			env.sandbox.configure({ tokenLifetimeSeconds: 1 });
			const credential = oauthCredential();
			await run(credential);
			const expired = String(env.credentials.stored(credential.id)!.accessToken);
			await sleep(1100);
			env.sandbox.clearRequests();

			const result = await run(credential);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.device).toBe('1000a');
			expect(calls()).toEqual([
				`GET ${DEVICE_PATH} 401`,
				'POST /ns-api/v2/tokens 200',
				`GET ${DEVICE_PATH} 200`,
			]);
			const fresh = String(env.credentials.stored(credential.id)!.accessToken);
			expect(fresh).not.toBe(expired);
			expect(requests()[0].headers.authorization).toBeUndefined();
			expect(requests()[2].headers.authorization).toBe(`Bearer ${fresh}`);
			expect(
				requests().some((request) => request.headers.authorization === `Bearer ${expired}`),
			).toBe(false);
			expect(env.credentials.preAuthenticationCalls.get(credential.id)).toBe(2);
		});

		it('a 401 for a token NetSapiens no longer honours: one new login, one retry', async () => {
			const credential = oauthCredential();
			await run(credential);
			const revoked = String(env.credentials.stored(credential.id)!.accessToken);
			env.sandbox.clearRequests();
			env.sandbox.injectFault({
				vendor: 'netsapiens',
				mode: 'status',
				method: 'GET',
				status: 401,
				body: { code: 401, message: 'Invalid access token' },
			});

			const result = await run(credential);
			expect(result.error).toBeUndefined();
			expect(calls()).toEqual([
				`GET ${DEVICE_PATH} 401`,
				'POST /ns-api/v2/tokens 200',
				`GET ${DEVICE_PATH} 200`,
			]);
			expect(requests()[0].headers.authorization).toBe(`Bearer ${revoked}`);
			expect(requests()[2].headers.authorization).not.toBe(`Bearer ${revoked}`);
			expect(env.credentials.preAuthenticationCalls.get(credential.id)).toBe(2);
		});

		it('a second 401 after the new login fails the item instead of logging in again and again', async () => {
			const credential = oauthCredential();
			await run(credential);
			env.sandbox.clearRequests();
			env.sandbox.injectFault({
				vendor: 'netsapiens',
				mode: 'status',
				method: 'GET',
				count: 2,
				status: 401,
				body: { code: 401, message: 'Invalid access token' },
			});

			const result = await run(credential);
			expect(calls()).toEqual([
				`GET ${DEVICE_PATH} 401`,
				'POST /ns-api/v2/tokens 200',
				`GET ${DEVICE_PATH} 401`,
			]);
			expect(result.error?.message).toBe(
				'NetSapiens Get Device failed: NetSapiens answered HTTP 401',
			);
			expect(result.error?.description).toContain('NetSapiens said: Invalid access token');
		});

		it('a token saved for another server, client or user is never sent: the credential logs in again', async () => {
			const credential = oauthCredential();
			await run(credential);
			const token = String(env.credentials.stored(credential.id)!.accessToken);
			// As after the credential was edited to another user: the saved session belongs to the old one.
			const edited = env.credential('netsapiens', 'netSapiensSipApi', {
				authType: 'oAuth2Password',
				accessToken: token,
				sessionIssuedFor: 'a login on another server, client or user',
				sessionExpiresAt: Date.now() + 3_600_000,
			});
			env.sandbox.clearRequests();
			const result = await run(edited);
			expect(result.error).toBeUndefined();
			expect(
				requests().some((request) => request.headers.authorization === `Bearer ${token}`),
			).toBe(false);
			expect(calls()).toEqual([
				`GET ${DEVICE_PATH} 401`,
				'POST /ns-api/v2/tokens 200',
				`GET ${DEVICE_PATH} 200`,
			]);
		});

		it('a password changed in the credential is checked by a new login, not carried by the old token', async () => {
			const credential = oauthCredential();
			await run(credential);
			const stored = env.credentials.stored(credential.id)!;
			const edited = env.credential('netsapiens', 'netSapiensSipApi', {
				...stored,
				password: 'Mistyped-Password',
			});
			env.sandbox.clearRequests();
			const result = await run(edited);
			expect(calls()).toEqual([`GET ${DEVICE_PATH} 401`, 'POST /ns-api/v2/tokens 401']);
			expect(requests()[0].headers.authorization).toBeUndefined();
			expect(result.error?.message).toContain(
				'NetSapiens refused the OAuth2 login (HTTP 401: Invalid username or password)',
			);
		});

		it('a login answered with a redirect is not followed: the secrets are never posted elsewhere', async () => {
			const elsewhere = `${env.sandbox.url}/ultravox/steal`;
			env.sandbox.injectFault({
				vendor: 'netsapiens',
				mode: 'status',
				method: 'POST',
				path: '^/ns-api/v2/tokens$',
				status: 307,
				headers: { location: elsewhere },
			});
			const result = await run(oauthCredential());
			expect(result.error?.message).toContain('/ns-api/v2/tokens failed with HTTP 307');
			expect(calls()).toEqual(['POST /ns-api/v2/tokens 307']);
			expect(env.sandbox.requests('ultravox')).toHaveLength(0);
		});

		it('a wrong client secret fails the run with a message that says why, without the secrets', async () => {
			const credential = env.credential('netsapiens', 'netSapiensSipApi', {
				authType: 'oAuth2Password',
				clientSecret: 'Wrong-Client-Secret',
			});
			const result = await run(credential);
			expect(result.error?.message).toBe(
				'NetSapiens Get Device failed: NetSapiens refused the OAuth2 login (HTTP 401: Invalid client_id or client_secret). Check the Client ID and Client Secret (issued by your platform operator) and the Username (usually user@domain) and Password.',
			);
			expect(calls()).toEqual(['POST /ns-api/v2/tokens 401']);
			expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(
				new RegExp(`Wrong-Client-Secret|${seeded.oauth.password}`),
			);
		});
	});

	describe('API keys: scope and read-only flag', () => {
		it('a read-only key reads, but its writes get 403 with an error that says the key is read-only', async () => {
			const credential = env.credential('netsapiens', 'netSapiensSipApi', {
				apiKey: seeded.apiKeys.readOnly,
			});
			const read = await run(credential);
			expect(read.error).toBeUndefined();
			const before = env.sandbox.devices.vendorPassword('netsapiens', '1000a@sandbox.example');

			const write = await run(credential, {
				...getDevice,
				operation: 'update',
				updateFields: { sipRegistrationPassword: 'Never-Applied-123' },
			});
			expect(write.error?.name).toBe('NodeApiError');
			expect(write.error?.message).toBe(
				'NetSapiens Update Device failed: NetSapiens answered HTTP 403',
			);
			expect(write.error?.description).toContain(
				'NetSapiens said: This API key is read-only: POST, PUT and DELETE requests are rejected',
			);
			expect(write.error?.description).not.toContain('Never-Applied-123');
			expect(env.sandbox.devices.vendorPassword('netsapiens', '1000a@sandbox.example')).toBe(
				before,
			);
			expect(requests().at(-1)!.headers.authorization).toBe(`Bearer ${seeded.apiKeys.readOnly}`);
		});

		it('a Basic User key reads its own devices only', async () => {
			const credential = env.credential('netsapiens', 'netSapiensSipApi', {
				apiKey: seeded.apiKeys.basicUser,
			});
			const own = await run(credential, { ...getDevice, device: byId('1001a') });
			expect(own.items[0].json).toMatchObject({ device: '1001a', user: '1001' });
			const domain = await run(credential, {
				resource: 'device',
				operation: 'getAll',
				listScope: 'domain',
				domain: byId('~'),
				returnAll: true,
			});
			expect(domain.error?.description).toContain(
				'NetSapiens said: A Basic User scope may not list the devices of a whole domain',
			);
			const other = await run(credential, { ...getDevice, user: byId('1000') });
			expect(other.error?.description).toContain(
				'NetSapiens said: User not found or access denied',
			);
		});

		it("a reseller key reaches its reseller's other domains, not another reseller's", async () => {
			const credential = env.credential('netsapiens', 'netSapiensSipApi', {
				apiKey: seeded.apiKeys.reseller,
			});
			const acme = await run(credential, {
				...getDevice,
				domain: byId('acme.example'),
				user: byId('200'),
				device: byId('200a'),
			});
			expect(acme.items[0].json).toMatchObject({ domain: 'acme.example', device: '200a' });
			const other = await run(credential, {
				...getDevice,
				domain: byId('other.example'),
				user: byId('100'),
				device: byId('100'),
			});
			expect(other.error?.description).toContain(
				'NetSapiens said: Domain not found or access denied',
			);
		});

		it('a wrong key: 401, tried twice as n8n retries every 401 once, and the error says to check the credential', async () => {
			const credential = env.credential('netsapiens', 'netSapiensSipApi', {
				apiKey: `nsd_${'x'.repeat(56)}`,
			});
			const result = await run(credential);
			expect(calls()).toEqual([`GET ${DEVICE_PATH} 401`, `GET ${DEVICE_PATH} 401`]);
			expect(result.error?.message).toBe(
				'NetSapiens Get Device failed: NetSapiens answered HTTP 401',
			);
			expect(result.error?.description).toContain('NetSapiens said: Invalid API key');
		});

		it('a value that is not a NetSapiens key is refused before anything is sent, without echoing it', async () => {
			const credential = env.credential('netsapiens', 'netSapiensSipApi', {
				apiKey: 'sk-Not-A-NetSapiens-Key',
			});
			const result = await run(credential);
			expect(result.error?.message).toContain(
				"The credential's API Key does not look like a NetSapiens API key: those are 60 characters and start with nss_, nsr_, nsd_ or nsu_ (this value has 23 characters)",
			);
			expect(result.error?.message).not.toContain('sk-Not-A-NetSapiens-Key');
			expect(requests()).toHaveLength(0);
		});
	});

	describe('the credential test (GET /ns-api/v2/domains/~)', () => {
		const test = async (data: ICredentialDataDecryptedObject) =>
			await env.testCredential('netSapiensSipApi', data);
		const ok = { status: 'OK', message: 'Connection successful!' };

		it('passes with the sample API key and with the sample OAuth client, for every key scope', async () => {
			expect(await test(sample)).toEqual(ok);
			expect(calls()).toEqual(['GET /ns-api/v2/domains/~ 200']);
			expect(await test({ ...sample, authType: 'oAuth2Password' })).toEqual(ok);
			for (const apiKey of Object.values(seeded.apiKeys))
				expect(await test({ ...sample, apiKey })).toEqual(ok);
		});

		it('fails with a message that says why: a wrong key', async () => {
			expect(await test({ ...sample, apiKey: `nsu_${'0'.repeat(56)}` })).toEqual({
				status: 'Error',
				message:
					'NetSapiens rejected the API key or access token (401). Copy the whole API key again (it is shown only once, when created), or check that the key was not deleted.',
			});
		});

		it('fails with a message that says why: a wrong client secret', async () => {
			expect(await test({ ...sample, authType: 'oAuth2Password', clientSecret: 'nope' })).toEqual({
				status: 'Error',
				message:
					'NetSapiens refused the OAuth2 login (HTTP 401: Invalid client_id or client_secret). Check the Client ID and Client Secret (issued by your platform operator) and the Username (usually user@domain) and Password.',
			});
		});

		it('fails with a message that says why: a wrong server', async () => {
			const notNetSapiens = `${env.sandbox.url}/portal`;
			expect(await test({ ...sample, server: notNetSapiens })).toEqual({
				status: 'Error',
				message:
					'This Server does not answer like NetSapiens API v2 (404 for /ns-api/v2/domains/~). Use the API host of your platform (often not the portal host), running v44 or later.',
			});
			expect(await test({ ...sample, authType: 'oAuth2Password', server: notNetSapiens })).toEqual({
				status: 'Error',
				message: `There is no NetSapiens API v2 login at ${notNetSapiens}/ns-api/v2/tokens (HTTP 404). Check the Server: it must be the API host of your platform running v44 or later, which is often not the portal host.`,
			});
			expect(await test({ ...sample, server: 'pbx.example.com/ns-api/v2' })).toEqual({
				status: 'Error',
				message:
					"The credential's Server must be the host name only, without a path: the node adds /ns-api/v2 itself",
			});
		});
	});

	describe('Server → base URL', () => {
		it.each([
			['pbx.example.com', 'https://pbx.example.com/ns-api/v2'],
			['  PBX.Example.com  ', 'https://pbx.example.com/ns-api/v2'],
			['https://pbx.example.com/', 'https://pbx.example.com/ns-api/v2'],
			['xn--pbx-ixa.example.com', 'https://xn--pbx-ixa.example.com/ns-api/v2'],
			['203.0.113.7', 'https://203.0.113.7/ns-api/v2'],
			['127.0.0.1:4010/netsapiens', 'http://127.0.0.1:4010/netsapiens/ns-api/v2'],
			['http://localhost:4010', 'http://localhost:4010/ns-api/v2'],
			['https://[::1]:8443/a/b', 'https://[::1]:8443/a/b/ns-api/v2'],
		])('%s → %s', (server, base) => {
			expect(netSapiensApiBase(server)).toBe(base);
		});

		it.each([
			['', 'is empty'],
			['pbx.example.com/ns-api', 'must be the host name only, without a path'],
			['pbx.example.com:8443', 'must not include a port'],
			['user:pw@pbx.example.com', 'must not contain user info'],
			['https://pbx.example.com@evil.example', 'must not contain user info'],
			['http://pbx.example.com', 'must use https'],
			['ftp://pbx.example.com', 'not a ftp:// address'],
			['pbx.ехаmple.com', 'contains non-ASCII characters'],
			['pbx.example.com?x=1', 'must not contain a query'],
			['pbx example.com', 'contains spaces'],
			['pbx_1.example.com', 'is not a valid host name'],
			['-pbx.example.com', 'is not a valid host name'],
			['999.1.1.1', 'is not a valid host name or IPv4 address'],
			['127.0.0.1:4010/../admin', 'path prefix with characters that are not allowed'],
			['localhost:99999', 'has an invalid port'],
		])('refuses %j (%s)', (server, problem) => {
			expect(() => netSapiensApiBase(server)).toThrow(problem);
		});
	});
});
