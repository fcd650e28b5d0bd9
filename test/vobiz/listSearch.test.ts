import type { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult } from 'n8n-workflow';
import { searchApplications } from '../../nodes/Vobiz/listSearch/searchApplications';
import { searchEndpoints } from '../../nodes/Vobiz/listSearch/searchEndpoints';
import { TestEnvironment } from '../harness/run';

type SearchMethod = (
	this: LoadOptionsContext,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/**
 * The "From List" pickers, run the way the editor runs them: n8n-core's LoadOptionsContext for a
 * Vobiz node, with the credential applied by the harness's n8n-exact credentials helper.
 */
describe('Vobiz resource-locator lists against the sandbox', () => {
	let env: TestEnvironment;
	let context: LoadOptionsContext;
	let authId: string;

	beforeAll(async () => {
		env = await TestEnvironment.start();
		const credential = env.credential('vobiz', 'vobizSipApi');
		authId = env.sandbox.endpoints().vobiz.credentials.authId as string;
		context = env.pickerContext(
			'vobiz',
			credential,
			{ resource: 'endpoint', operation: 'get' },
			'parameters.endpointId',
		);
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.clearRequests());

	const search = async (method: SearchMethod, filter?: string, token?: string) =>
		await method.call(context, filter, token);

	it('lists endpoints 100 per page as "alias (username)" → endpoint_id, with the offset as the next token', async () => {
		const first = await search(searchEndpoints as SearchMethod);
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: 'Desk-1000 (ext1000)',
			value: expect.stringMatching(/^\d+$/),
		});
		expect(first.paginationToken).toBe('100');
		const second = await search(searchEndpoints as SearchMethod, undefined, first.paginationToken);
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		const calls = env.sandbox.requests('vobiz');
		expect(calls.map((request) => [request.path, request.query])).toEqual([
			[`/api/v1/Account/${authId}/Endpoint/`, { limit: '100', offset: '0' }],
			[`/api/v1/Account/${authId}/Endpoint/`, { limit: '100', offset: '100' }],
		]);
		expect(calls[0].headers['x-auth-id']).toBe(authId);
	});

	it('filters endpoints by alias or username', async () => {
		const byUsername = await search(searchEndpoints as SearchMethod, 'EXT1042');
		expect(byUsername.results.map((result) => result.name)).toEqual(['Desk-1042 (ext1042)']);
		const byAlias = await search(searchEndpoints as SearchMethod, 'desk-105');
		expect(byAlias.results).toHaveLength(10);
	});

	it('lists applications as "name (app_id)" → app_id', async () => {
		const applications = await search(searchApplications as SearchMethod);
		expect(applications.results).toEqual([
			{ name: 'Default endpoint app (98765432)', value: '98765432' },
			{ name: 'Support IVR (98765433)', value: '98765433' },
			{ name: 'Sales queue (98765434)', value: '98765434' },
		]);
		expect(applications.paginationToken).toBeUndefined();
		expect(env.sandbox.requests('vobiz')[0].path).toBe(`/api/v1/Account/${authId}/Application/`);
		expect((await search(searchApplications as SearchMethod, 'sales')).results).toEqual([
			{ name: 'Sales queue (98765434)', value: '98765434' },
		]);
	});
});
