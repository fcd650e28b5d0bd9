import { capturedLogLines } from '../harness/run';
import { byId } from '../harness/locator';
import { resourceSuite } from '../harness/resourceSuite';
import { expectOneItemPerInput } from '../harness/continueOnFail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('SignalWire SIP Endpoint (relay, legacy) on the engine, against the sandbox', () => {
	const suite = resourceSuite({
		vendor: 'signalwire',
		node: 'signalWire',
		credentialType: 'signalWireSipApi',
		resource: 'sipEndpoint',
	});
	const { run } = suite;
	let seededIds: string[];
	let seededCount: number;

	beforeEach(() => {
		const { seeded } = suite;
		seededIds = seeded.sipEndpointIds as string[];
		seededCount = seeded.sipEndpointCount as number;
	});

	it('Create sends POST with the required and additional fields; the output has no password', async () => {
		const result = await run({
			operation: 'create',
			username: 'c3p0',
			password: 'yavin-Or-Bust-42',
			additionalFields: {
				callerId: 'C-3P0',
				sendAs: 'random',
				codecs: ['OPUS', 'PCMU'],
				ciphers: ['AEAD_AES_256_GCM_8'],
				encryption: 'required',
				callHandler: 'relay_context',
				callRelayContext: 'office',
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = suite.env.sandbox.requests('signalwire');
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/relay/rest/endpoints/sip',
			200,
		]);
		expect(request.body).toEqual({
			username: 'c3p0',
			password: 'yavin-Or-Bust-42',
			caller_id: 'C-3P0',
			send_as: 'random',
			codecs: ['OPUS', 'PCMU'],
			ciphers: ['AEAD_AES_256_GCM_8'],
			encryption: 'required',
			call_handler: 'relay_context',
			call_relay_context: 'office',
		});
		const [item] = result.items;
		expect(item.json).toMatchObject({
			type: 'sip_endpoint',
			username: 'c3p0',
			caller_id: 'C-3P0',
			encryption: 'required',
			call_handler: 'relay_context',
			call_relay_context: 'office',
		});
		expect(item.json.id).toMatch(UUID);
		expect(item.json).not.toHaveProperty('password');
		expect(JSON.stringify(result.items)).not.toContain('yavin-Or-Bust-42');
		expect(suite.env.sandbox.devices.vendorPassword('signalwire', String(item.json.id))).toBe(
			'yavin-Or-Bust-42',
		);
	});

	it('Get returns one endpoint by ID', async () => {
		const result = await run({ operation: 'get', endpointId: byId(seededIds[3]) });
		expect(result.items.map((item) => item.json.username)).toEqual(['ext1003']);
		const [request] = suite.env.sandbox.requests('signalwire');
		expect([request.method, request.path]).toEqual([
			'GET',
			`/api/relay/rest/endpoints/sip/${seededIds[3]}`,
		]);
	});

	it('Get Many with Return All follows links.next across pages of 100', async () => {
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(seededCount).toBe(250);
		expect(result.items).toHaveLength(seededCount);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(seededCount);
		const requests = suite.env.sandbox.requests('signalwire');
		expect(requests.map((request) => request.query)).toEqual([
			{ page_size: '100' },
			{ page_number: '1', page_size: '100', page_token: `PA${result.items[99].json.id}` },
			{ page_number: '2', page_size: '100', page_token: `PA${result.items[199].json.id}` },
		]);
		expect(result.items.some((item) => 'password' in item.json)).toBe(false);
	});

	it('Get Many with a Limit asks for no more than it needs, across pages when over 100', async () => {
		const result = await run({ operation: 'getAll', returnAll: false, limit: 7 });
		expect(result.items.map((item) => item.json.username)).toEqual([
			'ext1000',
			'ext1001',
			'ext1002',
			'ext1003',
			'ext1004',
			'ext1005',
			'ext1006',
		]);
		expect(suite.env.sandbox.requests('signalwire').map((request) => request.query)).toEqual([
			{ page_size: '7' },
		]);

		suite.env.sandbox.clearRequests();
		const more = await run({ operation: 'getAll', returnAll: false, limit: 150 });
		expect(more.items.map((item) => item.json.username)).toEqual(
			Array.from({ length: 150 }, (_, n) => `ext${1000 + n}`),
		);
		expect(suite.env.sandbox.requests('signalwire')).toHaveLength(2);
	});

	it('Get Many filters by username and caller ID, and the filters survive onto the next pages', async () => {
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { username: 'ext10', callerId: 'front desk' },
		});
		expect(result.error).toBeUndefined();
		// ext1000…ext1099 whose caller ID is "Front Desk n": every third one.
		expect(result.items).toHaveLength(34);
		expect(result.items.every((item) => String(item.json.caller_id).startsWith('Front Desk'))).toBe(
			true,
		);
		expect(suite.env.sandbox.requests('signalwire').map((request) => request.query)).toEqual([
			{ filter_username: 'ext10', filter_caller_id: 'front desk', page_size: '100' },
		]);

		suite.env.sandbox.clearRequests();
		const paged = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { callerId: 'agent' },
		});
		// 166 of the 250 are "Agent n": two pages, the second reached through links.next. Had the
		// filter been lost there, "Front Desk" endpoints would appear on it.
		expect(paged.items).toHaveLength(166);
		expect(paged.items.every((item) => String(item.json.caller_id).startsWith('Agent'))).toBe(true);
		expect(suite.env.sandbox.requests('signalwire').map((request) => request.query)).toEqual([
			{ filter_caller_id: 'agent', page_size: '100' },
			{
				filter_caller_id: 'agent',
				page_number: '1',
				page_size: '100',
				page_token: `PA${paged.items[99].json.id}`,
			},
		]);
	});

	it('Update sends PUT with only the set fields, password included, and never outputs the password', async () => {
		const id = seededIds[1];
		const result = await run({
			operation: 'update',
			endpointId: byId(id),
			updateFields: { password: 'N3w-Secret-Pass-123', callerId: 'Reception' },
		});
		expect(result.error).toBeUndefined();
		const [request] = suite.env.sandbox.requests('signalwire');
		expect([request.method, request.path]).toEqual(['PUT', `/api/relay/rest/endpoints/sip/${id}`]);
		expect(request.body).toEqual({ password: 'N3w-Secret-Pass-123', caller_id: 'Reception' });
		expect(result.items[0].json).toMatchObject({ id, username: 'ext1001', caller_id: 'Reception' });
		expect(JSON.stringify(result.items)).not.toContain('N3w-Secret-Pass-123');
		expect(capturedLogLines().join('\n')).not.toContain('N3w-Secret-Pass-123');
		// The registration simulation: the device still holds the old password, so it drops off.
		expect(suite.env.sandbox.devices.vendorPassword('signalwire', id)).toBe('N3w-Secret-Pass-123');
		expect(suite.env.sandbox.devices.state('signalwire', id).registered).toBe(false);
	});

	it('Delete sends DELETE, SignalWire answers 204, and the node outputs { deleted: true }', async () => {
		const id = seededIds[4];
		const result = await run({ operation: 'delete', endpointId: byId(id) });
		expect(result.items.map((item) => item.json)).toEqual([{ deleted: true }]);
		const [request] = suite.env.sandbox.requests('signalwire');
		expect([request.method, request.path, request.status, request.rawBody]).toEqual([
			'DELETE',
			`/api/relay/rest/endpoints/sip/${id}`,
			204,
			'',
		]);
		expect(suite.env.sandbox.devices.has('signalwire', id)).toBe(false);
	});

	it('an ID typed "By ID" that is not a UUID is flagged by n8n before the run starts', async () => {
		await expect(run({ operation: 'get', endpointId: byId('..') })).rejects.toThrow(
			/node has issues:\s+- Not a valid SIP Endpoint ID/,
		);
		expect(suite.env.sandbox.requests('signalwire')).toEqual([]);
	});

	it.each(['..', '.', 'not-a-uuid', `${'0'.repeat(8)}/../x`])(
		'an endpoint ID %j from an expression fails before any request, naming the field and the item',
		async (value) => {
			const result = await run(
				{ operation: 'delete', endpointId: byId('={{ $json.id }}') },
				{ items: [{ id: value }] },
			);
			expect(result.error?.message).toBe(
				'"SIP Endpoint" has characters that are not allowed (a UUID such as 67075301-69b2-4fc3-8a2c-c95a69a5665e) (item 0)',
			);
			expect(suite.env.sandbox.requests('signalwire')).toEqual([]);
		},
	);

	it('a username with "@" fails before sending, and the password is not echoed', async () => {
		const result = await run({
			operation: 'create',
			username: 'bob@office',
			password: 'Pass-Word-991',
		});
		expect(result.error?.message).toBe(
			'"Username" has characters that are not allowed (no spaces and no "@") (item 0)',
		);
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('Pass-Word-991');
		expect(suite.env.sandbox.requests('signalwire')).toEqual([]);
	});

	it('Create without a password fails before sending', async () => {
		const result = await run({ operation: 'create', username: 'bob', password: '={{ "" }}' });
		expect(result.error?.message).toBe('"Password" is required (item 0)');
		expect(suite.env.sandbox.requests('signalwire')).toEqual([]);
	});

	it("a taken username comes back as SignalWire's relay 422 in the description, without the password", async () => {
		const result = await run({
			operation: 'create',
			username: 'ext1002',
			password: 'Dup-Secret-777',
		});
		expect(result.error?.message).toBe(
			'SignalWire Create SIP Endpoint failed: SignalWire answered HTTP 422',
		);
		expect(result.error?.description).toContain('SignalWire said: Username has already been taken');
		const { message, description } = result.error!;
		expect(JSON.stringify({ message, description, items: result.items })).not.toContain(
			'Dup-Secret-777',
		);
	});

	it('a missing handler target comes back as a relay 422 naming the field', async () => {
		const result = await run({
			operation: 'update',
			endpointId: byId(seededIds[0]),
			updateFields: { callHandler: 'laml_webhooks' },
		});
		expect(result.error?.description).toContain(
			"SignalWire said: Call request url can't be blank when call handler is laml_webhooks",
		);
	});

	it('a 404 becomes a NodeApiError with SignalWire\'s {"error":"Not Found"}', async () => {
		const result = await run({
			operation: 'get',
			endpointId: byId('67075301-69b2-4fc3-8a2c-c95a69a5665e'),
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'SignalWire Get SIP Endpoint failed: SignalWire answered HTTP 404',
		);
		expect(result.error?.description).toContain('SignalWire said: Not Found');
		expect(result.error?.httpCode).toBe('404');
	});

	it('a token without the Voice scope gets 401 "Unauthorized" with advice about scopes', async () => {
		const tokenWithoutVoice = String(
			suite.env.sandbox.endpoints().signalwire.seeded.tokenWithoutVoiceScope,
		);
		const limited = suite.env.credential('signalwire', 'signalWireSipApi', {
			apiToken: tokenWithoutVoice,
		});
		const result = await suite.env.run({
			node: 'signalWire',
			credential: limited,
			parameters: { resource: 'sipEndpoint', operation: 'getAll', limit: 1 },
		});
		expect(result.error?.message).toBe(
			'SignalWire Get Many SIP Endpoint failed: SignalWire answered HTTP 401',
		);
		expect(result.error?.description).toContain('SignalWire said: Unauthorized');
		expect(result.error?.description).toContain('scope');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain(
			tokenWithoutVoice,
		);
	});

	it('a links.next that points at another host is refused, so the credentials never leave the Space', async () => {
		suite.env.sandbox.injectFault({
			vendor: 'signalwire',
			mode: 'status',
			status: 200,
			path: '^/api/relay/rest/endpoints/sip$',
			body: {
				links: { self: 'x', first: 'x', next: 'https://evil.example.com/steal' },
				data: [{ id: 'a', username: 'a' }],
			},
		});
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error?.message).toBe(
			"SignalWire Get Many SIP Endpoint failed: a link in SignalWire's answer pointed to another origin (https://evil.example.com)",
		);
		expect(result.error?.description).toContain(
			'This happened on page 2 of the list; nothing was output.',
		);
		expect(result.error?.description).toContain('the credential never left');
		expect(suite.env.sandbox.requests('signalwire')).toHaveLength(1);
	});

	it('with Continue On Fail, 5 items of which 2 fail give 5 items with correct pairedItem', async () => {
		const ids = [
			seededIds[0],
			'00000000-0000-4000-8000-000000000001',
			seededIds[1],
			'bad id',
			seededIds[2],
		];
		const result = await run(
			{ operation: 'get', endpointId: byId('={{ $json.id }}') },
			{ continueOnFail: true, items: ids.map((id) => ({ id })) },
		);
		expectOneItemPerInput(result, [false, true, false, true, false]);
		expect(result.items[1].json.error).toBe(
			'SignalWire Get SIP Endpoint failed: SignalWire answered HTTP 404',
		);
		expect(result.items[3].json.error).toContain(
			'"SIP Endpoint" has characters that are not allowed',
		);
		expect(result.items[2].json.id).toBe(seededIds[1]);
	});

	it("after all of the above, no API token, Basic header or SIP password appears in n8n's log lines", () => {
		const { credentials } = suite.env.sandbox.endpoints().signalwire;
		const basic = Buffer.from(`${credentials.projectId}:${credentials.apiToken}`).toString(
			'base64',
		);
		const logs = capturedLogLines().join('\n');
		expect(logs.length).toBeGreaterThan(0);
		const passwordsUsedAbove = [
			'yavin-Or-Bust-42',
			'N3w-Secret-Pass-123',
			'Pass-Word-991',
			'Dup-Secret-777',
		];
		for (const secret of [basic, String(credentials.apiToken), ...passwordsUsedAbove])
			expect(logs).not.toContain(secret);
	});
});
