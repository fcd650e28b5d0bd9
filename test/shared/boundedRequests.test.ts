import { TestEnvironment } from '../harness/run';
import { VENDOR_CASES } from './vendorCases';
import { byId } from '../harness/locator';
import { startLocalServer } from '../harness/localServer';

/** A vendor that accepts the connection and never answers. */
const silentVendor = () => startLocalServer(() => undefined);

describe('shared request path: bounded time, and errors that say what happened', () => {
	let env: TestEnvironment;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.reset());

	const ultravox = VENDOR_CASES.find((vendorCase) => vendorCase.vendor === 'ultravox')!;

	describe('a vendor that never answers', () => {
		let silent: Awaited<ReturnType<typeof silentVendor>>;
		beforeEach(async () => (silent = await silentVendor()));
		afterEach(async () => await silent.close());

		it('a read stops retrying once the item has spent its retry time, and says so', async () => {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'ultravox',
				credential: env.credential('ultravox', 'ultravoxSipApi', { baseUrl: silent.url }),
				parameters: {
					...ultravox.get(env, 'reg-1'),
					rateLimiting: { serverErrorRetries: 10, maxRetryTimeSeconds: 4 },
					// n8n's own Request Options → Timeout, kept as the user set it.
					requestOptions: { timeout: 1000 },
				},
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error?.message).toBe(
				'Ultravox Get SIP Registration failed: the request timed out',
			);
			expect(result.error?.description).toMatch(
				/^The node gave up after [2-4] attempts over [3-5] s: another retry would have gone past the 4 s "Max Retry Time per Item \(Seconds\)" allows\.\nNo answer from Ultravox in time; the node retried this read [1-3] times?\./,
			);
			expect(silent.requests.length).toBeGreaterThanOrEqual(2);
			expect(silent.requests.length).toBeLessThanOrEqual(4);
			// Ten retries of 1 s each with their backoff would take over a minute.
			expect(seconds).toBeLessThan(10);
		}, 30_000);

		it("a write without a Timeout of its own fails after 30 s, not after n8n's 300 s", async () => {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'ultravox',
				credential: env.credential('ultravox', 'ultravoxSipApi', { baseUrl: silent.url }),
				parameters: {
					resource: 'sipRegistration',
					operation: 'update',
					registrationId: byId('reg-1'),
					updateFields: { proxy: 'p.example.com' },
				},
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error?.message).toBe(
				'Ultravox Update SIP Registration failed: the request timed out',
			);
			expect(result.error?.description).toContain('may or may not have been applied');
			expect(silent.requests).toHaveLength(1);
			expect(seconds).toBeGreaterThanOrEqual(29);
			expect(seconds).toBeLessThan(45);
		}, 60_000);
	});

	describe('a login to a vendor that never answers', () => {
		let silent: Awaited<ReturnType<typeof silentVendor>>;
		beforeEach(async () => (silent = await silentVendor()));
		afterEach(async () => await silent.close());

		it("Opentact account login gives up after 30 s (n8n's request helper has no timeout of its own)", async () => {
			const opentact = VENDOR_CASES.find((vendorCase) => vendorCase.vendor === 'opentact')!;
			const startedAt = Date.now();
			const result = await env.run({
				node: 'opentact',
				credential: env.credential('opentact', 'opentactSipApi', { baseUrl: `${silent.url}/rest` }),
				parameters: opentact.get(env),
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error?.message).toBeDefined();
			expect(silent.requests.map((request) => request.url)).toEqual(['/rest/auth']);
			expect(seconds).toBeGreaterThanOrEqual(29);
			expect(seconds).toBeLessThan(45);
		}, 60_000);
	});

	it('a 429 asking for a longer wait than Max Retry Wait says so, waits not at all, and suggests what helps', async () => {
		env.sandbox.injectFault({
			vendor: 'ultravox',
			mode: 'status',
			status: 429,
			count: 5,
			headers: { 'retry-after': '3600' },
			body: { detail: 'Request was throttled.' },
		});
		const result = await env.run({
			node: 'ultravox',
			credential: env.credential('ultravox', 'ultravoxSipApi'),
			parameters: { ...ultravox.get(env), rateLimiting: { maxRetryWaitSeconds: 30 } },
		});
		expect(result.error?.message).toBe(
			'Ultravox Get SIP Registration failed: rate limit exceeded (HTTP 429)',
		);
		expect(result.error?.description).toBe(
			'Ultravox said: Request was throttled.\nUltravox asked the node to wait 3600 s before trying again, more than the 30 s "Max Retry Wait (Seconds)" allows, so the node did not wait. Raise "Max Retry Wait (Seconds)" in the node\'s Options, or lower "Requests per Second" so the vendor stops asking; otherwise run it again later.',
		);
		expect(env.sandbox.requests('ultravox').map((request) => request.status)).toEqual([429]);
	});

	it.each(VENDOR_CASES)(
		'$vendor: a 100 KB ID is refused before any request, naming the field',
		async (vendorCase) => {
			const result = await env.run({
				node: vendorCase.node,
				credential: env.credential(vendorCase.vendor, vendorCase.credentialType),
				// An expression (say, a whole body): n8n checks a typed ID against the locator's regex itself.
				parameters: vendorCase.get(env, '={{ "a".repeat(100000) }}'),
			});
			expect(result.error?.message).toMatch(
				/^"[^"]+" may be at most 1000 characters long; this value has 100000 \(item 0\)$/,
			);
			expect(result.error?.description).toContain('Nothing was sent to the vendor.');
			expect(env.sandbox.requests(vendorCase.vendor)).toEqual([]);
		},
	);

	describe.each(VENDOR_CASES)(
		'$vendor: an empty credential field is refused before anything is sent',
		(vendorCase) => {
			it.each(vendorCase.requiredCredentialFields)(
				'$label, in a node run and in the credential test',
				async ({ field, label, overrides }) => {
					for (const empty of ['', '   ']) {
						env.sandbox.clearRequests();
						const credential = env.credential(vendorCase.vendor, vendorCase.credentialType, {
							...overrides,
							[field]: empty,
						});
						const result = await env.run({
							node: vendorCase.node,
							credential,
							parameters: vendorCase.get(env),
						});
						expect(result.error?.message).toContain(`The credential's ${label} is empty`);
						const data = {
							...env.sandbox.endpoints()[vendorCase.vendor].credentials,
							...overrides,
							[field]: empty,
						};
						const tested = await env.testCredential(vendorCase.credentialType, data as never);
						expect(tested.status).toBe('Error');
						expect(tested.message).toContain(`The credential's ${label} is empty`);
						expect(env.sandbox.requests(vendorCase.vendor)).toEqual([]);
					}
				},
			);
		},
	);
});
