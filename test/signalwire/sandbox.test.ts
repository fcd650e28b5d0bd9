import { request as httpRequest } from 'node:http';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: any;
}

/** The SignalWire simulator spoken to directly, the way the node's credential does it. */
describe('SignalWire simulator', () => {
	let sandbox: Sandbox;
	let baseUrl: string;
	let authorization: string;

	const call = (
		method: string,
		path: string,
		options: { body?: unknown; headers?: Record<string, string> } = {},
	) =>
		new Promise<Answer>((resolve, reject) => {
			const url = new URL(path.startsWith('http') ? path : `${baseUrl}${path}`);
			const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
			const outgoing = httpRequest(
				url,
				{
					method,
					headers: {
						host: 'example.signalwire.com',
						authorization,
						...(payload ? { 'content-type': 'application/json' } : {}),
						...options.headers,
					},
				},
				(response) => {
					let text = '';
					response.on('data', (chunk) => (text += chunk));
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							headers: response.headers,
							text,
							json: text ? JSON.parse(text) : undefined,
						}),
					);
				},
			);
			outgoing.on('error', reject);
			outgoing.end(payload);
		});

	beforeAll(async () => {
		sandbox = await startSandbox();
		const { credentials } = sandbox.endpoints().signalwire;
		baseUrl = String(credentials.baseUrl);
		authorization = `Basic ${Buffer.from(`${credentials.projectId}:${credentials.apiToken}`).toString('base64')}`;
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	it('reads the Space from the Host header and says so when it is missing', async () => {
		const answer = await call('GET', '/api/relay/rest/sip_profile', {
			headers: { host: '127.0.0.1' },
		});
		expect(answer.status).toBe(421);
		expect(answer.json.sandboxError).toContain('Host: example.signalwire.com');
	});

	it('answers 401 {"error":"Unauthorized"} without or with wrong Basic credentials', async () => {
		for (const header of [
			'',
			'Basic ' + Buffer.from('someone:PTx').toString('base64'),
			'Bearer abc',
		]) {
			const answer = await call('GET', '/api/relay/rest/sip_profile', {
				headers: { authorization: header },
			});
			expect([answer.status, answer.json]).toEqual([401, { error: 'Unauthorized' }]);
		}
	});

	it('uses the spec status codes: PUT profile 201, POST endpoint 200, DELETE 204 with an empty body', async () => {
		expect(
			(
				await call('PUT', '/api/relay/rest/sip_profile', {
					body: { default_encryption: 'required' },
				})
			).status,
		).toBe(201);
		const created = await call('POST', '/api/relay/rest/endpoints/sip', {
			body: { username: 'r2d2', password: 'beep-boop-99' },
		});
		expect(created.status).toBe(200);
		const removed = await call('DELETE', `/api/relay/rest/endpoints/sip/${created.json.id}`);
		expect([removed.status, removed.text]).toEqual([204, '']);
		expect((await call('GET', `/api/relay/rest/endpoints/sip/${created.json.id}`)).json).toEqual({
			error: 'Not Found',
		});
	});

	it('accepts null for default_send_as, as the spec text allows despite its string type', async () => {
		const answer = await call('PUT', '/api/relay/rest/sip_profile', {
			body: { default_send_as: null },
		});
		expect([answer.status, answer.json.default_send_as]).toEqual([201, '']);
	});

	it('refuses fields outside the spec with the relay 422 shape', async () => {
		const id = (sandbox.endpoints().signalwire.seeded.sipEndpointIds as string[])[0];
		const answer = await call('PUT', `/api/relay/rest/endpoints/sip/${id}`, {
			body: { nickname: 'x', encryption: 'always' },
		});
		expect(answer.status).toBe(422);
		expect(answer.json).toEqual({
			errors: [
				{
					detail: 'Nickname is not a permitted attribute',
					status: '422',
					title: 'Invalid Attribute',
					code: '422',
				},
				{
					detail: 'Encryption is not included in the list',
					status: '422',
					title: 'Invalid Attribute',
					code: '422',
				},
			],
		});
	});

	it('refuses bad Fabric values with the Fabric 422 shape, as in the spec example', async () => {
		const id = (sandbox.endpoints().signalwire.seeded.sipAddressIds as string[])[0];
		const answer = await call('PATCH', `/api/fabric/sip_addresses/${id}`, {
			body: { encryption: 'always' },
		});
		expect([answer.status, answer.json]).toEqual([
			422,
			{
				errors: [
					{
						type: 'validation_error',
						code: 'invalid_parameter',
						message: 'Encryption must be one of: required, optional, forbidden',
						attribute: 'encryption',
						url: 'https://signalwire.com/docs/apis/error-codes#invalid_parameter',
					},
				],
			},
		]);
		const calling = await call('PATCH', `/api/fabric/sip_addresses/${id}`, {
			body: { calling_handler_resource_id: '1f2e3d4c-5b6a-4980-a1b2-c3d4e5f60718' },
		});
		expect(calling.json.errors[0]).toMatchObject({
			attribute: 'calling_handler_resource_id',
			code: 'invalid_parameter',
		});
	});

	it('pages with links: next carries a PA token and the filters, prev a PB token back to the same page', async () => {
		const first = await call(
			'GET',
			'/api/relay/rest/endpoints/sip?page_size=2&filter_caller_id=desk',
		);
		expect(first.json.data.map((endpoint: any) => endpoint.username)).toEqual([
			'ext1000',
			'ext1003',
		]);
		expect(first.json.links.prev).toBeUndefined();
		const next = new URL(first.json.links.next);
		expect(Object.fromEntries(next.searchParams)).toEqual({
			page_number: '1',
			page_size: '2',
			page_token: `PA${first.json.data[1].id}`,
			filter_caller_id: 'desk',
		});
		const second = await call('GET', first.json.links.next);
		expect(second.json.data.map((endpoint: any) => endpoint.username)).toEqual([
			'ext1006',
			'ext1009',
		]);
		const back = await call('GET', second.json.links.prev);
		expect(back.json.data).toEqual(first.json.data);
	});

	it('page errors: a page number without a token (relay shape), an unknown token (Fabric shape)', async () => {
		const relay = await call('GET', '/api/relay/rest/endpoints/sip?page_number=2');
		expect([relay.status, relay.json.errors[0].detail]).toEqual([
			422,
			'Page token is required when page number is greater than 0',
		]);
		const fabric = await call('GET', '/api/fabric/sip_addresses?page_number=1&page_token=PAnope');
		expect(fabric.json.errors[0]).toMatchObject({
			code: 'page_token_is_invalid',
			message: 'Page token is invalid',
			attribute: null,
		});
		const size = await call('GET', '/api/fabric/sip_addresses?page_size=1001');
		expect(size.json.errors[0]).toMatchObject({ attribute: 'page_size' });
	});

	it('never returns a password, in lists or single objects', async () => {
		const endpoints = await call('GET', '/api/relay/rest/endpoints/sip?page_size=1000');
		const addresses = await call('GET', '/api/fabric/sip_addresses?page_size=1000');
		expect(endpoints.json.data).toHaveLength(250);
		expect(addresses.json.items_count).toBe(120);
		for (const answer of [endpoints, addresses]) {
			expect(answer.text).not.toMatch(/"password"/);
			for (const secret of sandbox.secrets()) expect(answer.text).not.toContain(secret);
		}
	});

	it('404s IDs that are not UUIDs and paths it does not serve', async () => {
		expect((await call('GET', '/api/relay/rest/endpoints/sip/..%2Fx')).json).toEqual({
			error: 'Not Found',
		});
		expect((await call('GET', '/api/relay/rest/endpoints/sip/')).status).toBe(404);
		expect((await call('POST', '/api/relay/rest/sip_profile', { body: {} })).status).toBe(404);
	});

	it('rate-limits writes per Space with a 429 and leaves reads alone', async () => {
		sandbox.configure({ rateLimits: { signalwire: 2 } });
		try {
			const puts = [];
			for (let n = 0; n < 3; n++)
				puts.push(
					await call('PUT', '/api/relay/rest/sip_profile', {
						body: { domain_identifier: `d${n}` },
					}),
				);
			expect(puts.map((answer) => answer.status)).toEqual([201, 201, 429]);
			expect(puts[2].json).toEqual({ error: 'Too Many Requests' });
			const gets = [];
			for (let n = 0; n < 5; n++)
				gets.push((await call('GET', '/api/relay/rest/sip_profile')).status);
			expect(gets).toEqual([200, 200, 200, 200, 200]);
		} finally {
			sandbox.configure({ rateLimits: { signalwire: 1380 } });
		}
	});

	it('simulates registration: seeded devices are registered; a password change drops them until provisioned', async () => {
		const id = (sandbox.endpoints().signalwire.seeded.sipEndpointIds as string[])[0];
		expect(sandbox.devices.state('signalwire', id).registered).toBe(true);
		await call('PUT', `/api/relay/rest/endpoints/sip/${id}`, {
			body: { password: 'fresh-Pass-2026' },
		});
		expect(sandbox.devices.state('signalwire', id).registered).toBe(false);
		sandbox.devices.provision('signalwire', id, 'fresh-Pass-2026');
		expect(sandbox.devices.state('signalwire', id).registered).toBe(true);
	});
});
