import type { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodeParameters } from 'n8n-workflow';
import { searchDevices } from '../../nodes/NetSapiens/listSearch/searchDevices';
import { searchDomains } from '../../nodes/NetSapiens/listSearch/searchDomains';
import { searchUsers } from '../../nodes/NetSapiens/listSearch/searchUsers';
import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';

type SearchMethod = (
	this: LoadOptionsContext,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

const OWN_DOMAIN = { name: 'My Domain (~)', value: '~' };
const OWN_USER = { name: 'My User (~)', value: '~' };

/**
 * The "From List" pickers of Domain, User and Device, run the way the editor runs them: n8n-core's
 * LoadOptionsContext for a NetSapiens node, the credential applied by the harness's n8n-exact
 * credentials helper.
 */
describe('NetSapiens resource-locator lists against the sandbox', () => {
	let env: TestEnvironment;
	let apiKeys: Record<string, string>;

	beforeAll(async () => {
		env = await TestEnvironment.start();
		apiKeys = (env.sandbox.endpoints().netsapiens.seeded as { apiKeys: Record<string, string> })
			.apiKeys;
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.clearRequests());

	const search = async (
		method: SearchMethod,
		options: {
			apiKey?: string;
			parameters?: INodeParameters;
			filter?: string;
			token?: string;
		} = {},
	) => {
		const credential = env.credential(
			'netsapiens',
			'netSapiensSipApi',
			options.apiKey ? { apiKey: options.apiKey } : {},
		);
		const context = env.pickerContext(
			'netSapiens',
			credential,
			{ resource: 'device', operation: 'get', ...options.parameters },
			'parameters.device',
		);
		return await method.call(context, options.filter, options.token);
	};
	const calls = () =>
		env.sandbox
			.requests('netsapiens')
			.map((request) => [request.path, request.query, request.status]);

	it("Domain, reseller key: '~' first, then the reseller's domains", async () => {
		const result = await search(searchDomains as SearchMethod, { apiKey: apiKeys.reseller });
		expect(result).toEqual({
			results: [
				OWN_DOMAIN,
				{ name: 'sandbox.example (Sandbox Example Inc)', value: 'sandbox.example' },
				{ name: 'acme.example (Acme Widgets)', value: 'acme.example' },
			],
			paginationToken: undefined,
		});
		expect(calls()).toEqual([['/ns-api/v2/domains', { start: '0', limit: '100' }, 200]]);
		const filtered = await search(searchDomains as SearchMethod, {
			apiKey: apiKeys.reseller,
			filter: 'ACME',
		});
		expect(filtered.results).toEqual([
			{ name: 'acme.example (Acme Widgets)', value: 'acme.example' },
		]);
	});

	it("Domain, office-manager key: NetSapiens refuses the domain list, so '~' and the key's own domain", async () => {
		const result = await search(searchDomains as SearchMethod);
		expect(result.results).toEqual([
			OWN_DOMAIN,
			{ name: 'sandbox.example', value: 'sandbox.example' },
		]);
		expect(calls()).toEqual([
			['/ns-api/v2/domains', { start: '0', limit: '100' }, 403],
			['/ns-api/v2/domains/~', {}, 200],
		]);
	});

	it("User: '~' first, then the domain's users 100 per page, the next start as the page token", async () => {
		const parameters = { domain: byId('sandbox.example') };
		const first = await search(searchUsers as SearchMethod, { parameters });
		expect(first.results).toHaveLength(101);
		expect(first.results.slice(0, 2)).toEqual([
			OWN_USER,
			{ name: '1000 (User 1000)', value: '1000' },
		]);
		expect(first.paginationToken).toBe('100');
		const second = await search(searchUsers as SearchMethod, {
			parameters,
			token: first.paginationToken,
		});
		expect(second.results).toHaveLength(20);
		expect(second.results[19]).toEqual({ name: '1119 (User 1119)', value: '1119' });
		expect(second.paginationToken).toBeUndefined();
		expect(calls().map(([path, query]) => [path, query])).toEqual([
			['/ns-api/v2/domains/sandbox.example/users', { start: '0', limit: '100' }],
			['/ns-api/v2/domains/sandbox.example/users', { start: '100', limit: '100' }],
		]);
	});

	it("User, basic-user key: only '~' (NetSapiens refuses the user list)", async () => {
		const result = await search(searchUsers as SearchMethod, {
			apiKey: apiKeys.basicUser,
			parameters: { domain: byId('~') },
		});
		expect(result.results).toEqual([OWN_USER]);
	});

	it('Device: the devices of the chosen user with their registration state', async () => {
		const result = await search(searchDevices as SearchMethod, {
			parameters: { domain: byId('~'), user: byId('1000') },
		});
		expect(result.results).toHaveLength(10);
		expect(result.results[0]).toEqual({ name: '1000 (registered)', value: '1000' });
		expect(result.results[9]).toEqual({ name: '1000i (unregistered)', value: '1000i' });
		expect(calls()).toEqual([
			['/ns-api/v2/domains/~/users/1000/devices/count', {}, 200],
			['/ns-api/v2/domains/~/users/1000/devices', { start: '0', limit: '100' }, 200],
		]);
		const filtered = await search(searchDevices as SearchMethod, {
			parameters: { domain: byId('~'), user: byId('1000') },
			filter: '1000c',
		});
		expect(filtered.results).toEqual([{ name: '1000c (registered)', value: '1000c' }]);
	});
});
