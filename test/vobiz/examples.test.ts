import { TestEnvironment } from '../harness/run';

describe('Vobiz examples run on the engine against the sandbox', () => {
	let env: TestEnvironment;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());

	it('list: returns every endpoint', async () => {
		const run = await env.runExample('vobiz-list-endpoints.json');
		expect(run.data.resultData.error).toBeUndefined();
		const items = run.data.resultData.runData['List SIP endpoints'][0].data!.main[0]!;
		expect(items).toHaveLength(env.sandbox.endpoints().vobiz.seeded.endpointCount as number);
	});

	it('update: renames the first endpoint, Vobiz accepts it (202) and the read-back shows the change', async () => {
		const run = await env.runExample('vobiz-update-endpoint.json');
		expect(run.data.resultData.error).toBeUndefined();
		const firstId = (env.sandbox.endpoints().vobiz.seeded.endpointIds as string[])[0];
		const [accepted] = run.data.resultData.runData['Update endpoint'][0].data!.main[0]!;
		expect(accepted.json).toEqual({
			accepted: true,
			status: 202,
			endpointId: firstId,
			fieldsSent: ['alias', 'allow_video'],
		});
		const [readBack] = run.data.resultData.runData['Read it back'][0].data!.main[0]!;
		expect(readBack.json).toMatchObject({
			endpoint_id: firstId,
			alias: 'Front-Desk',
			allow_video: true,
		});
		const update = env.sandbox.requests('vobiz').find((request) => request.method === 'POST')!;
		expect(update.body).toEqual({ alias: 'Front-Desk', allow_video: true });
	});

	it('delete: deletes the first endpoint and outputs { deleted: true }', async () => {
		const run = await env.runExample('vobiz-delete-endpoint.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [first] = run.data.resultData.runData['First endpoint'][0].data!.main[0]!;
		expect(
			run.data.resultData.runData['Delete endpoint'][0].data!.main[0]!.map((item) => item.json),
		).toEqual([{ deleted: true }]);
		const deletes = env.sandbox.requests('vobiz').filter((request) => request.method === 'DELETE');
		expect(deletes.map((request) => request.path)).toEqual([
			`/api/v1/Account/${env.sandbox.endpoints().vobiz.credentials.authId}/Endpoint/${first.json.endpoint_id}/`,
		]);
	});
});
