import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

interface Answer {
	status: number;
	text: string;
	json: any;
	headers: Headers;
}

/**
 * The Vobiz simulator over plain HTTP, the way any client sees it: it has to hold the node to
 * Vobiz's documented contract (https://docs.vobiz.ai/endpoint/update-endpoint), so these pin that contract down.
 */
describe('vendor sandbox: Vobiz contract', () => {
	let sandbox: Sandbox;
	let authId: string;
	let authToken: string;
	let id: string;

	async function call(
		method: string,
		pathname: string,
		options: { headers?: Record<string, string> | null; body?: unknown; rawBody?: string } = {},
	): Promise<Answer> {
		const auth =
			options.headers === undefined
				? { 'X-Auth-ID': authId, 'X-Auth-Token': authToken }
				: (options.headers ?? {});
		const response = await fetch(`${sandbox.url}/vobiz${pathname}`, {
			method,
			headers: { ...auth, 'content-type': 'application/json' },
			body:
				options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
		});
		const text = await response.text();
		let json: any;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, text, json, headers: response.headers };
	}
	const endpointPath = (endpointId: string) => `/api/v1/Account/${authId}/Endpoint/${endpointId}/`;

	beforeAll(async () => (sandbox = await startSandbox()));
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		const vobiz = sandbox.endpoints().vobiz;
		authId = vobiz.credentials.authId as string;
		authToken = vobiz.credentials.authToken as string;
		id = (vobiz.seeded.endpointIds as string[])[0];
	});

	it('answers 401 with the error envelope for missing or wrong X-Auth-ID / X-Auth-Token', async () => {
		const missing = await call('GET', '/api/v1/auth/me', { headers: null });
		expect(missing.status).toBe(401);
		expect(missing.json).toMatchObject({
			status: 'error',
			error: { code: 'UNAUTHORIZED' },
			requestId: expect.stringMatching(/^req_/),
		});
		const wrong = await call('GET', '/api/v1/auth/me', {
			headers: { 'X-Auth-ID': authId, 'X-Auth-Token': 'nope' },
		});
		expect(wrong).toMatchObject({
			status: 401,
			json: { error: { message: 'Invalid Auth ID or Auth Token.' } },
		});
		const tokenOnly = await call('GET', `/api/v1/Account/${authId}/Endpoint/`, {
			headers: { 'X-Auth-Token': authToken },
		});
		expect(tokenOnly.status).toBe(401);
	});

	it('serves the account on /api/v1/auth/me with the secret redacted', async () => {
		const me = await call('GET', '/api/v1/auth/me');
		expect(me.status).toBe(200);
		expect(me.json).toMatchObject({ auth_id: authId, auth_secret: '<redacted>' });
		expect(me.text).not.toContain(authToken);
	});

	it('answers a bare 404 to a lowercase segment or a missing trailing slash', async () => {
		for (const pathname of [
			`/api/v1/account/${authId}/Endpoint/`,
			`/api/v1/Account/${authId}/endpoint/`,
			`/api/v1/Account/${authId}/Endpoint`,
			`/api/v1/Account/${authId}/Endpoint/${id}`,
		]) {
			const answer = await call('GET', pathname);
			expect([pathname, answer.status, answer.text]).toEqual([pathname, 404, '']);
		}
		expect((await call('GET', endpointPath(id))).status).toBe(200);
	});

	it("refuses an Auth ID in the path that is not the caller's, and methods Vobiz does not document", async () => {
		const otherAccount = await call('GET', '/api/v1/Account/MA_OTHER0000/Endpoint/');
		expect(otherAccount.status).toBe(401);
		const patch = await call('PATCH', endpointPath(id), { body: { alias: 'x' } });
		expect(patch).toMatchObject({ status: 405, json: { error: { code: 'METHOD_NOT_ALLOWED' } } });
		const put = await call('PUT', endpointPath(id), { body: { alias: 'x' } });
		expect(put.status).toBe(405);
	});

	it('update: 202 with an empty body, only the sent fields change', async () => {
		const before = (await call('GET', endpointPath(id))).json;
		const update = await call('POST', endpointPath(id), {
			body: { alias: "John's Updated Desktop Phone", allow_video: true },
		});
		expect(update.status).toBe(202);
		expect(update.text).toBe('');
		expect(update.headers.get('content-type')).toBeNull();
		const after = (await call('GET', endpointPath(id))).json;
		expect(after).toEqual({
			...before,
			alias: "John's Updated Desktop Phone",
			allow_video: true,
			updated_at: expect.any(String),
			// The phone re-registers on its own between the two reads; its registrar expiry moves with it.
			sip_expires: expect.any(String),
		});
	});

	it('update: the documented 400 for a short password, a 400 for an unknown application, locked and unknown fields', async () => {
		const short = await call('POST', endpointPath(id), { body: { password: 'Short7!' } });
		expect(short.status).toBe(400);
		expect(short.json).toEqual({
			error: 'invalid request parameters',
			details: { password: 'Password must be at least 8 characters' },
		});
		const unknownApp = await call('POST', endpointPath(id), { body: { application: 12345 } });
		expect(unknownApp).toMatchObject({
			status: 400,
			json: { details: { application: 'Application 12345 does not exist' } },
		});
		const textApp = await call('POST', endpointPath(id), { body: { application: '98765433' } });
		expect(textApp).toMatchObject({
			status: 400,
			json: { details: { application: 'Application must be an integer app_id' } },
		});
		const locked = await call('POST', endpointPath(id), {
			body: { username: 'renamed', allow_phones: false, colour: 'red' },
		});
		expect(locked.status).toBe(400);
		expect(Object.keys(locked.json.details).sort()).toEqual(['allow_phones', 'colour', 'username']);
		expect(locked.json.details.username).toBe(
			'username cannot be changed after the endpoint is created',
		);
		const notJson = await call('POST', endpointPath(id), { rawBody: 'alias=x' });
		expect(notJson.status).toBe(400);
		expect((await call('POST', endpointPath('11111111'), { body: { alias: 'x' } })).status).toBe(
			404,
		);
	});

	it('a password change signs the device out until it is given the new password', async () => {
		expect((await call('GET', endpointPath(id))).json.sip_registered).toBe('true');
		expect(
			(await call('POST', endpointPath(id), { body: { password: 'Brand-New-Pass-1' } })).status,
		).toBe(202);
		const signedOut = (await call('GET', endpointPath(id))).json;
		expect(signedOut).toMatchObject({
			sip_registered: 'false',
			sip_contact: null,
			sip_expires: null,
			sip_user_agent: null,
		});
		sandbox.devices.provision('vobiz', id, 'Brand-New-Pass-1');
		expect((await call('GET', endpointPath(id))).json.sip_registered).toBe('true');
	});

	it('delete: 204 with an empty body, then a bare 404', async () => {
		const removed = await call('DELETE', endpointPath(id));
		expect([removed.status, removed.text]).toEqual([204, '']);
		expect(sandbox.devices.has('vobiz', id)).toBe(false);
		const again = await call('DELETE', endpointPath(id));
		expect([again.status, again.text]).toEqual([404, '']);
	});

	it('create: validates the documented rules, answers the current shape, refuses a duplicate username with 409', async () => {
		const endpoints = `/api/v1/Account/${authId}/Endpoint/`;
		const invalid = await call('POST', endpoints, {
			body: { username: 'john.desk', password: 'short', alias: 'John Desk' },
		});
		expect(invalid.status).toBe(400);
		expect(Object.keys(invalid.json.details).sort()).toEqual(['alias', 'password', 'username']);
		const created = await call('POST', endpoints, {
			body: { username: 'johndesk', password: 'Long-Enough-1', alias: 'John-Desk' },
		});
		expect(created.status).toBe(201);
		expect(created.json).toEqual({
			alias: 'John-Desk',
			endpoint_id: expect.stringMatching(/^\d+$/),
			username: 'johndesk',
		});
		const read = (await call('GET', endpointPath(created.json.endpoint_id))).json;
		// No application given: the account's default endpoint application.
		expect(read.application).toMatchObject({ app_id: '98765432' });
		expect(JSON.stringify(read)).not.toContain('Long-Enough-1');
		const duplicate = await call('POST', endpoints, {
			body: { username: 'johndesk', password: 'Long-Enough-2', alias: 'Again' },
		});
		expect(duplicate).toMatchObject({
			status: 409,
			json: { status: 'error', error: { code: 'DUPLICATE_USERNAME' } },
		});
	});

	it('list: limit (default 20, at most 100) / offset paging with meta, never a password', async () => {
		const endpoints = `/api/v1/Account/${authId}/Endpoint/`;
		const first = await call('GET', endpoints);
		expect(first.json.objects).toHaveLength(20);
		expect(first.json.meta).toEqual({
			limit: 20,
			offset: 0,
			total_count: 130,
			next: `${endpoints}?limit=20&offset=20`,
			previous: null,
		});
		expect(Object.keys(first.json.objects[0]).sort()).toEqual(
			[
				'alias',
				'application',
				'endpoint_id',
				'resource_uri',
				'sip_registered',
				'sip_uri',
				'sub_account',
				'username',
			].sort(),
		);
		const last = await call('GET', `${endpoints}?limit=100&offset=100`);
		expect(last.json.objects).toHaveLength(30);
		expect(last.json.meta.next).toBeNull();
		expect((await call('GET', `${endpoints}?limit=101`)).status).toBe(400);
		for (const answer of [first, last]) expect(answer.text).not.toContain('password');
		for (const secret of sandbox.secrets()) expect(first.text + last.text).not.toContain(secret);
	});

	it('list: documented filters', async () => {
		const endpoints = `/api/v1/Account/${authId}/Endpoint/`;
		const exact = await call('GET', `${endpoints}?username__exact=ext1042`);
		expect(exact.json.objects.map((endpoint: any) => endpoint.alias)).toEqual(['Desk-1042']);
		const noApp = await call('GET', `${endpoints}?application_id__isnull=true&limit=100`);
		expect(noApp.json.meta.total_count).toBe(13);
		const app = await call('GET', `${endpoints}?application_id__exact=98765432&limit=100`);
		expect(
			app.json.objects.every(
				(endpoint: any) =>
					endpoint.application === `/api/v1/Account/${authId}/Application/98765432/`,
			),
		).toBe(true);
		expect((await call('GET', `${endpoints}?application_id__exact=abc`)).status).toBe(400);
	});

	it('rate limiting, when configured, answers 429 with the envelope and no Retry-After (Vobiz documents none)', async () => {
		sandbox.configure({ rateLimits: { vobiz: 2 } });
		try {
			const answers = await Promise.all(
				Array.from({ length: 4 }, () => call('GET', '/api/v1/auth/me')),
			);
			const limited = answers.filter((answer) => answer.status === 429);
			expect(limited).toHaveLength(2);
			expect(limited[0].json).toMatchObject({
				status: 'error',
				error: { code: 'RATE_LIMIT_EXCEEDED' },
			});
			expect(limited[0].headers.get('retry-after')).toBeNull();
		} finally {
			sandbox.configure({ rateLimits: { vobiz: 0 } });
		}
	});
});
