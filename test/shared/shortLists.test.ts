import type { HostileAnswer, HostileRequest } from '../harness/hostile';
import { HOSTILE_VENDORS } from '../harness/hostileVendors';
import type { HostileVendor } from '../harness/hostileVendors';
import { hostileSuite } from '../harness/hostileSuite';

/**
 * Return All and the "From List" pickers against a vendor impostor whose later page is not a list:
 * the run fails naming the page, instead of ending with a short list that a "rotate every
 * endpoint" flow would take for the whole fleet.
 */
describe('lists are never silently short, all five vendors', () => {
	const suite = hostileSuite();

	const credentialFor = (config: HostileVendor) => suite.credentialFor(config);

	/** Which page of the list a request asks for (1-based), whatever the vendor's paging. */
	const pageNumberOf = (request: HostileRequest, pageSize: number): number => {
		const cursor = request.query.get('cursor') ?? request.query.get('page');
		if (cursor) return Number(cursor);
		const offset = Number(request.query.get('offset') ?? request.query.get('start') ?? 0);
		return Math.floor(offset / pageSize) + 1;
	};

	/** A list of `total` entries whose page `badPage` answers `bad` (200) instead. */
	const serveList = (config: HostileVendor, total: number, badPage: number, bad: unknown) =>
		suite.hostile.reset((request): HostileAnswer => {
			const login = config.login?.(request, []);
			if (login) return login;
			const number = pageNumberOf(request, config.pageSize);
			return { status: 200, body: number === badPage ? bad : config.page(suite.hostile.url, number, config.pageSize, total) };
		});

	// The figures of the issue: Ultravox and SignalWire 250 → 100, Vobiz 130 → 100, NetSapiens 1,200 → 1,000.
	const PAGED: [string, number][] = [
		['Ultravox', 250],
		['SignalWire', 250],
		['Vobiz', 130],
		['NetSapiens', 1200],
	];

	describe.each(PAGED)('%s, %i entries', (vendor, total) => {
		const config = HOSTILE_VENDORS.find((candidate) => candidate.vendor === vendor)!;

		it('reads the whole list when every page is a list (the impostor is faithful)', async () => {
			serveList(config, total, 0, undefined);
			const result = await suite.env.run({ node: config.node, credential: credentialFor(config), parameters: config.list });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(total);
		});

		// NetSapiens lists are plain arrays without a total: there `[]` after a full page is the end of a
		// list of exactly 1,000, which no client can tell from a short one.
		const shapes: [string, unknown][] = [
			['{}', {}],
			['{"detail": …}', { detail: 'Temporarily unavailable' }],
			...(vendor === 'NetSapiens' ? [] : ([['[]', []]] as [string, unknown][])),
		];
		it.each(shapes)('page 2 answered %s is an error naming page 2, not a short list', async (_shape, bad) => {
			serveList(config, total, 2, bad);
			const result = await suite.env.run({ node: config.node, credential: credentialFor(config), parameters: config.list, continueOnFail: true });
			expect(result.items).toHaveLength(1);
			const error = result.items[0].error;
			expect(error?.message).toMatch(new RegExp(`^${vendor} Get Many .+ failed: ${vendor} answered HTTP 200 with an answer of an unexpected shape$`));
			expect(error?.description).toContain(`Page 2 of the list was not ${vendor}'s list`);
			expect(error?.description).toContain(`(${config.pageSize} entries were read before it); nothing was output.`);
			expect(error?.description).not.toContain(`${vendor} said:`);
		});
	});

	it('Vobiz: a later page that brings nothing although meta.total_count says more is an error', async () => {
		const config = HOSTILE_VENDORS.find((candidate) => candidate.vendor === 'Vobiz')!;
		serveList(config, 130, 2, { objects: [], meta: { total_count: 130, limit: 100, offset: 100 } });
		const result = await suite.env.run({ node: config.node, credential: credentialFor(config), parameters: config.list });
		expect(result.error?.description).toContain('The page at offset 100 was empty although "meta.total_count" said 130.');
	});

	it('Vobiz: a list whose pages hold fewer entries than meta.total_count is an error', async () => {
		const config = HOSTILE_VENDORS.find((candidate) => candidate.vendor === 'Vobiz')!;
		// Page 2 holds 10 entries and says 130: 110 listed of 130, and page 3 is empty.
		suite.hostile.reset((request) => {
			const offset = Number(request.query.get('offset') ?? 0);
			const objects = Array.from({ length: offset === 0 ? 100 : offset === 100 ? 10 : 0 }, (_, n) => ({ endpoint_id: `ep-${offset + n}` }));
			return { status: 200, body: { objects, meta: { total_count: 130 } } };
		});
		const result = await suite.env.run({ node: config.node, credential: credentialFor(config), parameters: config.list });
		expect(result.error?.description).toContain('The page at offset 110 was empty although "meta.total_count" said 130.');
		expect(result.items).toHaveLength(0);
	});

	it('Opentact: a list answered {} is an error, not zero SIP users', async () => {
		const config = HOSTILE_VENDORS.find((candidate) => candidate.vendor === 'Opentact')!;
		serveList(config, 5, 1, {});
		const result = await suite.env.run({ node: config.node, credential: credentialFor(config), parameters: config.list });
		expect(result.error?.message).toBe('Opentact Get Many SIP User failed: Opentact answered HTTP 200 with an answer of an unexpected shape');
		expect(result.error?.description).toContain('Page 1 of the list was not Opentact\'s list: The answer had no "payload" list: it was an empty object {}.');
	});

	it('Ultravox: a next link of the form //host is refused as a link, not reported as a network failure', async () => {
		const config = HOSTILE_VENDORS.find((candidate) => candidate.vendor === 'Ultravox')!;
		suite.hostile.reset(() => ({ status: 200, body: { results: [{ registrationId: 'r1' }], next: '//evil.example/api/sip/registrations?cursor=2' } }));
		const result = await suite.env.run({ node: config.node, credential: credentialFor(config), parameters: config.list });
		expect(result.error?.message).toBe('Ultravox Get Many SIP Registration failed: Ultravox answered HTTP 200 with an answer of an unexpected shape');
		expect(result.error?.description).toContain('The link to the next page ("next") was "//evil.example/api/sip/registrations?cursor=2", which is not an absolute https URL.');
		expect(suite.hostile.requests).toHaveLength(1);
	});

	it('Ultravox: a next link to another origin names the operation and says what happened and what to do', async () => {
		const config = HOSTILE_VENDORS.find((candidate) => candidate.vendor === 'Ultravox')!;
		suite.hostile.reset(() => ({ status: 200, body: { results: [{ registrationId: 'r1' }], next: 'https://evil.example/api/sip/registrations?cursor=2' } }));
		const result = await suite.env.run({ node: config.node, credential: credentialFor(config), parameters: config.list });
		expect(result.error?.message).toBe(
			"Ultravox Get Many SIP Registration failed: a link in Ultravox's answer pointed to another origin (https://evil.example)",
		);
		expect(result.error?.description).toContain('This happened on page 2 of the list; nothing was output.');
		expect(result.error?.description).toContain(`the credential never left ${suite.hostile.url}`);
		expect(suite.hostile.requests).toHaveLength(1);
	});

	describe.each(HOSTILE_VENDORS.map((config) => [config.vendor, config] as const))('%s picker', (_name, config) => {
		it('a picker page of another shape is an error, not a short list', async () => {
			suite.hostile.reset((request) => config.login?.(request, []) ?? { status: 200, body: { detail: 'Temporarily unavailable' } });
			const context = suite.env.pickerContext(config.node, credentialFor(config), config.pickerParameters, config.pickerPath);
			await expect(config.picker.call(context)).rejects.toMatchObject({
				message: expect.stringMatching(new RegExp(`^${config.vendor} List .+ \\(From List\\) failed: ${config.vendor} answered HTTP 200 with an answer of an unexpected shape$`)),
				description: expect.stringContaining('The list is not shown, rather than shown short.'),
			});
		});
	});
});
