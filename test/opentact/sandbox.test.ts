import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { BRANCH_DOMAIN, MAIN_DOMAIN } from './helpers';

interface Answer {
	status: number;
	json: any;
	text: string;
}

/** Plain HTTP against the Opentact part of the sandbox, the way any client sees it. */
async function call(
	sandbox: Sandbox,
	method: string,
	pathname: string,
	options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
	const response = await fetch(`${sandbox.url}/opentact/rest${pathname}`, {
		method,
		headers: { 'content-type': 'application/json', ...options.headers },
		body:
			options.body === undefined
				? undefined
				: typeof options.body === 'string'
					? options.body
					: JSON.stringify(options.body),
	});
	const text = await response.text();
	return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

const basic = (email: string, password: string) => ({
	Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`,
});

describe('vendor sandbox: Opentact contract', () => {
	let sandbox: Sandbox;
	let token: string;
	let seeded: {
		sipUserIds: string[];
		branchSipUserIds: string[];
		apiToken: string;
		tnLeaseIds: string[];
	};
	const jwt = () => ({ 'X-Auth-Token': token });

	beforeAll(async () => (sandbox = await startSandbox()));
	afterAll(async () => await sandbox.close());
	beforeEach(async () => {
		sandbox.reset();
		sandbox.configure({ tokenLifetimeSeconds: 86_400 });
		seeded = sandbox.endpoints().opentact.seeded as typeof seeded;
		const { email, password } = sandbox.endpoints().opentact.credentials as {
			email: string;
			password: string;
		};
		token = (await call(sandbox, 'GET', '/auth', { headers: basic(email, password) })).json.payload
			.token;
	});

	it("sample credentials point at /rest and use the credential's field names", () => {
		const { credentials, baseUrl } = sandbox.endpoints().opentact;
		expect(Object.keys(credentials).sort()).toEqual([
			'authentication',
			'baseUrl',
			'email',
			'password',
		]);
		expect(credentials.baseUrl).toBe(`${baseUrl}/rest`);
		expect(credentials.authentication).toBe('accountLogin');
	});

	it('GET /rest/auth with Basic issues a 24 h JWT in payload.token; wrong credentials get 401 "Wrong credentials"', async () => {
		const [, claims] = token
			.split('.')
			.map((part, index) =>
				index === 1 ? JSON.parse(Buffer.from(part, 'base64url').toString()) : part,
			);
		expect(claims).toMatchObject({ role: 'User' });
		expect(claims.exp - claims.iat).toBe(86_400);
		const { email } = sandbox.endpoints().opentact.credentials as { email: string };
		expect(await call(sandbox, 'GET', '/auth', { headers: basic(email, 'wrong') })).toMatchObject({
			status: 401,
			json: { success: false, message: 'Wrong credentials', status: 401 },
		});
		// With a token instead of Basic, /rest/auth answers who you are, without issuing a new token.
		const whoAmI = await call(sandbox, 'GET', '/auth', { headers: jwt() });
		expect(whoAmI).toMatchObject({ status: 200, json: { success: true, payload: { email } } });
		expect(whoAmI.json.payload.token).toBeUndefined();
	});

	it('a configured token lifetime is honoured: the token expires and is then refused with 401', async () => {
		sandbox.configure({ tokenLifetimeSeconds: 1 });
		const { email, password } = sandbox.endpoints().opentact.credentials as {
			email: string;
			password: string;
		};
		const short = (await call(sandbox, 'GET', '/auth', { headers: basic(email, password) })).json
			.payload.token;
		expect(
			(await call(sandbox, 'GET', '/account', { headers: { 'X-Auth-Token': short } })).status,
		).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		expect(
			await call(sandbox, 'GET', '/account', { headers: { 'X-Auth-Token': short } }),
		).toMatchObject({
			status: 401,
			json: { success: false, message: 'Token expired', status: 401 },
		});
	});

	it('accepts exactly the documented token forms: X-Auth-Token, ?jwt=, ?bearer=; refuses the rest with 401', async () => {
		expect((await call(sandbox, 'GET', '/sip/domain', { headers: jwt() })).status).toBe(200);
		expect((await call(sandbox, 'GET', `/sip/domain?jwt=${token}`)).status).toBe(200);
		expect((await call(sandbox, 'GET', `/sip/domain?bearer=${seeded.apiToken}`)).status).toBe(200);
		expect(await call(sandbox, 'GET', '/sip/domain')).toMatchObject({
			status: 401,
			json: { success: false, status: 401 },
		});
		expect(
			(
				await call(sandbox, 'GET', '/sip/domain', {
					headers: { Authorization: `Bearer ${seeded.apiToken}` },
				})
			).status,
		).toBe(401);
		expect(
			(await call(sandbox, 'GET', '/sip/domain', { headers: { 'X-Auth-Token': 'forged' } })).status,
		).toBe(401);
		const { email, password } = sandbox.endpoints().opentact.credentials as {
			email: string;
			password: string;
		};
		expect(
			(await call(sandbox, 'GET', '/sip/domain', { headers: basic(email, password) })).status,
		).toBe(401);
	});

	it('lists SIP users whole in the envelope, with ha1/ha1b digests but never the password', async () => {
		const list = await call(sandbox, 'GET', `/sip/domain/${MAIN_DOMAIN}/user`, { headers: jwt() });
		expect(list.status).toBe(200);
		expect(list.json.success).toBe(true);
		expect(list.json.payload).toHaveLength(120);
		const [first] = list.json.payload;
		expect(first).toMatchObject({
			login: 'ext1000',
			state: 'online',
			is_active: true,
			sip_domain: { domain: MAIN_DOMAIN },
		});
		expect(first.ha1).toMatch(/^[0-9a-f]{32}$/);
		expect(first.ha1b).toMatch(/^[0-9a-f]{32}$/);
		expect(list.text).not.toMatch(/"password"/);
		expect(
			await call(sandbox, 'GET', '/sip/domain/none.example/user', { headers: jwt() }),
		).toMatchObject({
			status: 404,
			json: { success: false, message: 'SIP Domain not found', status: 404 },
		});
		expect(
			await call(sandbox, 'GET', `/sip/domain/${BRANCH_DOMAIN}/user/${seeded.sipUserIds[0]}`, {
				headers: jwt(),
			}),
		).toMatchObject({
			status: 404,
			json: { success: false, message: 'SIP User not found' },
		});
	});

	it("validates bodies with Opentact's field error shape: unknown fields, types, enums, required login/password", async () => {
		const id = seeded.sipUserIds[0];
		const patch = await call(sandbox, 'PATCH', `/sip/domain/${MAIN_DOMAIN}/user/${id}`, {
			headers: jwt(),
			body: { Is_Active: 'true', is_active: 'yes', gender: 'female', tn_lease: 'x' },
		});
		expect(patch).toMatchObject({
			status: 400,
			json: { success: false, message: 'Validation failed', status: 400 },
		});
		expect(Object.keys(patch.json.fields).sort()).toEqual([
			'body.Is_Active',
			'body.gender',
			'body.is_active',
			'body.tn_lease',
		]);
		expect(patch.json.fields['body.is_active']).toEqual({
			message: 'must be a boolean',
			value: 'yes',
		});
		const create = await call(sandbox, 'POST', `/sip/domain/${MAIN_DOMAIN}/user`, {
			headers: jwt(),
			body: { login: 'x' },
		});
		expect(create.json.fields).toEqual({ 'body.password': { message: 'is required' } });
		const unknownLease = await call(sandbox, 'PATCH', `/sip/domain/${MAIN_DOMAIN}/user/${id}`, {
			headers: jwt(),
			body: { tn_lease: '00000000-0000-4000-8000-000000000000' },
		});
		expect(unknownLease).toMatchObject({ status: 404, json: { message: 'TN Lease not found' } });
		const lease = await call(sandbox, 'PATCH', `/sip/domain/${MAIN_DOMAIN}/user/${id}`, {
			headers: jwt(),
			body: { tn_lease: seeded.tnLeaseIds[0] },
		});
		expect(lease.status).toBe(200);
	});

	it('simulates registration on SIP users: a new password signs the phone out until provisioned; delete removes it', async () => {
		const id = seeded.sipUserIds[0];
		const read = async () =>
			(await call(sandbox, 'GET', `/sip/domain/${MAIN_DOMAIN}/user/${id}`, { headers: jwt() })).json
				.payload;
		expect((await read()).state).toBe('online');
		const before = (await read()).ha1;
		const changed = await call(sandbox, 'PATCH', `/sip/domain/${MAIN_DOMAIN}/user/${id}`, {
			headers: jwt(),
			body: { password: 'New-Pass-123' },
		});
		expect(changed.json.payload.state).toBe('offline');
		expect(changed.json.payload.ha1).not.toBe(before);
		expect(sandbox.devices.vendorPassword('opentact', id)).toBe('New-Pass-123');
		sandbox.devices.provision('opentact', id, 'New-Pass-123');
		expect((await read()).state).toBe('online');
		await call(sandbox, 'PATCH', `/sip/domain/${MAIN_DOMAIN}/user/${id}`, {
			headers: jwt(),
			body: { is_active: false },
		});
		expect((await read()).state).toBe('offline');
		const deleted = await call(sandbox, 'DELETE', `/sip/domain/${MAIN_DOMAIN}/user/${id}`, {
			headers: jwt(),
		});
		expect(deleted).toMatchObject({ status: 200, json: { success: true, payload: { uuid: id } } });
		expect(sandbox.devices.has('opentact', id)).toBe(false);
		const created = await call(sandbox, 'POST', `/sip/domain/${MAIN_DOMAIN}/user`, {
			headers: jwt(),
			body: { login: 'zed', password: 'Zed-Pass-123' },
		});
		expect(created).toMatchObject({
			status: 201,
			json: { success: true, payload: { login: 'zed', state: 'online' } },
		});
		expect(sandbox.devices.vendorPassword('opentact', created.json.payload.uuid)).toBe(
			'Zed-Pass-123',
		);
	});

	it('API tokens: POST /rest/token (ttl of at least 60 s) creates one usable as ?bearer=; DELETE revokes it', async () => {
		expect(
			(await call(sandbox, 'POST', '/token', { headers: jwt(), body: { name: 'x', ttl: 30 } })).json
				.fields,
		).toHaveProperty(['body.ttl']);
		const created = await call(sandbox, 'POST', '/token', {
			headers: jwt(),
			body: { name: 'n8n', ttl: 600 },
		});
		expect(created.status).toBe(201);
		const apiToken = created.json.payload.token;
		expect((await call(sandbox, 'GET', `/account?bearer=${apiToken}`)).json).toMatchObject({
			success: true,
			payload: { name: 'Sandbox Ops' },
		});
		expect(
			(await call(sandbox, 'GET', '/token/list', { headers: jwt() })).json.payload.map(
				(entry: any) => entry.name,
			),
		).toContain('n8n');
		await call(sandbox, 'DELETE', `/token/${apiToken}`, { headers: jwt() });
		expect((await call(sandbox, 'GET', `/account?bearer=${apiToken}`)).status).toBe(401);
	});

	it("unknown routes and methods answer Opentact's 404 envelope", async () => {
		expect(
			await call(sandbox, 'PUT', `/sip/domain/${MAIN_DOMAIN}/user/${seeded.sipUserIds[0]}`, {
				headers: jwt(),
				body: {},
			}),
		).toMatchObject({
			status: 404,
			json: { success: false, status: 404 },
		});
		expect((await call(sandbox, 'GET', '/sip/domain/', { headers: jwt() })).status).toBe(404);
	});
});
