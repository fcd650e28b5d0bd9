import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MAX_LIST_PAGES } from '../../nodes/shared/paging';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../nodes/shared/url';
import type { HostileAnswer, HostileRequest } from '../harness/hostile';
import { hostileVendor } from '../harness/hostileVendors';
import type { HostileVendor } from '../harness/hostileVendors';
import { hostileSuite } from '../harness/hostileSuite';

/**
 * Lists whose next link loops or never ends: Return All and the "From List" pickers read each
 * page once and at most a bounded number of pages, and say so by an error naming the page, instead
 * of outputting entries twice (350 items for 250) or paging until n8n runs out of memory.
 */
describe('a next link that loops or never ends is an error, never duplicates or an endless list', () => {
	const suite = hostileSuite();

	const { credentialFor } = suite;

	/** The vendors whose lists give an absolute next link, and where that link is in a page. */
	const LINKED: Array<[string, (page: any, link: string | null) => unknown]> = [
		['Ultravox', (page, link) => ({ ...page, next: link })],
		['SignalWire', (page, link) => ({ ...page, links: link ? { next: link } : {} })],
	];

	/** Pages of 100 of a 250-entry list, page n's next link given by `linkOf`. */
	const serve = (
		config: HostileVendor,
		linkOf: (request: HostileRequest, number: number) => string | null,
		withLink: (page: any, link: string | null) => unknown,
	) =>
		suite.hostile.reset((request): HostileAnswer => {
			const number = Number(request.query.get('cursor') ?? request.query.get('page') ?? 1);
			return {
				status: 200,
				body: withLink(config.page(suite.hostile.url, number, 100, 250), linkOf(request, number)),
			};
		});

	describe.each(LINKED)('%s', (vendor, withLink) => {
		const config = hostileVendor(vendor);
		const listPath = (request: HostileRequest) => request.path.replace(/\?.*$/, '');

		it('Return All: a next link back to the page just read fails the item naming the page, no entry twice', async () => {
			serve(
				config,
				(request, number) => (number === 1 ? `${suite.hostile.url}${request.url}` : null),
				withLink,
			);
			const result = await suite.runList(config, { continueOnFail: true });
			expect(result.items).toHaveLength(1);
			expect(result.items[0].error?.description).toContain(
				`Page 1 of the list was not ${vendor}'s list: Its link to the next page leads back to page 1, which was read already`,
			);
			expect(suite.hostile.requests).toHaveLength(1);
		});

		it('Return All: a later page linking back to the first (a loop of two) fails on that page', async () => {
			let firstPage = '';
			serve(
				config,
				(request, number) => {
					if (number !== 1) return `${suite.hostile.url}${firstPage}`;
					firstPage = request.url;
					return `${suite.hostile.url}${listPath(request)}?page=2&cursor=2`;
				},
				withLink,
			);
			const result = await suite.runList(config, { continueOnFail: true });
			expect(result.items).toHaveLength(1);
			expect(result.items[0].error?.description).toContain(
				`Page 2 of the list was not ${vendor}'s list: Its link to the next page leads back to page 1`,
			);
			expect(suite.hostile.requests).toHaveLength(2);
		});

		it('picker: a next link back to a page already read is an error, on the first call and on a later one', async () => {
			serve(config, (request) => `${suite.hostile.url}${request.url}`, withLink);
			const context = suite.env.pickerContext(
				config.node,
				credentialFor(config),
				config.pickerParameters,
				config.pickerPath,
			);
			await expect(config.picker.call(context)).rejects.toMatchObject({
				description: expect.stringContaining(
					'Its link to the next page leads back to page 1, which was read already',
				),
			});
			serve(
				config,
				(request, number) =>
					number === 1
						? `${suite.hostile.url}${listPath(request)}?page=2&cursor=2`
						: `${suite.hostile.url}${listPath(request)}?page=3&cursor=3`,
				withLink,
			);
			const first = await config.picker.call(context);
			const pick = config.picker as unknown as (
				this: unknown,
				filter?: string,
				token?: string,
			) => Promise<{ paginationToken?: unknown }>;
			const second = await pick.call(context, undefined, first.paginationToken as string);
			serve(
				config,
				(request) => `${suite.hostile.url}${listPath(request)}?page=2&cursor=2`,
				withLink,
			);
			await expect(
				pick.call(context, undefined, second.paginationToken as string),
			).rejects.toMatchObject({
				description: expect.stringContaining(
					'Its link to the next page leads back to page 2, which was read already',
				),
			});
		});
	});

	it(`Ultravox Return All: a next link that never ends fails the item after ${MAX_LIST_PAGES} pages, naming the page`, async () => {
		const config = hostileVendor('Ultravox');
		suite.hostile.reset((request) => {
			const number = Number(request.query.get('cursor') ?? 1);
			return {
				status: 200,
				body: {
					results: [{ registrationId: `reg-${number}` }],
					next: `${suite.hostile.url}/api/sip/registrations?cursor=${number + 1}`,
				},
			};
		});
		const result = await suite.env.run({
			node: config.node,
			credential: credentialFor(config),
			parameters: { ...config.list, rateLimiting: { requestsPerSecond: 100_000 } },
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].error?.description).toContain(
			`Page ${MAX_LIST_PAGES} of the list was not Ultravox's list: The list went on past ${MAX_LIST_PAGES} pages`,
		);
		expect(suite.hostile.requests).toHaveLength(MAX_LIST_PAGES);
	}, 120_000);

	describe("a picker whose vendor never answers fails within the node's default timeout", () => {
		let silent: Server;
		const sockets = new Set<Socket>();
		let url: string;
		beforeAll(async () => {
			silent = createServer(() => undefined);
			silent.on('connection', (socket) => {
				sockets.add(socket);
				socket.on('close', () => sockets.delete(socket));
			});
			await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
		});
		afterAll(async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		});

		it(
			'Vobiz endpoints picker (every picker requests through pickerCall)',
			async () => {
				const config = hostileVendor('Vobiz');
				const context = suite.env.pickerContext(
					config.node,
					credentialFor(config, url),
					config.pickerParameters,
					config.pickerPath,
				);
				const startedAt = Date.now();
				await expect(config.picker.call(context)).rejects.toMatchObject({
					message: expect.stringContaining('timed out'),
				});
				const elapsed = Date.now() - startedAt;
				expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_REQUEST_TIMEOUT_MS - 1000);
				expect(elapsed).toBeLessThan(DEFAULT_REQUEST_TIMEOUT_MS + 10_000);
			},
			DEFAULT_REQUEST_TIMEOUT_MS + 30_000,
		);
	});
});
