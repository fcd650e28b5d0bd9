import { startLocalServer } from '../harness/localServer';
import type { LocalServer } from '../harness/localServer';
import { byId } from '../harness/locator';
import { searchSipRegistrations } from '../../nodes/Ultravox/listSearch/searchSipRegistrations';
import { TestEnvironment } from '../harness/run';

/** What the trickling vendor saw of one request: its body, and whether the client hung up early. */
interface Exchange {
	method: string;
	url: string;
	body: string;
	/** Bytes of the answer sent before the connection closed. */
	sentBytes: number;
	answerBytes: number;
	/** Set when the connection closed before the whole answer was sent. */
	hungUpEarly: boolean;
}

/**
 * A vendor that answers its headers at once, then its body one byte every `byteEveryMs`, each byte
 * well inside the node's Timeout (issue 16, attacker class "slow byte-by-byte answers"). n8n's
 * Timeout reaches axios as `ClientRequest.setTimeout`, an idle timeout of the socket that every
 * byte resets; the request path bounds each attempt in total (nodes/shared/deadline.ts).
 */
async function tricklingVendor(
	byteEveryMs: number,
	answer: object = { registrationId: 'reg-1', username: 'u1', padding: 'x'.repeat(20) },
): Promise<LocalServer & { exchanges: Exchange[] }> {
	const exchanges: Exchange[] = [];
	const server = await startLocalServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = JSON.stringify(answer);
			const exchange: Exchange = {
				method: request.method ?? '',
				url: request.url ?? '',
				body: Buffer.concat(chunks).toString('utf8'),
				sentBytes: 0,
				answerBytes: body.length,
				hungUpEarly: false,
			};
			exchanges.push(exchange);
			response.writeHead(200, {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body),
			});
			const tick = setInterval(() => {
				if (response.destroyed || exchange.sentBytes >= body.length) return clearInterval(tick);
				response.write(body[exchange.sentBytes++]);
				if (exchange.sentBytes === body.length) response.end();
			}, byteEveryMs);
			response.on('close', () => {
				clearInterval(tick);
				if (exchange.sentBytes < body.length) exchange.hungUpEarly = true;
			});
		});
	});
	return Object.assign(server, { exchanges });
}

/** The client hung up on every exchange before the vendor was done trickling (the request was dropped). */
async function expectAbandoned(exchanges: Exchange[]): Promise<void> {
	// The vendor sees the hang-up a moment after the node has failed: bounded, 20 × 50 ms.
	for (let wait = 0; wait < 20 && !exchanges.every((exchange) => exchange.hungUpEarly); wait++)
		await new Promise((resolve) => setTimeout(resolve, 50));
	expect(exchanges.map(({ url, hungUpEarly }) => ({ url, hungUpEarly }))).toEqual(
		exchanges.map(({ url }) => ({ url, hungUpEarly: true })),
	);
}

