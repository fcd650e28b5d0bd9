import { TestEnvironment } from '../harness/run';
import { calls, forbiddenKeysIn, MAIN_DOMAIN } from './helpers';

describe('Opentact examples run on the engine against the sandbox', () => {
	let env: TestEnvironment;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.reset());

	it('list: returns every SIP user of the domain, without digests', async () => {
		const run = await env.runExample('opentact-list-sip-users.json');
		expect(run.data.resultData.error).toBeUndefined();
		const items = run.data.resultData.runData['List SIP users'][0].data!.main[0]!;
		expect(items).toHaveLength(env.sandbox.endpoints().opentact.seeded.sipUserCount as number);
		expect(forbiddenKeysIn(items.map((item) => item.json))).toEqual([]);
		expect(calls(env)).toEqual(['GET /rest/auth', `GET /rest/sip/domain/${MAIN_DOMAIN}/user`]);
	});

	it('update: modifies the first SIP user with only the field set', async () => {
		const run = await env.runExample('opentact-update-sip-user.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [updated] = run.data.resultData.runData['Update SIP user'][0].data!.main[0]!;
		expect(updated.json).toMatchObject({ login: 'ext1000', same_domain_calls_only: true });
		expect(forbiddenKeysIn(updated.json)).toEqual([]);
		const patch = env.sandbox.requests('opentact').find((request) => request.method === 'PATCH')!;
		expect(patch.path).toBe(`/rest/sip/domain/${MAIN_DOMAIN}/user/${updated.json.uuid}`);
		expect(patch.body).toEqual({ same_domain_calls_only: true });
	});

	it('delete: deletes the first SIP user of the domain and outputs { deleted: true }', async () => {
		const run = await env.runExample('opentact-delete-sip-user.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [first] = run.data.resultData.runData['First SIP user'][0].data!.main[0]!;
		expect(
			run.data.resultData.runData['Delete SIP user'][0].data!.main[0]!.map((item) => item.json),
		).toEqual([{ deleted: true }]);
		const deletes = env.sandbox
			.requests('opentact')
			.filter((request) => request.method === 'DELETE');
		expect(deletes.map((request) => request.path)).toEqual([
			`/rest/sip/domain/${MAIN_DOMAIN}/user/${first.json.uuid}`,
		]);
	});
});
