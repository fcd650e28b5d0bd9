import { TestEnvironment } from '../harness/run';

describe('SignalWire examples run on the engine against the sandbox', () => {
	let env: TestEnvironment;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());

	it('list: returns every SIP endpoint, following links.next', async () => {
		const run = await env.runExample('signalwire-list-sip-endpoints.json');
		expect(run.data.resultData.error).toBeUndefined();
		const items = run.data.resultData.runData['List SIP endpoints'][0].data!.main[0]!;
		expect(items).toHaveLength(
			env.sandbox.endpoints().signalwire.seeded.sipEndpointCount as number,
		);
		expect(env.sandbox.requests('signalwire').map((request) => request.method)).toEqual([
			'GET',
			'GET',
			'GET',
		]);
	});

	it('update: PUTs the codecs and encryption to the SIP profile and outputs the 201 profile', async () => {
		env.sandbox.clearRequests();
		const run = await env.runExample('signalwire-update-sip-profile.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [profile] = run.data.resultData.runData['Update SIP profile'][0].data!.main[0]!;
		expect(profile.json).toMatchObject({
			default_codecs: ['OPUS', 'PCMU', 'PCMA'],
			default_encryption: 'required',
		});
		const [put] = env.sandbox.requests('signalwire');
		expect([put.method, put.path, put.status]).toEqual(['PUT', '/api/relay/rest/sip_profile', 201]);
		expect(put.body).toEqual({
			default_codecs: ['OPUS', 'PCMU', 'PCMA'],
			default_encryption: 'required',
		});
	});

	it('delete: deletes the first SIP endpoint and outputs { deleted: true }', async () => {
		env.sandbox.clearRequests();
		const run = await env.runExample('signalwire-delete-sip-endpoint.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [first] = run.data.resultData.runData['First SIP endpoint'][0].data!.main[0]!;
		expect(
			run.data.resultData.runData['Delete SIP endpoint'][0].data!.main[0]!.map((item) => item.json),
		).toEqual([{ deleted: true }]);
		const deletes = env.sandbox
			.requests('signalwire')
			.filter((request) => request.method === 'DELETE');
		expect(deletes.map((request) => request.path)).toEqual([
			`/api/relay/rest/endpoints/sip/${first.json.id}`,
		]);
	});
});
