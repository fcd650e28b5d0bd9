import type { INodeParameters } from 'n8n-workflow';
import { searchSipDomains } from '../../nodes/Opentact/listSearch/searchSipDomains';
import { searchSipUsers } from '../../nodes/Opentact/listSearch/searchSipUsers';
import { TestEnvironment } from '../harness/run';
import { BRANCH_DOMAIN, calls, CREDENTIAL_TYPE, MAIN_DOMAIN, VENDOR } from './helpers';
import { byId, fromList } from '../harness/locator';

/**
 * The "From List" pickers, called through n8n-core's LoadOptionsContext the way the editor calls a
 * listSearch method: with the node's current parameters, authenticated through the credential.
 */
describe('Opentact "From List" pickers', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };

	const contextFor = (parameters: INodeParameters, path = 'parameters.userId') =>
		env.pickerContext('opentact', credential, parameters, path);

	beforeAll(async () => {
		env = await TestEnvironment.start();
		credential = env.credential(VENDOR, CREDENTIAL_TYPE);
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.clearRequests());

	it('lists the SIP domains of the account, filtered by name, logging in first', async () => {
		const context = contextFor({ resource: 'sipUser', operation: 'getAll' }, 'parameters.domain');
		const all = await searchSipDomains.call(context);
		const domains = env.sandbox.endpoints().opentact.seeded.sipDomains as string[];
		expect(all.results).toEqual(domains.map((domain) => ({ name: domain, value: domain })));
		expect(calls(env)).toEqual(['GET /rest/auth', 'GET /rest/sip/domain']);
		expect(env.sandbox.requests(VENDOR)[1].headers['x-auth-token']).toBe(
			env.credentials.stored(credential.id)?.sessionToken,
		);
		const filtered = await searchSipDomains.call(context, 'BRANCH');
		expect(filtered.results.map((result) => result.value)).toEqual([BRANCH_DOMAIN]);
	});

	it('lists the users of the SIP domain chosen above, by login and name, with their UUIDs as values', async () => {
		const seeded = env.sandbox.endpoints().opentact.seeded as { branchSipUserIds: string[] };
		const context = contextFor({
			resource: 'sipUser',
			operation: 'get',
			domain: fromList(BRANCH_DOMAIN),
		});
		const { results } = await searchSipUsers.call(context);
		expect(results).toEqual([
			{ name: 'ext1000 (User0 branch)', value: seeded.branchSipUserIds[0] },
			{ name: 'ext1001 (User1 branch)', value: seeded.branchSipUserIds[1] },
			{ name: 'ext1002 (User2 branch)', value: seeded.branchSipUserIds[2] },
		]);
		expect(calls(env)).toEqual([`GET /rest/sip/domain/${BRANCH_DOMAIN}/user`]);
		const filtered = await searchSipUsers.call(
			contextFor({ domain: byId(MAIN_DOMAIN) }),
			'ext1011',
		);
		expect(filtered.results.map((result) => result.name)).toEqual(['ext1011 (User11 acme)']);
	});

	it('asks for the SIP domain first when none is chosen', async () => {
		await expect(searchSipUsers.call(contextFor({ domain: fromList('') }))).rejects.toThrow(
			'Choose the SIP domain first',
		);
		expect(calls(env)).toEqual([]);
	});

	it('an Opentact failure answer is an error, not an empty list', async () => {
		env.sandbox.injectFault({
			vendor: VENDOR,
			mode: 'status',
			status: 200,
			path: '^/rest/sip/domain$',
			body: { success: false, message: 'Listing disabled', status: 503 },
		});
		await expect(searchSipDomains.call(contextFor({}, 'parameters.domain'))).rejects.toMatchObject({
			message: 'Opentact List SIP Domains (From List) failed: Opentact answered HTTP 503',
			description: expect.stringContaining('Opentact said: Listing disabled.'),
		});
	});
});
