import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';
import { expectOneItemPerInput } from '../harness/continueOnFail';

describe('Ultravox node on the engine, against the sandbox', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };
	let seededIds: string[];
	let apiKey: string;

	beforeAll(async () => {
		env = await TestEnvironment.start();
		credential = env.credential('ultravox', 'ultravoxSipApi');
		seededIds = env.sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[];
		apiKey = env.sandbox.endpoints().ultravox.credentials.apiKey as string;
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.clearRequests());

	it('Update sends PATCH with X-API-Key and only the fields the user set', async () => {
		const id = seededIds[0];
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: {
				resource: 'sipRegistration',
				operation: 'update',
				registrationId: byId(id),
				updateFields: { proxy: 'pbx2.example.com', authUser: '' },
			},
		});
		expect(result.error).toBeUndefined();
		const requests = env.sandbox.requests('ultravox');
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('PATCH');
		expect(requests[0].path).toBe(`/api/sip/registrations/${id}`);
		expect(requests[0].headers['x-api-key']).toBe(apiKey);
		expect(requests[0].body).toEqual({ proxy: 'pbx2.example.com', authUser: null });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			registrationId: id,
			proxy: 'pbx2.example.com',
			authUser: null,
		});
		expect(result.items[0].json).not.toHaveProperty('password');
	});

	it('Update with a password sends it but never outputs it', async () => {
		const id = seededIds[1];
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: {
				resource: 'sipRegistration',
				operation: 'update',
				registrationId: byId(id),
				updateFields: { password: 'N3w-Secret-Pass-123' },
			},
		});
		expect(env.sandbox.requests('ultravox')[0].body).toEqual({ password: 'N3w-Secret-Pass-123' });
		expect(JSON.stringify(result.items)).not.toContain('N3w-Secret-Pass-123');
		expect(env.sandbox.devices.vendorPassword('ultravox', id)).toBe('N3w-Secret-Pass-123');
	});

	it('Get Many with Return All returns all 250 seeded registrations across cursor pages', async () => {
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: { resource: 'sipRegistration', operation: 'getAll', returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items.map((item) => item.json.registrationId)).size).toBe(250);
		const requests = env.sandbox.requests('ultravox');
		expect(requests.length).toBe(3);
		expect(requests[0].query).toEqual({ pageSize: '100' });
		expect(requests[1].query.cursor).toBeDefined();
	});

	it('Get Many with a Limit stops after enough items', async () => {
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: { resource: 'sipRegistration', operation: 'getAll', returnAll: false, limit: 7 },
		});
		expect(result.items).toHaveLength(7);
		expect(env.sandbox.requests('ultravox')).toHaveLength(1);
		expect(env.sandbox.requests('ultravox')[0].query).toEqual({ pageSize: '7' });
	});

	it('a 61-character username fails before any request, naming the field and the item', async () => {
		const result = await env.run({
			node: 'ultravox',
			credential,
			items: [{}, {}],
			parameters: {
				resource: 'sipRegistration',
				operation: 'update',
				registrationId: byId(seededIds[0]),
				updateFields: { username: '={{ $itemIndex === 1 ? "u".repeat(61) : "ok" }}' },
			},
		});
		expect(result.error?.message).toBe(
			'"Username" may be at most 60 characters long; this value has 61 (item 1)',
		);
		expect(result.error?.description).toContain('Nothing was sent');
		expect(
			env.sandbox
				.requests('ultravox')
				.filter((request) => request.body && (request.body as any).username?.length > 60),
		).toHaveLength(0);
	});

	it('Create sends the required fields and outputs the registration without the password', async () => {
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: {
				resource: 'sipRegistration',
				operation: 'create',
				username: 'alice',
				password: 'Cr3ate-Secret-99',
				proxy: 'pbx.example.com',
				additionalFields: { outboundProxy: 'proxy.trunk.com' },
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = env.sandbox.requests('ultravox');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/sip/registrations');
		expect(request.body).toEqual({
			username: 'alice',
			password: 'Cr3ate-Secret-99',
			proxy: 'pbx.example.com',
			outboundProxy: 'proxy.trunk.com',
		});
		expect(result.items[0].json).toMatchObject({
			username: 'alice',
			proxy: 'pbx.example.com',
			successful: true,
		});
		expect(JSON.stringify(result.items)).not.toContain('Cr3ate-Secret-99');
	});

	it('Get returns one registration; Delete answers { deleted: true }', async () => {
		const id = seededIds[4];
		const got = await env.run({
			node: 'ultravox',
			credential,
			parameters: { resource: 'sipRegistration', operation: 'get', registrationId: byId(id) },
		});
		expect(got.items[0].json).toMatchObject({ registrationId: id, username: 'ext1004' });
		const deleted = await env.run({
			node: 'ultravox',
			credential,
			parameters: { resource: 'sipRegistration', operation: 'delete', registrationId: byId(id) },
		});
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true }]);
		const last = env.sandbox.requests('ultravox').at(-1)!;
		expect([last.method, last.path]).toEqual(['DELETE', `/api/sip/registrations/${id}`]);
	});

	it('a 404 becomes a NodeApiError naming the operation, the status and the vendor message', async () => {
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: {
				resource: 'sipRegistration',
				operation: 'get',
				registrationId: byId('no-such-id'),
			},
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'Ultravox Get SIP Registration failed: Ultravox answered HTTP 404',
		);
		expect(result.error?.description).toContain('Ultravox said: Not found.');
		expect(result.error?.httpCode).toBe('404');
	});

	it('with Continue On Fail, 5 items of which 2 fail give 5 items with correct pairedItem', async () => {
		const ids = [seededIds[0], 'missing-1', seededIds[1], 'missing-2', seededIds[2]];
		const result = await env.run({
			node: 'ultravox',
			credential,
			continueOnFail: true,
			items: ids.map((id) => ({ id })),
			parameters: {
				resource: 'sipRegistration',
				operation: 'get',
				registrationId: byId('={{ $json.id }}'),
			},
		});
		expectOneItemPerInput(result, [false, true, false, true, false]);
		expect(result.items[1].json.error).toContain('Ultravox Get SIP Registration failed');
		expect(result.items[2].json.registrationId).toBe(seededIds[1]);
	});

	it('the credential test passes with the sample key and fails with a wrong one', async () => {
		const { credentials } = env.sandbox.endpoints().ultravox;
		expect(await env.testCredential('ultravoxSipApi', credentials as any)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const wrong = await env.testCredential('ultravoxSipApi', {
			...(credentials as any),
			apiKey: 'Zk9Ht7Lm.wrong',
		});
		expect(wrong).toEqual({
			status: 'Error',
			message: 'Ultravox rejected the API key (401). Copy the key again from the Ultravox console.',
		});
		// n8n-core retries once after any 401 (it refreshes expirable credentials first), so the
		// wrong key is tried twice, as in a real n8n.
		const calls = env.sandbox
			.requests('ultravox')
			.map((request) => `${request.method} ${request.path}`);
		expect(calls).toEqual(['GET /api/accounts/me', 'GET /api/accounts/me', 'GET /api/accounts/me']);
	});
});

describe('Ultravox Get Many limit validation', () => {
	let env: TestEnvironment;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());

	it.each([0, -5, 2.5])('a Limit of %p is refused before any request', async (limit) => {
		const result = await env.run({
			node: 'ultravox',
			credential: env.credential('ultravox', 'ultravoxSipApi'),
			parameters: { resource: 'sipRegistration', operation: 'getAll', returnAll: false, limit },
		});
		expect(result.error?.message).toBe(
			`"Limit" must be a whole number from 1 to 100000, got ${limit} (item 0)`,
		);
		expect(env.sandbox.requests('ultravox')).toHaveLength(0);
	});
});
