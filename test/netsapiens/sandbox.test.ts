import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

/**
 * The NetSapiens simulator on its own, over HTTP: the contract the node is tested against must
 * itself follow NetSapiens' API reference (https://docs.ns-api.com/v45.0/reference/updatedevice).
 */
describe('NetSapiens sandbox', () => {
	let sandbox: Sandbox;
	let base: string;
	let keys: Record<string, string>;
	let oauth: { clientId: string; clientSecret: string; username: string; password: string };

	beforeAll(async () => {
		sandbox = await startSandbox();
		base = `${sandbox.endpoints().netsapiens.baseUrl}/ns-api/v2`;
		const seeded = sandbox.endpoints().netsapiens.seeded as {
			apiKeys: Record<string, string>;
			oauth: typeof oauth;
		};
		keys = seeded.apiKeys;
		oauth = seeded.oauth;
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const call = async (
		method: string,
		path: string,
		options: { key?: string; body?: unknown } = {},
	) => {
		const response = await fetch(`${base}${path}`, {
			method,
			headers: {
				...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
				...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
			},
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	};
	const login = async (fields: Record<string, unknown> = {}) =>
		await call('POST', '/tokens', {
			body: {
				grant_type: 'password',
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
				username: oauth.username,
				password: oauth.password,
				...fields,
			},
		});

	it('GET /version needs no credential; everything else answers 401 {code, message} without one', async () => {
		expect((await call('GET', '/version')).body).toMatchObject({ apiversion: '45.0' });
		expect(await call('GET', '/domains/~')).toEqual({
			status: 401,
			body: {
				code: 401,
				message:
					'Authentication required: send "Authorization: Bearer" with an API key or access token',
			},
		});
		expect((await call('GET', '/domains/~', { key: `nsd_${'a'.repeat(56)}` })).body).toEqual({
			code: 401,
			message: 'Invalid API key',
		});
	});

	it('GET /apikeys/~ describes the calling key (scope, read-only) and never returns the key', async () => {
		const { status, body } = await call('GET', '/apikeys/~', { key: keys.readOnly });
		expect(status).toBe(200);
		expect(body).toMatchObject({
			'user-scope': 'Office Manager',
			readonly: 'yes',
			domain: 'sandbox.example',
		});
		expect(JSON.stringify(body)).not.toContain(keys.readOnly);
	});

	it('POST /tokens: the password grant answers an AccessToken with expires_in from the sandbox config', async () => {
		sandbox.configure({ tokenLifetimeSeconds: 120 });
		const { status, body } = await login();
		expect(status).toBe(200);
		expect(body).toMatchObject({
			token_type: 'Bearer',
			expires_in: 120,
			domain: 'sandbox.example',
			scope: 'Office Manager',
		});
		expect((await call('GET', '/domains/~', { key: body.access_token })).status).toBe(200);
		const refreshed = await call('POST', '/tokens', {
			body: {
				grant_type: 'refresh_token',
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
				refresh_token: body.refresh_token,
			},
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(body.access_token);
		sandbox.configure({ tokenLifetimeSeconds: 86_400 });
	});

	it('POST /tokens refuses missing fields (400), a wrong client (401) and a wrong password (401)', async () => {
		expect(await login({ password: undefined })).toEqual({
			status: 400,
			body: { code: 400, message: 'Missing password' },
		});
		expect((await login({ client_secret: 'x' })).body).toEqual({
			code: 401,
			message: 'Invalid client_id or client_secret',
		});
		expect((await login({ password: 'x' })).body).toEqual({
			code: 401,
			message: 'Invalid username or password',
		});
		expect((await login({ grant_type: 'mfa' })).status).toBe(400);
	});

	it('device bodies are checked against the spec: unknown, read-only and mistyped fields are 400', async () => {
		const put = async (body: unknown) =>
			await call('PUT', '/domains/~/users/~/devices/1000a', { key: keys.officeManager, body });
		expect((await put({ auto_ans: 'no' })).body).toEqual({
			code: 400,
			message: 'auto_ans is not a device field',
		});
		expect((await put({ 'device-sip-registration-state': 'registered' })).body.message).toBe(
			'device-sip-registration-state is read-only',
		);
		expect((await put({ 'device-srtp-enabled': 'maybe' })).body.message).toBe(
			'device-srtp-enabled must be one of: yes, no, opportunistic',
		);
		expect((await put({ 'device-sip-registration-expiry-seconds': '60' })).body.message).toBe(
			'device-sip-registration-expiry-seconds must be of type integer',
		);
		expect(await put({ 'device-srtp-enabled': 'yes' })).toEqual({
			status: 202,
			body: { code: 202, message: 'Accepted' },
		});
		const created = await call('POST', '/domains/~/users/~/devices', {
			key: keys.officeManager,
			body: { synchronous: 'yes' },
		});
		expect(created.body).toEqual({ code: 400, message: 'device is required' });
	});

	it('start/limit paging, with limit 1–1000', async () => {
		const page = await call('GET', '/domains/~/devices?start=995&limit=10', {
			key: keys.officeManager,
		});
		expect(page.body.map((device: { device: string }) => device.device)).toEqual([
			'1099e',
			'1099f',
			'1099g',
			'1099h',
			'1099i',
			'1100',
			'1100a',
			'1100b',
			'1100c',
			'1100d',
		]);
		expect(
			(await call('GET', '/domains/~/devices?limit=1001', { key: keys.officeManager })).status,
		).toBe(400);
		expect(
			(await call('GET', '/domains/~/devices?limit=0', { key: keys.officeManager })).status,
		).toBe(400);
		expect(
			(await call('GET', '/domains/~/users/~/devices/count', { key: keys.officeManager })).body,
		).toEqual({ total: 10 });
	});

	it('registration fields come from the registration simulation', async () => {
		const read = async () =>
			(await call('GET', '/domains/~/users/~/devices/1000b', { key: keys.officeManager })).body;
		expect(await read()).toMatchObject({ 'device-sip-registration-state': 'registered' });
		await call('PUT', '/domains/~/users/~/devices/1000b', {
			key: keys.officeManager,
			body: { 'device-sip-registration-password': 'Changed-Pass-1' },
		});
		expect(await read()).toMatchObject({
			'device-sip-registration-state': 'unregistered',
			'device-sip-registration-datetime': null,
			'device-sip-registration-user-agent': '',
		});
		sandbox.devices.provision('netsapiens', '1000b@sandbox.example', 'Changed-Pass-1');
		expect(await read()).toMatchObject({
			'device-sip-registration-state': 'registered',
			'device-sip-registration-user-agent': expect.stringMatching(/\S/),
			'device-sip-registration-datetime': expect.any(String),
		});
	});

	it('create without a password generates 16 characters; delete answers 202 and removes the device', async () => {
		const created = await call('POST', '/domains/~/users/~/devices', {
			key: keys.officeManager,
			body: { device: '1000z' },
		});
		expect(created).toEqual({ status: 202, body: { code: 202, message: 'Accepted' } });
		expect(sandbox.devices.vendorPassword('netsapiens', '1000z@sandbox.example')).toMatch(
			/^[A-Za-z0-9]{16}$/,
		);
		expect(
			(await call('DELETE', '/domains/~/users/~/devices/1000z', { key: keys.officeManager }))
				.status,
		).toBe(202);
		expect(
			(await call('GET', '/domains/~/users/~/devices/1000z', { key: keys.officeManager })).status,
		).toBe(404);
	});
});
