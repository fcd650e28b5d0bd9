import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { SignalWire } from '../../nodes/SignalWire/SignalWire.node';
import { TestEnvironment } from '../harness/run';

/** The "From List" pickers, run in n8n-core's own load-options context (as the editor calls them). */
describe('SignalWire resource-locator lists', () => {
	let env: TestEnvironment;
	let context: ILoadOptionsFunctions;
	const { searchSipAddresses, searchSipEndpoints } = new SignalWire().methods.listSearch;

	beforeAll(async () => {
		env = await TestEnvironment.start();
		const credential = env.credential('signalwire', 'signalWireSipApi');
		context = env.pickerContext(
			'signalWire',
			credential,
			{ resource: 'sipEndpoint', operation: 'get' },
			'parameters.endpointId',
		);
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.clearRequests());

	it('SIP endpoints: SignalWire filters by username; the next page comes from links.next', async () => {
		const first = await searchSipEndpoints.call(context, 'ext10');
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'ext1000 (Front Desk 0)', value: expect.any(String) });
		expect(env.sandbox.requests('signalwire')[0].query).toEqual({
			page_size: '100',
			filter_username: 'ext10',
		});
		expect(first.paginationToken).toBeUndefined();

		const unfiltered = await searchSipEndpoints.call(context);
		expect(unfiltered.paginationToken).toMatch(/page_token=PA/);
		const second = await searchSipEndpoints.call(
			context,
			undefined,
			unfiltered.paginationToken as string,
		);
		expect(second.results[0].name).toBe('ext1100 (Agent 100)');
		expect(
			env.sandbox
				.requests('signalwire')
				.every((request) => request.headers.host === 'example.signalwire.com'),
		).toBe(true);
	});

	it('SIP addresses: filtered by name, user or URI', async () => {
		const found = await searchSipAddresses.call(context, 'line-42');
		expect(found.results).toEqual([
			{ name: 'line-42 (sip:example-line-42@sip.signalwire.com)', value: expect.any(String) },
		]);
		expect(env.sandbox.requests('signalwire')[0].path).toBe('/api/fabric/sip_addresses');
	});
});
