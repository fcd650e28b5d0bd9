import { randomUUID } from 'node:crypto';
import { HostileServer } from '../harness/hostile';
import type { HostileAnswer } from '../harness/hostile';
import { HOSTILE_VENDORS, hostileVendor } from '../harness/hostileVendors';
import type { HostileVendor } from '../harness/hostileVendors';
import { TestEnvironment } from '../harness/run';

/**
 * Answers that must never turn into missing items: list pages a vendor pads with a 12 MB field beside
 * its list, and a Get answered with an empty JSON list. Items in = items out: every entry of the
 * list, or one error item per input naming the operation, never nothing at all.
 */
const PADDING = 'x'.repeat(12 * 1024 * 1024);

describe('huge and empty answers never turn into missing items', () => {
	let env: TestEnvironment;
	let hostile: HostileServer;

	beforeAll(async () => {
		env = await TestEnvironment.start();
		hostile = await HostileServer.start();
	});
	afterAll(async () => {
		await hostile.close();
		await env.close();
	});

	const credentialFor = (config: HostileVendor) => {
		const id = `${config.vendor}-${randomUUID()}`;
		env.credentials.add({
			id,
			name: 'hostile',
			type: config.credentialType,
			data: config.credential(hostile.url),
		});
		return { type: config.credentialType, id };
	};
	const serve = (config: HostileVendor, answer: () => HostileAnswer) =>
		hostile.reset((request) => config.login?.(request, []) ?? answer());

	it('SignalWire Return All: pages of 100 each padded with a 12 MB field give all 250 endpoints', async () => {
		const config = hostileVendor('SignalWire');
		hostile.reset((request) => {
			const number = Number(request.query.get('page') ?? 1);
			return {
				status: 200,
				body: { ...(config.page(hostile.url, number, 100, 250) as object), padding: PADDING },
			};
		});
		const result = await env.run({
			node: config.node,
			credential: credentialFor(config),
			parameters: config.list,
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.error?.message)).not.toContainEqual(expect.any(String));
		expect(result.items.map((item) => item.json.id)).toEqual(
			Array.from({ length: 250 }, (_, n) => `ep-${n}`),
		);
	}, 60_000);

	describe.each(HOSTILE_VENDORS.map((config) => [config.vendor, config] as const))(
		'%s',
		(vendor, config) => {
			it('a Get answered [] is one error item per input naming the operation, not zero items', async () => {
				serve(config, () => ({ status: 200, body: [] }));
				const result = await env.run({
					node: config.node,
					credential: credentialFor(config),
					parameters: config.get,
					items: [{ n: 1 }, { n: 2 }],
					continueOnFail: true,
				});
				expect(result.items).toHaveLength(2);
				expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
				for (const item of result.items) {
					expect(item.error?.message).toMatch(
						new RegExp(
							`^${vendor} Get .+ failed: ${vendor} answered HTTP 200 with an answer of an unexpected shape$`,
						),
					);
					expect(item.error?.description).toContain('The answer was a list of 0 entries where one');
				}
			});
		},
	);
});
