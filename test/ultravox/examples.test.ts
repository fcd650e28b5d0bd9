import { TestEnvironment } from '../harness/run';

describe('Ultravox examples run on the engine against the sandbox', () => {
	let env: TestEnvironment;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());

	it('list: returns every registration', async () => {
		const run = await env.runExample('ultravox-list-registrations.json');
		expect(run.data.resultData.error).toBeUndefined();
		expect(run.data.resultData.runData['List SIP registrations'][0].data!.main[0]).toHaveLength(
			250,
		);
	});

	it('update: moves the first registration to the new proxy', async () => {
		const run = await env.runExample('ultravox-update-registration.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [updated] = run.data.resultData.runData['Update proxy'][0].data!.main[0]!;
		expect(updated.json.proxy).toBe('pbx2.example.com');
		const patch = env.sandbox.requests('ultravox').find((request) => request.method === 'PATCH')!;
		expect(patch.body).toEqual({ proxy: 'pbx2.example.com' });
	});

	it('delete: deletes the first registration and outputs { deleted: true }', async () => {
		const run = await env.runExample('ultravox-delete-registration.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [first] = run.data.resultData.runData['First registration'][0].data!.main[0]!;
		expect(
			run.data.resultData.runData['Delete registration'][0].data!.main[0]!.map((item) => item.json),
		).toEqual([{ deleted: true }]);
		const deletes = env.sandbox
			.requests('ultravox')
			.filter((request) => request.method === 'DELETE');
		expect(deletes.map((request) => [request.path, request.status])).toEqual([
			[`/api/sip/registrations/${first.json.registrationId}`, 204],
		]);
	});
});
