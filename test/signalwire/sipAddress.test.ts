import { byId } from '../harness/locator';
import { resourceSuite } from '../harness/resourceSuite';

describe('SignalWire SIP Address (Fabric) on the engine, against the sandbox', () => {
	const suite = resourceSuite({
		vendor: 'signalwire',
		node: 'signalWire',
		credentialType: 'signalWireSipApi',
		resource: 'sipAddress',
	});
	const { run } = suite;
	let seededIds: string[];
	let seededCount: number;
	let handlers: string[];
	let domainIds: Record<string, string>;

	beforeEach(() => {
		const { seeded } = suite;
		seededIds = seeded.sipAddressIds as string[];
		seededCount = seeded.sipAddressCount as number;
		handlers = seeded.callingHandlerResourceIds as string[];
		domainIds = seeded.domainIds as Record<string, string>;
	});

	it('Create sends POST with its fields; 201 gives the address without the password', async () => {
		const result = await run({
			operation: 'create',
			name: 'sales-line',
			callingHandlerResourceId: handlers[1],
			additionalFields: {
				user: 'agent',
				contextId: domainIds['branch-office'],
				codecs: ['OPUS', 'G729'],
				ciphers: ['AES_256_CM_HMAC_SHA1_80'],
				encryption: 'required',
				ipAuthEnabled: true,
				ipAuth: ['10.0.0.0/24', '192.0.2.7'],
				password: 'sup3r-s3cret-Line',
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = suite.env.sandbox.requests('signalwire');
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/fabric/sip_addresses',
			201,
		]);
		expect(request.body).toEqual({
			name: 'sales-line',
			calling_handler_resource_id: handlers[1],
			user: 'agent',
			context_id: domainIds['branch-office'],
			codecs: ['OPUS', 'G729'],
			ciphers: ['AES_256_CM_HMAC_SHA1_80'],
			encryption: 'required',
			ip_auth_enabled: true,
			ip_auth: ['10.0.0.0/24', '192.0.2.7'],
			password: 'sup3r-s3cret-Line',
		});
		const [item] = result.items;
		expect(item.json).toMatchObject({
			type: 'sip_address',
			name: 'sales-line',
			context: 'branch-office',
			uri: 'sip:example-sales-line@branch-office.sip.signalwire.com',
			user: 'agent',
			ip_auth: ['10.0.0.0/24', '192.0.2.7'],
		});
		expect(JSON.stringify(result.items)).not.toContain('sup3r-s3cret-Line');
		expect(suite.env.sandbox.devices.vendorPassword('signalwire', String(item.json.id))).toBe(
			'sup3r-s3cret-Line',
		);
	});

	it('Update sends PATCH with only the set fields; the write-only password is applied and never output', async () => {
		const id = seededIds[2];
		const result = await run({
			operation: 'update',
			addressId: byId(id),
			updateFields: { password: 'R0tated-Line-Pass', encryption: 'forbidden' },
		});
		expect(result.error).toBeUndefined();
		const [request] = suite.env.sandbox.requests('signalwire');
		expect([request.method, request.path]).toEqual(['PATCH', `/api/fabric/sip_addresses/${id}`]);
		expect(request.body).toEqual({ password: 'R0tated-Line-Pass', encryption: 'forbidden' });
		expect(result.items[0].json).toMatchObject({ id, name: 'line-2', encryption: 'forbidden' });
		expect(JSON.stringify(result.items)).not.toContain('R0tated-Line-Pass');
		expect(suite.env.sandbox.devices.vendorPassword('signalwire', id)).toBe('R0tated-Line-Pass');
		expect(suite.env.sandbox.devices.state('signalwire', id).registered).toBe(false);
	});

	it('Update can empty the IP allow-list (SignalWire accepts an empty list)', async () => {
		const result = await run({
			operation: 'update',
			addressId: byId(seededIds[0]),
			updateFields: { ipAuth: [] },
		});
		expect(suite.env.sandbox.requests('signalwire')[0].body).toEqual({ ip_auth: [] });
		expect(result.items[0].json.ip_auth).toEqual([]);
	});

	it('Get returns one address; Delete answers { deleted: true } after a 204', async () => {
		const id = seededIds[4];
		const got = await run({ operation: 'get', addressId: byId(id) });
		expect(got.items[0].json).toMatchObject({
			id,
			name: 'line-4',
			uri: 'sip:example-line-4@sip.signalwire.com',
		});
		const deleted = await run({ operation: 'delete', addressId: byId(id) });
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true }]);
		const last = suite.env.sandbox.requests('signalwire').at(-1)!;
		expect([last.method, last.path, last.status]).toEqual([
			'DELETE',
			`/api/fabric/sip_addresses/${id}`,
			204,
		]);
		expect(suite.env.sandbox.devices.has('signalwire', id)).toBe(false);
	});

	it('Get Many with Return All follows links.next; a Limit asks for one page', async () => {
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(seededCount);
		expect(new Set(all.items.map((item) => item.json.id)).size).toBe(seededCount);
		expect(seededCount).toBe(120);
		expect(suite.env.sandbox.requests('signalwire').map((request) => request.query)).toEqual([
			{ page_size: '100' },
			{ page_number: '1', page_size: '100', page_token: `PA${all.items[99].json.id}` },
		]);
		suite.env.sandbox.clearRequests();
		const some = await run({ operation: 'getAll', returnAll: false, limit: 3 });
		expect(some.items.map((item) => item.json.name)).toEqual(['line-0', 'line-1', 'line-2']);
		expect(suite.env.sandbox.requests('signalwire').map((request) => request.query)).toEqual([
			{ page_size: '3' },
		]);
	});

	it.each([
		[
			'a name with capitals and a space',
			{ name: 'Sales Line' },
			'"Name" has characters that are not allowed (lowercase letters, digits and single hyphens between them, such as sales-line) (item 0)',
		],
		[
			'a 51-character name',
			{ name: 'a'.repeat(51) },
			'"Name" may be at most 50 characters long; this value has 51 (item 0)',
		],
		['no codec', { codecs: [] }, '"Codecs" needs at least 1 entry (item 0)'],
		[
			'257 IP entries',
			{ ipAuth: Array.from({ length: 257 }, (_, n) => `10.0.${n >> 8}.${n & 255}`) },
			'"IP Auth" may have at most 256 entries; this one has 257 (item 0)',
		],
		[
			'a user with a space',
			{ user: 'two words' },
			'"User" has characters that are not allowed (no spaces) (item 0)',
		],
	])('Update with %s fails before sending', async (_label, updateFields, message) => {
		const result = await run({ operation: 'update', addressId: byId(seededIds[0]), updateFields });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toBe(
			`Fix ${message.match(/^"[^"]+"/)![0]} for item 0 and run again. Nothing was sent to the vendor.`,
		);
		expect(suite.env.sandbox.requests('signalwire')).toEqual([]);
	});

	it('Create with IP auth on and no entries fails before sending', async () => {
		const result = await run({
			operation: 'create',
			name: 'locked-line',
			callingHandlerResourceId: handlers[0],
			additionalFields: { ipAuthEnabled: true },
		});
		expect(result.error?.message).toBe(
			'"IP Auth" needs at least one IP or CIDR entry when "IP Auth Enabled" is on (item 0)',
		);
		expect(suite.env.sandbox.requests('signalwire')).toEqual([]);
	});

	it("SignalWire's Fabric 422 ({errors:[{type,code,message,attribute,url}]}) reaches the error description", async () => {
		const result = await run({
			operation: 'create',
			name: 'line-7',
			callingHandlerResourceId: '1f2e3d4c-5b6a-4980-a1b2-c3d4e5f60718',
		});
		expect(result.error?.message).toBe(
			'SignalWire Create SIP Address failed: SignalWire answered HTTP 422',
		);
		expect(result.error?.description).toContain(
			'SignalWire said: name: Name has already been taken (invalid_parameter); calling_handler_resource_id: Calling handler resource must reference a resource in this project (invalid_parameter)',
		);
	});

	it('a token with only the Calling scope may manage SIP addresses (but not relay endpoints)', async () => {
		const tokenWithoutVoice = String(
			suite.env.sandbox.endpoints().signalwire.seeded.tokenWithoutVoiceScope,
		);
		const calling = suite.env.credential('signalwire', 'signalWireSipApi', {
			apiToken: tokenWithoutVoice,
		});
		const result = await suite.env.run({
			node: 'signalWire',
			credential: calling,
			parameters: { resource: 'sipAddress', operation: 'getAll', limit: 2 },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
	});

	it('with Continue On Fail, every item gets its own result with correct pairedItem', async () => {
		const names = ['renamed-a', 'Bad Name', 'renamed-c'];
		const result = await run(
			{
				operation: 'update',
				addressId: byId('={{ $json.id }}'),
				updateFields: { name: '={{ $json.name }}' },
			},
			{ continueOnFail: true, items: names.map((name, n) => ({ id: seededIds[n], name })) },
		);
		expect(result.items).toHaveLength(3);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2].map((item) => ({ item })),
		);
		expect(result.items.map((item) => item.json.name ?? item.json.error)).toEqual([
			'renamed-a',
			'"Name" has characters that are not allowed (lowercase letters, digits and single hyphens between them, such as sales-line) (item 1)',
			'renamed-c',
		]);
	});
});