describe('a vendor that trickles its answer byte by byte', () => {
	let env: TestEnvironment;
	let vendor: Awaited<ReturnType<typeof tricklingVendor>>;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());
	afterEach(async () => await vendor?.close());
	/** The Ultravox credential pointed at the trickling vendor. */
	const tricklingCredential = () =>
		env.credential('ultravox', 'ultravoxSipApi', { baseUrl: vendor.url });

	// About 80 bytes at one per 100 ms: 8 s of answer, each byte far inside a 1 s Timeout.
	describe('under a Timeout of 1 s', () => {
		beforeEach(async () => (vendor = await tricklingVendor(100)));

		it('a read fails within its Timeout per attempt, not when the trickle ends', async () => {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'ultravox',
				credential: tricklingCredential(),
				parameters: {
					resource: 'sipRegistration',
					operation: 'get',
					registrationId: byId('reg-1'),
					rateLimiting: { serverErrorRetries: 1 },
					requestOptions: { timeout: 1000 },
				},
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error?.message).toBe(
				'Ultravox Get SIP Registration failed: the request timed out',
			);
			// Retried as a timeout is: one retry, and the words of one.
			expect(result.error?.description).toContain(
				'No answer from Ultravox in time; the node retried this read 1 time.',
			);
			expect(vendor.exchanges.map((exchange) => exchange.method)).toEqual(['GET', 'GET']);
			await expectAbandoned(vendor.exchanges);
			expect(seconds).toBeLessThan(5);
		}, 60_000);

		it('a write fails within its Timeout and says the change may have been applied', async () => {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'ultravox',
				credential: tricklingCredential(),
				parameters: {
					resource: 'sipRegistration',
					operation: 'update',
					registrationId: byId('reg-1'),
					updateFields: { proxy: 'p.example.com' },
					requestOptions: { timeout: 1000 },
				},
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error?.message).toBe(
				'Ultravox Update SIP Registration failed: the request timed out',
			);
			expect(result.error?.description).toContain(
				'No answer from Ultravox in time. Writes are not retried automatically: the change may or may not have been applied',
			);
			expect(vendor.exchanges.map((exchange) => exchange.method)).toEqual(['PATCH']);
			await expectAbandoned(vendor.exchanges);
			expect(seconds).toBeLessThan(4);
		}, 60_000);

		it('Rotate Password (Generate) hands on each pending password with the outcome unknown, one item per input', async () => {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'ultravox',
				credential: tricklingCredential(),
				continueOnFail: true,
				items: [{}, {}],
				parameters: {
					resource: 'sipRegistration',
					operation: 'rotatePassword',
					registrationId: byId('reg-1'),
					verification: 'none',
					requestOptions: { timeout: 1000 },
				},
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			const applies = vendor.exchanges.filter((exchange) => exchange.method === 'PATCH');
			expect(applies).toHaveLength(2);
			const sent = applies.map((exchange) => JSON.parse(exchange.body).password as string);
			const pending = result.items.map((item) => (item.json.details as any)?.pendingPassword);
			expect([...pending].sort()).toEqual([...sent].sort());
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json.details).toMatchObject({ outcome: 'unknown', httpCode: 'ECONNABORTED' });
				expect(item.json.error).toContain(
					'Ultravox Rotate Password SIP Registration failed: the request timed out. The outcome is unknown',
				);
				expect(item.json.error).toContain('"pendingPassword"');
			});
			await expectAbandoned(vendor.exchanges);
			expect(seconds).toBeLessThan(5);
		}, 60_000);

		it('an Opentact account login that trickles holds the read no longer than its Timeout', async () => {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'opentact',
				credential: env.credential('opentact', 'opentactSipApi', {
					authentication: 'accountLogin',
					email: 'ops@example.com',
					password: 'OpentactPassw0rd!-991',
					baseUrl: `${vendor.url}/rest`,
				}),
				parameters: {
					resource: 'sipUser',
					operation: 'get',
					domain: byId('d1'),
					userId: byId('6f1c2b8e-0d4a-4b6e-9c1e-2a3b4c5d6e7f'),
					rateLimiting: { serverErrorRetries: 1 },
					requestOptions: { timeout: 1000 },
				},
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error?.message).toBe('Opentact Get SIP User failed: the request timed out');
			expect(vendor.exchanges.map((exchange) => exchange.url)).toEqual(['/rest/auth']);
			expect(seconds).toBeLessThan(5);
		}, 60_000);
	});

	// About 450 bytes at one per 100 ms: 45 s of answer. A login has no Timeout of the node's own
	// (n8n runs it inside the node's request, and alone when it tests a credential), nor has a "From
	// List" picker: 30 s in total for each.
	describe('without a Timeout of the node: session logins and pickers', () => {
		beforeEach(async () => (vendor = await tricklingVendor(100, { padding: 'x'.repeat(430) })));

		it('Opentact and NetSapiens logins (credential test) and a picker give up within 30 s in total, not when the trickle ends', async () => {
			const startedAt = Date.now();
			const timed = async <T>(run: () => Promise<T>) => {
				const outcome = await run().catch((error: Error) => error);
				return { outcome, seconds: (Date.now() - startedAt) / 1000 };
			};
			const picker = env.pickerContext(
				'ultravox',
				tricklingCredential(),
				{ resource: 'sipRegistration', operation: 'get' },
				'parameters.registrationId',
			);
			const [opentact, netSapiens, picked] = await Promise.all([
				timed(
					async () =>
						await env.testCredential('opentactSipApi', {
							authentication: 'accountLogin',
							email: 'ops@example.com',
							password: 'OpentactPassw0rd!-991',
							baseUrl: `${vendor.url}/rest`,
						}),
				),
				timed(
					async () =>
						await env.testCredential('netSapiensSipApi', {
							server: vendor.url,
							authType: 'oAuth2Password',
							clientId: 'client',
							clientSecret: 'ClientSecret-Abc123456789xyz',
							username: '1000@example.com',
							password: 'UserPassw0rd!Zz-77',
						}),
				),
				timed(async () => await searchSipRegistrations.call(picker)),
			]);
			expect(vendor.exchanges.map((exchange) => exchange.url.split('?')[0]).sort()).toEqual([
				'/api/sip/registrations',
				'/ns-api/v2/tokens',
				'/rest/auth',
			]);
			await expectAbandoned(vendor.exchanges);
			for (const verdict of [opentact, netSapiens]) {
				expect(verdict.outcome).toMatchObject({
					status: 'Error',
					message: expect.stringContaining('in time'),
				});
			}
			expect(picked.outcome).toMatchObject({
				message: expect.stringMatching(/^Ultravox .* \(From List\) failed: the request timed out$/),
			});
			for (const { seconds } of [opentact, netSapiens, picked]) {
				expect(seconds).toBeGreaterThanOrEqual(29);
				expect(seconds).toBeLessThan(40);
			}
		}, 90_000);
	});
});
