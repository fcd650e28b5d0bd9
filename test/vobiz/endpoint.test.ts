import type { IDataObject } from 'n8n-workflow';
import { TestEnvironment } from '../harness/run';
import { byId, fromList } from '../harness/locator';
import { expectOneItemPerInput } from '../harness/continueOnFail';

describe('Vobiz node on the engine, against the sandbox', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };
	let seededIds: string[];
	let authId: string;
	let authToken: string;
	const accountPath = () => `/api/v1/Account/${authId}`;
	const requests = () => env.sandbox.requests('vobiz');
	const run = async (
		parameters: Record<string, unknown>,
		extra: { items?: IDataObject[]; continueOnFail?: boolean } = {},
	) =>
		await env.run({
			node: 'vobiz',
			credential,
			parameters: { resource: 'endpoint', ...parameters } as any,
			...extra,
		});

	beforeAll(async () => {
		env = await TestEnvironment.start();
		const endpoint = env.sandbox.endpoints().vobiz;
		credential = env.credential('vobiz', 'vobizSipApi');
		seededIds = endpoint.seeded.endpointIds as string[];
		authId = endpoint.credentials.authId as string;
		authToken = endpoint.credentials.authToken as string;
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.sandbox.clearRequests();
	});

	describe('Update (POST, answered 202 with no body)', () => {
		it('sends POST /api/v1/Account/{auth_id}/Endpoint/{id}/ with both headers and only the set fields', async () => {
			const id = seededIds[0];
			const result = await run({
				operation: 'update',
				endpointId: byId(id),
				updateFields: { alias: 'Front-Desk', allowVideo: true, application: fromList('98765433') },
			});
			expect(result.error).toBeUndefined();
			expect(requests()).toHaveLength(1);
			const [request] = requests();
			expect(request.method).toBe('POST');
			expect(request.path).toBe(`${accountPath()}/Endpoint/${id}/`);
			expect(request.headers['x-auth-id']).toBe(authId);
			expect(request.headers['x-auth-token']).toBe(authToken);
			expect(request.headers['content-type']).toMatch(/^application\/json/);
			expect(request.body).toEqual({
				alias: 'Front-Desk',
				allow_video: true,
				application: 98765433,
			});
			expect(request.status).toBe(202);
			expect(result.items.map((item) => item.json)).toEqual([
				{
					accepted: true,
					status: 202,
					endpointId: id,
					fieldsSent: ['alias', 'allow_video', 'application'],
				},
			]);

			const read = await run({ operation: 'get', endpointId: byId(id) });
			expect(read.items[0].json).toMatchObject({
				alias: 'Front-Desk',
				allow_video: true,
				application: { app_id: '98765433', app_name: 'Support IVR' },
			});
		});

		it('sends a new password, never outputs it, and the device stays signed out until it gets the password', async () => {
			const id = seededIds[1];
			const newPassword = 'N3w-Secret-Pass-123';
			const result = await run({
				operation: 'update',
				endpointId: byId(id),
				updateFields: { password: newPassword },
			});
			expect(result.error).toBeUndefined();
			expect(requests()[0].body).toEqual({ password: newPassword });
			expect(result.items[0].json).toEqual({
				accepted: true,
				status: 202,
				endpointId: id,
				fieldsSent: ['password'],
			});
			expect(JSON.stringify(result.items)).not.toContain(newPassword);
			expect(env.sandbox.devices.vendorPassword('vobiz', id)).toBe(newPassword);

			const signedOut = await run({ operation: 'get', endpointId: byId(id) });
			expect(signedOut.items[0].json).toMatchObject({
				sip_registered: 'false',
				sip_contact: null,
				sip_expires: null,
				sip_user_agent: null,
			});

			env.sandbox.devices.provision('vobiz', id, newPassword);
			const registered = await run({ operation: 'get', endpointId: byId(id) });
			expect(registered.items[0].json).toMatchObject({
				sip_registered: 'true',
				sip_contact: 'sip:ext1001@192.0.2.10:5060;transport=udp',
				sip_user_agent: 'Linphone/5.2.0',
			});
			expect(registered.items[0].json.sip_expires).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		});

		it('refuses a 7-character password before any request, naming the field and the item, without echoing it', async () => {
			const result = await run({
				operation: 'update',
				endpointId: byId(seededIds[0]),
				updateFields: { password: 'Short7!' },
			});
			expect(result.error?.message).toBe(
				'"Password" must be at least 8 characters long; this value has 7 (item 0)',
			);
			expect(result.error?.description).toContain('Nothing was sent');
			expect(
				JSON.stringify({ message: result.error?.message, description: result.error?.description }),
			).not.toContain('Short7!');
			expect(requests()).toHaveLength(0);
		});

		it('with several items, only the item with the short password fails, and it names that item', async () => {
			const result = await run(
				{
					operation: 'update',
					endpointId: byId('={{ $json.id }}'),
					updateFields: {
						password: '={{ $itemIndex === 2 ? "Tiny-7!" : "Long-Enough-" + $itemIndex }}',
					},
				},
				{
					continueOnFail: true,
					items: [{ id: seededIds[0] }, { id: seededIds[1] }, { id: seededIds[2] }],
				},
			);
			expect(result.items).toHaveLength(3);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				[0, 1, 2].map((item) => ({ item })),
			);
			expect(result.items[0].json).toMatchObject({ accepted: true, endpointId: seededIds[0] });
			expect(result.items[2].json.error).toBe(
				'"Password" must be at least 8 characters long; this value has 7 (item 2)',
			);
			expect(
				requests()
					.map((request) => request.path)
					.sort(),
			).toEqual(
				[seededIds[0], seededIds[1]].map((id) => `${accountPath()}/Endpoint/${id}/`).sort(),
			);
		});

		it('refuses an update that sets nothing, and a non-numeric application ID, before any request', async () => {
			const empty = await run({
				operation: 'update',
				endpointId: byId(seededIds[0]),
				updateFields: {},
			});
			expect(empty.error?.message).toBe('No field to change was set (item 0)');
			const notNumeric = await run({
				operation: 'update',
				endpointId: byId(seededIds[0]),
				updateFields: { application: byId('abc') },
			});
			expect(notNumeric.error?.message).toBe('"Application" must be a number, got "abc" (item 0)');
			expect(requests()).toHaveLength(0);
		});

		it("shows Vobiz's own 400 detail when the application does not exist", async () => {
			const result = await run({
				operation: 'update',
				endpointId: byId(seededIds[0]),
				updateFields: { application: byId('99999999') },
			});
			expect(requests()[0].body).toEqual({ application: 99999999 });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe('Vobiz Update Endpoint failed: Vobiz answered HTTP 400');
			expect(result.error?.description).toContain(
				'Vobiz said: invalid request parameters (application: Application 99999999 does not exist)',
			);
			expect(result.error?.httpCode).toBe('400');
		});

		it('refuses "." and ".." as an endpoint ID instead of sending them into the path', async () => {
			const result = await run({
				operation: 'update',
				endpointId: byId('..'),
				updateFields: { alias: 'x' },
			});
			expect(result.error?.message).toMatch(
				/^"Endpoint" has characters that are not allowed .* \(item 0\)$/,
			);
			expect(requests()).toHaveLength(0);
		});
	});

	describe('Create', () => {
		it('sends the required and added fields and outputs the new endpoint without the password', async () => {
			const result = await run({
				operation: 'create',
				username: 'johndesk',
				password: 'Cr3ate-Secret-99',
				alias: 'John-Desk',
				additionalFields: {
					application: fromList('98765434'),
					allowVideo: true,
					allowOtherDomains: true,
				},
			});
			expect(result.error).toBeUndefined();
			const [request] = requests();
			expect([request.method, request.path]).toEqual(['POST', `${accountPath()}/Endpoint/`]);
			expect(request.headers['x-auth-id']).toBe(authId);
			expect(request.body).toEqual({
				username: 'johndesk',
				password: 'Cr3ate-Secret-99',
				alias: 'John-Desk',
				application: 98765434,
				allow_video: true,
				allow_other_domains: true,
			});
			const created = result.items[0].json;
			expect(created).toEqual({
				alias: 'John-Desk',
				endpoint_id: expect.any(String),
				username: 'johndesk',
			});
			expect(JSON.stringify(result.items)).not.toContain('Cr3ate-Secret-99');

			const read = await run({ operation: 'get', endpointId: byId(created.endpoint_id as string) });
			expect(read.items[0].json).toMatchObject({
				username: 'johndesk',
				sip_registered: 'true',
				allow_video: true,
				allow_other_domains: true,
				allow_phones: true,
				application: { app_id: '98765434' },
			});
		});

		it("accepts Vobiz's older create answer (201 with message, sip_uri, resource_uri) and completes it", async () => {
			env.sandbox.injectFault({
				vendor: 'vobiz',
				mode: 'status',
				method: 'POST',
				status: 201,
				body: {
					api_id: 'a1b2c3',
					message: 'created',
					endpoint_id: '55550001',
					sip_uri: 'sip:olddocs@sip.vobiz.ai',
					resource_uri: `/api/v1/Account/${authId}/Endpoint/55550001/`,
				},
			});
			const result = await run({
				operation: 'create',
				username: 'olddocs',
				password: 'Old-Docs-Pass-1',
				alias: 'Old-Docs',
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toEqual({
				api_id: 'a1b2c3',
				message: 'created',
				endpoint_id: '55550001',
				sip_uri: 'sip:olddocs@sip.vobiz.ai',
				resource_uri: `/api/v1/Account/${authId}/Endpoint/55550001/`,
				username: 'olddocs',
				alias: 'Old-Docs',
			});
		});

		it('fails clearly when a 2xx answer carries no endpoint_id', async () => {
			env.sandbox.injectFault({
				vendor: 'vobiz',
				mode: 'status',
				method: 'POST',
				status: 201,
				body: { api_id: 'x', message: 'created' },
			});
			const result = await run({
				operation: 'create',
				username: 'noid',
				password: 'No-Id-Pass-12',
				alias: 'No-Id',
			});
			expect(result.error?.message).toBe(
				'Vobiz Create Endpoint failed: Vobiz answered HTTP 201 with an answer of an unexpected shape',
			);
			expect(result.error?.description).not.toContain('Vobiz said:');
			expect(result.error?.description).toContain('the answer carried no endpoint_id');
		});

		it.each([
			[
				{ username: 'john.desk' },
				'"Username" has characters that are not allowed (letters and digits only) (item 0)',
			],
			[
				{ alias: 'John Desk' },
				'"Alias" has characters that are not allowed (letters, digits, "-" and "_") (item 0)',
			],
			[
				{ password: 'Seven77' },
				'"Password" must be at least 8 characters long; this value has 7 (item 0)',
			],
			// An expression that resolves to nothing gets past n8n's own required-parameter check.
			[{ username: '={{ "" }}' }, '"Username" is required (item 0)'],
		])('refuses %j before any request', async (override, message) => {
			const result = await run({
				operation: 'create',
				username: 'valid1',
				password: 'Valid-Pass-123',
				alias: 'Valid-Alias',
				...override,
			});
			expect(result.error?.message).toBe(message);
			expect(requests()).toHaveLength(0);
		});

		it("shows Vobiz's error envelope (409, duplicate username) in the description", async () => {
			const result = await run({
				operation: 'create',
				username: 'ext1000',
				password: 'Dup-Pass-1234',
				alias: 'Dup',
			});
			expect(result.error?.message).toBe('Vobiz Create Endpoint failed: Vobiz answered HTTP 409');
			expect(result.error?.description).toContain(
				'Vobiz said: An endpoint with username ext1000 already exists. [DUPLICATE_USERNAME]',
			);
			expect(result.error?.description).not.toContain('Dup-Pass-1234');
		});
	});

	describe('Get', () => {
		it('reads one endpoint with its registration fields and the expanded application', async () => {
			const id = seededIds[2];
			const result = await run({ operation: 'get', endpointId: byId(id) });
			expect(result.error).toBeUndefined();
			expect([requests()[0].method, requests()[0].path]).toEqual([
				'GET',
				`${accountPath()}/Endpoint/${id}/`,
			]);
			expect(requests()[0].rawBody).toBe('');
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({
				endpoint_id: id,
				username: 'ext1002',
				alias: 'Desk-1002',
				sip_uri: 'sip:ext1002@sip.vobiz.ai',
				sip_registered: 'true',
				sip_contact: 'sip:ext1002@192.0.2.10:5060;transport=udp',
				sip_user_agent: 'Linphone/5.2.0',
				application: { app_id: '98765434', app_name: 'Sales queue' },
			});
			expect(result.items[0].json).not.toHaveProperty('password');
		});

		it("turns Vobiz's bare 404 into a NodeApiError that names the operation and the status", async () => {
			const result = await run({ operation: 'get', endpointId: byId('11111111') });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe('Vobiz Get Endpoint failed: Vobiz answered HTTP 404');
			expect(result.error?.description).toMatch(/^Nothing was found at that ID or path/);
			expect(result.error?.httpCode).toBe('404');
		});

		it('with Continue On Fail, 5 items of which 2 fail give 5 items with correct pairedItem', async () => {
			const ids = [seededIds[0], '11111111', seededIds[1], '22222222', seededIds[2]];
			const result = await run(
				{ operation: 'get', endpointId: byId('={{ $json.id }}') },
				{ continueOnFail: true, items: ids.map((id) => ({ id })) },
			);
			expectOneItemPerInput(result, [false, true, false, true, false]);
			expect(result.items[1].json.error).toBe('Vobiz Get Endpoint failed: Vobiz answered HTTP 404');
			expect(result.items[4].json.endpoint_id).toBe(seededIds[2]);
		});
	});

	describe('rate limiting', () => {
		it("waits out Vobiz's 429 (which carries no Retry-After) and then succeeds", async () => {
			env.sandbox.configure({ rateLimits: { vobiz: 1 } });
			try {
				const result = await run(
					{
						operation: 'get',
						endpointId: byId('={{ $json.id }}'),
						rateLimiting: { requestsPerSecond: 50 },
					},
					{ items: [{ id: seededIds[0] }, { id: seededIds[1] }] },
				);
				expect(result.error).toBeUndefined();
				expect(result.items.map((item) => item.json.endpoint_id)).toEqual([
					seededIds[0],
					seededIds[1],
				]);
				expect(requests().map((request) => request.status)).toEqual([200, 429, 200]);
			} finally {
				env.sandbox.configure({ rateLimits: { vobiz: 0 } });
			}
		});
	});

	describe('Get Many', () => {
		it('with Return All pages by limit/offset until meta.total_count', async () => {
			const result = await run({ operation: 'getAll', returnAll: true });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(130);
			expect(new Set(result.items.map((item) => item.json.endpoint_id)).size).toBe(130);
			expect(requests().map((request) => [request.path, request.query])).toEqual([
				[`${accountPath()}/Endpoint/`, { limit: '100', offset: '0' }],
				[`${accountPath()}/Endpoint/`, { limit: '100', offset: '100' }],
			]);
			expect(JSON.stringify(result.items)).not.toContain('"password"');
		});

		it('with a Limit asks for only that many', async () => {
			const result = await run({ operation: 'getAll', returnAll: false, limit: 7 });
			expect(result.items).toHaveLength(7);
			expect(requests()).toHaveLength(1);
			expect(requests()[0].query).toEqual({ limit: '7', offset: '0' });
		});

		it("sends the documented filters as Vobiz's query parameters", async () => {
			const withoutApp = await run({
				operation: 'getAll',
				returnAll: true,
				filters: { usernameStartsWith: 'ext10', applicationIsNull: true },
			});
			expect(requests()[0].query).toEqual({
				limit: '100',
				offset: '0',
				username__startswith: 'ext10',
				application_id__isnull: 'true',
			});
			// ext1009, ext1019, … ext1099: every tenth seeded endpoint has no application.
			expect(withoutApp.items.map((item) => item.json.username)).toEqual(
				Array.from({ length: 10 }, (_, n) => `ext${1009 + n * 10}`),
			);
			expect(withoutApp.items.every((item) => item.json.application === null)).toBe(true);

			env.sandbox.clearRequests();
			const byApp = await run({
				operation: 'getAll',
				returnAll: true,
				filters: { application: fromList('98765433'), aliasContains: 'Desk-100' },
			});
			expect(requests()[0].query).toMatchObject({
				application_id__exact: '98765433',
				alias__contains: 'Desk-100',
			});
			expect(byApp.items.map((item) => item.json.username)).toEqual([
				'ext1001',
				'ext1004',
				'ext1007',
			]);
		});

		it('refuses a non-numeric application filter before any request', async () => {
			const result = await run({
				operation: 'getAll',
				returnAll: true,
				filters: { application: byId('sales') },
			});
			expect(result.error?.message).toBe('"Application" must be a number, got "sales" (item 0)');
			expect(requests()).toHaveLength(0);
		});
	});

	describe('Delete', () => {
		it('answers { deleted: true } on 204 and the endpoint and its device are gone', async () => {
			const id = seededIds[3];
			const result = await run({ operation: 'delete', endpointId: byId(id) });
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json)).toEqual([{ deleted: true }]);
			expect([requests()[0].method, requests()[0].path, requests()[0].status]).toEqual([
				'DELETE',
				`${accountPath()}/Endpoint/${id}/`,
				204,
			]);
			expect(env.sandbox.devices.has('vobiz', id)).toBe(false);
			const again = await run({ operation: 'get', endpointId: byId(id) });
			expect(again.error?.httpCode).toBe('404');
		});
	});

	describe('credential', () => {
		it('the test passes with the sample credential and fails with a wrong token, saying what 401 means', async () => {
			const { credentials } = env.sandbox.endpoints().vobiz;
			expect(await env.testCredential('vobizSipApi', credentials as any)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const wrong = await env.testCredential('vobizSipApi', {
				...(credentials as any),
				authToken: 'wrong-token-value',
			});
			expect(wrong).toEqual({
				status: 'Error',
				message:
					'Vobiz rejected the Auth ID or Auth Token (401). Copy both again from the Vobiz console; the Auth ID looks like MA_XXXXXXXX.',
			});
			// n8n-core retries once after any 401, as in a real n8n.
			expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([
				'GET /api/v1/auth/me',
				'GET /api/v1/auth/me',
				'GET /api/v1/auth/me',
			]);
		});

		it("a wrong token on an operation shows Vobiz's 401 envelope, never the token", async () => {
			const wrong = env.credential('vobiz', 'vobizSipApi', { authToken: 'not-the-real-token' });
			const result = await env.run({
				node: 'vobiz',
				credential: wrong,
				parameters: { resource: 'endpoint', operation: 'get', endpointId: byId(seededIds[0]) },
			});
			expect(result.error?.message).toBe('Vobiz Get Endpoint failed: Vobiz answered HTTP 401');
			expect(result.error?.description).toContain(
				'Vobiz said: Invalid Auth ID or Auth Token. [UNAUTHORIZED]',
			);
			expect(JSON.stringify(result.error)).not.toContain('not-the-real-token');
		});

		it('an Auth ID of ".." is refused before it can change the path', async () => {
			const dots = env.credential('vobiz', 'vobizSipApi', { authId: '..' });
			const result = await env.run({
				node: 'vobiz',
				credential: dots,
				parameters: { resource: 'endpoint', operation: 'getAll', returnAll: true },
			});
			expect(result.error?.message).toMatch(
				/^The credential's "Auth ID" cannot be used in a Vobiz URL/,
			);
			expect(requests()).toHaveLength(0);
		});

		it('plain http to a host other than localhost is refused before the token is sent', async () => {
			const remote = env.credential('vobiz', 'vobizSipApi', {
				baseUrl: 'http://api.vobiz.example',
			});
			const result = await env.run({
				node: 'vobiz',
				credential: remote,
				parameters: { resource: 'endpoint', operation: 'get', endpointId: byId(seededIds[0]) },
			});
			expect(result.error?.message).toContain('must use https://');
			expect(requests()).toHaveLength(0);
		});
	});
});
