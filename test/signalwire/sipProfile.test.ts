import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { TestEnvironment } from '../harness/run';

describe('SignalWire SIP Profile on the engine, against the sandbox', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };
	let basicAuth: string;
	let projectNumbers: string[];

	beforeAll(async () => {
		env = await TestEnvironment.start();
		credential = env.credential('signalwire', 'signalWireSipApi');
		const { credentials, seeded } = env.sandbox.endpoints().signalwire;
		basicAuth = `Basic ${Buffer.from(`${credentials.projectId}:${credentials.apiToken}`).toString('base64')}`;
		projectNumbers = seeded.projectNumbers as string[];
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.sandbox.clearRequests();
	});

	const update = async (updateFields: INodeParameters, items?: IDataObject[]) =>
		await env.run({
			node: 'signalWire',
			credential,
			items,
			parameters: { resource: 'sipProfile', operation: 'update', updateFields },
		});

	it('Get sends GET /api/relay/rest/sip_profile and outputs the profile', async () => {
		const result = await env.run({
			node: 'signalWire',
			credential,
			parameters: { resource: 'sipProfile', operation: 'get' },
		});
		expect(result.error).toBeUndefined();
		const [request] = env.sandbox.requests('signalwire');
		expect([request.method, request.path, request.headers.authorization]).toEqual([
			'GET',
			'/api/relay/rest/sip_profile',
			basicAuth,
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				domain: 'example-office.sip.signalwire.com',
				domain_identifier: 'office',
				default_codecs: ['OPUS', 'PCMU', 'PCMA'],
				default_ciphers: [
					'AEAD_AES_256_GCM_8',
					'AES_256_CM_HMAC_SHA1_80',
					'AES_CM_128_HMAC_SHA1_80',
					'AES_256_CM_HMAC_SHA1_32',
					'AES_CM_128_HMAC_SHA1_32',
				],
				default_encryption: 'optional',
				default_send_as: projectNumbers[0],
			},
		]);
	});

	it('Update sends PUT with Basic project:token and only the set fields; the 201 answer is the output', async () => {
		const result = await update({ defaultCodecs: ['PCMU', 'OPUS'], defaultEncryption: 'required' });
		expect(result.error).toBeUndefined();
		const requests = env.sandbox.requests('signalwire');
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('PUT');
		expect(requests[0].path).toBe('/api/relay/rest/sip_profile');
		expect(requests[0].headers.authorization).toBe(basicAuth);
		expect(requests[0].headers.host).toBe('example.signalwire.com');
		expect(requests[0].body).toEqual({
			default_codecs: ['PCMU', 'OPUS'],
			default_encryption: 'required',
		});
		expect(requests[0].status).toBe(201);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			domain: 'example-office.sip.signalwire.com',
			default_codecs: ['PCMU', 'OPUS'],
			default_encryption: 'required',
			default_send_as: projectNumbers[0],
		});
	});

	it('Update sends every profile field under its SignalWire name', async () => {
		const result = await update({
			domainIdentifier: 'branch',
			defaultCiphers: ['AEAD_AES_256_GCM_8'],
			defaultSendAs: projectNumbers[2],
		});
		expect(env.sandbox.requests('signalwire')[0].body).toEqual({
			domain_identifier: 'branch',
			default_ciphers: ['AEAD_AES_256_GCM_8'],
			default_send_as: projectNumbers[2],
		});
		expect(result.items[0].json).toMatchObject({
			domain: 'example-branch.sip.signalwire.com',
			default_send_as: projectNumbers[2],
		});
	});

	it('an empty Default Send As is sent as null: "pick a random project number"', async () => {
		const result = await update({ defaultSendAs: '' });
		expect(result.error).toBeUndefined();
		expect(env.sandbox.requests('signalwire')[0].body).toEqual({ default_send_as: null });
		expect(result.items[0].json.default_send_as).toBe('');
	});

	it('a Default Send As that is not E.164 fails before sending, naming the field and the item', async () => {
		const result = await update(
			{ defaultSendAs: '={{ $itemIndex === 1 ? "555-1234" : "+15551230001" }}' },
			[{}, {}],
		);
		expect(result.error?.message).toBe(
			'"Default Send As" has characters that are not allowed (an E.164 number such as +15551234567, or empty for a random project number) (item 1)',
		);
		expect(result.error?.description).toContain('Nothing was sent');
		expect(
			env.sandbox.requests('signalwire').map((request) => (request.body as any)?.default_send_as),
		).not.toContain('555-1234');
	});

	it('a codec SignalWire does not support (set by expression) fails before sending', async () => {
		const result = await update({ defaultCodecs: '={{ ["PCMU", "G729"] }}' });
		expect(result.error?.message).toBe(
			'"Default Codecs" has values SignalWire does not support (G729); use OPUS, G722, PCMU, PCMA, VP8, H264 (item 0)',
		);
		expect(env.sandbox.requests('signalwire')).toEqual([]);
	});

	it('an Update with no field set is refused instead of sending an empty PUT', async () => {
		const result = await update({});
		expect(result.error?.message).toBe('No field to change was set (item 0)');
		expect(env.sandbox.requests('signalwire')).toEqual([]);
	});

	it("SignalWire's relay 422 ({errors:[{detail,…}]}) reaches the error description", async () => {
		const result = await update({ defaultSendAs: '+15559999999' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'SignalWire Update SIP Profile failed: SignalWire answered HTTP 422',
		);
		expect(result.error?.description).toContain(
			'SignalWire said: Default send as is not a purchased or verified number of this project',
		);
		expect(result.error?.httpCode).toBe('422');
	});

	it('with Continue On Fail, 3 items of which 1 is rejected by SignalWire give 3 items with correct pairedItem', async () => {
		const result = await env.run({
			node: 'signalWire',
			credential,
			continueOnFail: true,
			items: [
				{ number: projectNumbers[1] },
				{ number: '+15559999999' },
				{ number: projectNumbers[2] },
			],
			parameters: {
				resource: 'sipProfile',
				operation: 'update',
				updateFields: { defaultSendAs: '={{ $json.number }}' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2].map((item) => ({ item })),
		);
		expect(result.items[1].json.error).toBe(
			'SignalWire Update SIP Profile failed: SignalWire answered HTTP 422',
		);
		expect([result.items[0].json.default_send_as, result.items[2].json.default_send_as]).toEqual([
			projectNumbers[1],
			projectNumbers[2],
		]);
	});
});
