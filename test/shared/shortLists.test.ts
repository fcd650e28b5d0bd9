import type { HostileAnswer, HostileRequest } from '../harness/hostile';
import { HOSTILE_VENDORS, hostileVendor } from '../harness/hostileVendors';
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
			if (config.count?.path.test(request.path))
				return { status: 200, body: config.count.answer(total) };
			const number = pageNumberOf(request, config.pageSize);
			return {
				status: 200,
				body:
					number === badPage ? bad : config.page(suite.hostile.url, number, config.pageSize, total),
			};
		});

	// The figures of the issue: Ultravox and SignalWire 250 → 100, Vobiz 130 → 100, NetSapiens 1,200 → 1,000.
	const PAGED: [string, number][] = [
		['Ultravox', 250],
		['SignalWire', 250],
		['Vobiz', 130],
		['NetSapiens', 1200],
	];

	describe.each(PAGED)('%s, %i entries', (vendor, total) => {
		const config = hostileVendor(vendor);

		it('reads the whole list when every page is a list (the impostor is faithful)', async () => {
			serveList(config, total, 0, undefined);
			const result = await suite.runList(config);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(total);
		});

		// NetSapiens lists are plain arrays: `[]` is a list's shape there, checked against its count below.
		const shapes: [string, unknown][] = [
			['{}', {}],
			['{"detail": …}', { detail: 'Temporarily unavailable' }],
			...(vendor === 'NetSapiens' ? [] : ([['[]', []]] as [string, unknown][])),
		];
		it.each(shapes)(
			'page 2 answered %s is an error naming page 2, not a short list',
			async (_shape, bad) => {
				serveList(config, total, 2, bad);
				const result = await suite.runList(config, { continueOnFail: true });
				expect(result.items).toHaveLength(1);
				const error = result.items[0].error;
				expect(error?.message).toMatch(
					new RegExp(
						`^${vendor} Get Many .+ failed: ${vendor} answered HTTP 200 with an answer of an unexpected shape$`,
					),
				);
				expect(error?.description).toContain(`Page 2 of the list was not ${vendor}'s list`);
				expect(error?.description).toContain(
					`(${config.pageSize} entries were read before it); nothing was output.`,
				);
				expect(error?.description).not.toContain(`${vendor} said:`);
			},
		);
	});

	it('Vobiz: a later page that brings nothing although meta.total_count says more is an error', async () => {
		const config = hostileVendor('Vobiz');
		serveList(config, 130, 2, { objects: [], meta: { total_count: 130, limit: 100, offset: 100 } });
		const result = await suite.runList(config);
		expect(result.error?.description).toContain(
			'The page at offset 100 was empty although "meta.total_count" said 130.',
		);
	});

	it('Vobiz: a list whose pages hold fewer entries than meta.total_count is an error', async () => {
		const config = hostileVendor('Vobiz');
		// Page 2 holds 10 entries and says 130: 110 listed of 130, and page 3 is empty.
		suite.hostile.reset((request) => {
			const offset = Number(request.query.get('offset') ?? 0);
			const objects = Array.from(
				{ length: offset === 0 ? 100 : offset === 100 ? 10 : 0 },
				(_, n) => ({ endpoint_id: `ep-${offset + n}` }),
			);
			return { status: 200, body: { objects, meta: { total_count: 130 } } };
		});
		const result = await suite.runList(config);
		expect(result.error?.description).toContain(
			'The page at offset 110 was empty although "meta.total_count" said 130.',
		);
		expect(result.items).toHaveLength(0);
	});

	describe("NetSapiens: the list is checked against NetSapiens' own count (GET …/devices/count)", () => {
		const config = hostileVendor('NetSapiens');
		const COUNT = "NetSapiens' device count (GET …/devices/count)";
		/** A list whose count says `counted` and whose pages hold `sizes[n - 1]` devices each. */
		const serveCounted = (counted: unknown, sizes: number[]) =>
			suite.hostile.reset((request): HostileAnswer => {
				const login = config.login?.(request, []);
				if (login) return login;
				if (config.count!.path.test(request.path)) return { status: 200, body: counted };
				const start = Number(request.query.get('start') ?? 0);
				const number = Math.floor(start / Number(request.query.get('limit'))) + 1;
				return {
					status: 200,
					body: Array.from({ length: sizes[number - 1] ?? 0 }, (_, n) => ({
						device: `d${start + n}`,
					})),
				};
			});
		const run = async () => await suite.runList(config, { continueOnFail: true });
		const listRequests = () =>
			suite.hostile.requests.filter((request) => request.path !== '/ns-api/v2/tokens');

		it('asks the count before the first page, and a list that holds exactly that many is output whole', async () => {
			serveCounted({ total: 1000 }, [1000, 0]);
			const result = await run();
			expect(result.items).toHaveLength(1000);
			expect(result.items.every((item) => item.error === undefined)).toBe(true);
			expect(listRequests().map((request) => [request.path, request.query.toString()])).toEqual([
				['/ns-api/v2/domains/~/users/~/devices/count', ''],
				['/ns-api/v2/domains/~/users/~/devices', 'limit=1000&start=0'],
				['/ns-api/v2/domains/~/users/~/devices', 'limit=1000&start=1000'],
			]);
		});

		it('page 2 answered [] after a full page, although the count says 1,200: an error naming page 2 and what to do', async () => {
			serveCounted({ total: 1200 }, [1000, 0]);
			const result = await run();
			expect(result.items).toHaveLength(1);
			const error = result.items[0].error;
			expect(error?.message).toBe(
				'NetSapiens Get Many Device failed: the list did not hold as many entries as NetSapiens said it does',
			);
			expect(error?.description).toBe(
				[
					`On page 2 of the list (1000 entries were read before it): The page at offset 1000 was empty although ${COUNT} said 1200.`,
					'Nothing was output, rather than a list that may be short or hold an entry twice.',
					"Entries added or removed while the node reads the list page by page make it disagree with the count: run the node again. If it keeps happening while nothing changes, NetSapiens's list and its own count disagree: report it to NetSapiens.",
				].join('\n'),
			);
		});

		it('a short last page that ends the list before the count: an error, not 1,150 of 1,200', async () => {
			serveCounted({ total: 1200 }, [1000, 150]);
			const result = await run();
			expect(result.items).toHaveLength(1);
			expect(result.items[0].error?.description).toContain(
				`On page 2 of the list (1000 entries were read before it): The list ended after 1150 entries (its last page held 150, fewer than asked), although ${COUNT} said 1200.`,
			);
		});

		it('a device added after the count (the list holds one more): an error on the page that shows it, never a device pushed off the pages', async () => {
			serveCounted({ total: 1000 }, [1000, 1]);
			const result = await run();
			expect(result.items).toHaveLength(1);
			expect(result.items[0].error?.description).toContain(
				`On page 2 of the list (1000 entries were read before it): The list held more entries (1001 so far) than ${COUNT} said (1000).`,
			);
		});

		it('the Device picker: a page [] after a full page although the count says more is an error, not a short list', async () => {
			serveCounted({ total: 150 }, [100, 0]);
			const context = suite.env.pickerContext(
				config.node,
				credentialFor(config),
				config.pickerParameters,
				config.pickerPath,
			);
			const first = await config.picker.call(context);
			expect(first.results).toHaveLength(100);
			const pick = config.picker as unknown as (
				this: unknown,
				filter?: string,
				token?: string,
			) => Promise<unknown>;
			await expect(
				pick.call(context, undefined, first.paginationToken as string),
			).rejects.toMatchObject({
				message:
					'NetSapiens List Devices (From List) failed: NetSapiens answered HTTP 200 with an answer of an unexpected shape',
				description: expect.stringContaining(
					`The page at offset 100 was empty although ${COUNT} said 150. The list is not shown, rather than shown short: entries added or removed while it was read make it disagree with the count, so open the list again.`,
				),
			});
			// The count is asked once, before the first page; it travels in the token.
			expect(listRequests().filter((request) => request.path.endsWith('/count'))).toHaveLength(1);
		});

		it.each([
			['{}', {}],
			['[]', []],
			['{"total": "many"}', { total: 'many' }],
			['{"total": -1}', { total: -1 }],
		])(
			'a count answered %s is an error naming the count; no page is read',
			async (_shape, counted) => {
				serveCounted(counted, [5]);
				const result = await run();
				expect(result.items).toHaveLength(1);
				expect(result.items[0].error?.message).toBe(
					'NetSapiens Get Many Device failed: NetSapiens answered HTTP 200 with an answer of an unexpected shape',
				);
				expect(result.items[0].error?.description).toMatch(
					new RegExp(
						`^This happened on ${COUNT.replace(/[()…]/g, '.')}, which the node asks before the first page of the list; nothing was output\\.\nThe answer (had no total count in "total"|was .+, not an object with a total count in "total")`,
					),
				);
				expect(listRequests().map((request) => request.path)).toEqual([
					'/ns-api/v2/domains/~/users/~/devices/count',
				]);
			},
		);
	});

	it('Opentact: a list answered {} is an error, not zero SIP users', async () => {
		const config = hostileVendor('Opentact');
		serveList(config, 5, 1, {});
		const result = await suite.runList(config);
		expect(result.error?.message).toBe(
			'Opentact Get Many SIP User failed: Opentact answered HTTP 200 with an answer of an unexpected shape',
		);
		expect(result.error?.description).toContain(
			'Page 1 of the list was not Opentact\'s list: The answer had no "payload" list: it was an empty object {}.',
		);
	});

	it('Ultravox: a next link of the form //host is refused as a link, not reported as a network failure', async () => {
		const config = hostileVendor('Ultravox');
		suite.hostile.reset(() => ({
			status: 200,
			body: {
				results: [{ registrationId: 'r1' }],
				next: '//evil.example/api/sip/registrations?cursor=2',
			},
		}));
		const result = await suite.runList(config);
		expect(result.error?.message).toBe(
			'Ultravox Get Many SIP Registration failed: Ultravox answered HTTP 200 with an answer of an unexpected shape',
		);
		expect(result.error?.description).toContain(
			'The link to the next page ("next") was "//evil.example/api/sip/registrations?cursor=2", which is not an absolute https URL.',
		);
		expect(suite.hostile.requests).toHaveLength(1);
	});

	it('Ultravox: a next link to another origin names the operation and says what happened and what to do', async () => {
		const config = hostileVendor('Ultravox');
		suite.hostile.reset(() => ({
			status: 200,
			body: {
				results: [{ registrationId: 'r1' }],
				next: 'https://evil.example/api/sip/registrations?cursor=2',
			},
		}));
		const result = await suite.runList(config);
		expect(result.error?.message).toBe(
			"Ultravox Get Many SIP Registration failed: a link in Ultravox's answer pointed to another origin (https://evil.example)",
		);
		expect(result.error?.description).toContain(
			'This happened on page 2 of the list; nothing was output.',
		);
		expect(result.error?.description).toContain(`the credential never left ${suite.hostile.url}`);
		expect(suite.hostile.requests).toHaveLength(1);
	});

	describe.each(HOSTILE_VENDORS.map((config) => [config.vendor, config] as const))(
		'%s picker',
		(_name, config) => {
			it('a picker page of another shape is an error, not a short list', async () => {
				suite.hostile.reset(
					(request) =>
						config.login?.(request, []) ?? {
							status: 200,
							body: { detail: 'Temporarily unavailable' },
						},
				);
				const context = suite.env.pickerContext(
					config.node,
					credentialFor(config),
					config.pickerParameters,
					config.pickerPath,
				);
				await expect(config.picker.call(context)).rejects.toMatchObject({
					message: expect.stringMatching(
						new RegExp(
							`^${config.vendor} List .+ \\(From List\\) failed: ${config.vendor} answered HTTP 200 with an answer of an unexpected shape$`,
						),
					),
					description: expect.stringContaining('The list is not shown, rather than shown short.'),
				});
			});
		},
	);
});
