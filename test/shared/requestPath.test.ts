import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';

/** The shared request path, exercised through the Ultravox node (every vendor node uses the same path). */
describe('shared request path: pacing, Retry-After and retries', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };
	let ids: string[];

	beforeAll(async () => {
		env = await TestEnvironment.start();
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.sandbox.configure({ rateLimits: { ultravox: 200 } });
		// A fresh credential per test: pacing is shared per credential, as the vendor counts per key.
		credential = env.credential('ultravox', 'ultravoxSipApi');
		ids = env.sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[];
	});

	const getItems = (count: number) =>
		Array.from({ length: count }, (_, n) => ({ id: ids[n % ids.length] }));
	const getParameters = (rateLimiting: Record<string, number> = {}) => ({
		resource: 'sipRegistration',
		operation: 'get',
		registrationId: byId('={{ $json.id }}'),
		rateLimiting,
	});
	/** Get of `count` seeded registrations, one item each, with the Rate Limiting options given. */
	const getRegistrations = async (count: number, rateLimiting: Record<string, number> = {}) =>
		await env.run({
			node: 'ultravox',
			credential,
			items: getItems(count),
			parameters: getParameters(rateLimiting),
		});
	const statuses = () => env.sandbox.requests('ultravox').map((request) => request.status);

	it('paces under the vendor limit: 30 items at 6 requests/s against 10 per key, never a 429 (unpaced, 20 would be refused)', async () => {
		env.sandbox.configure({ rateLimits: { ultravox: 10 } });
		const result = await getRegistrations(30, { requestsPerSecond: 6 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(30);
		expect(statuses().filter((status) => status === 429)).toHaveLength(0);
		expect(statuses()).toHaveLength(30);
	});

	it('stays under the limit when requests reach the vendor late: 5 of 20 items delayed 400 ms on the way, pacing at the limit, never a 429', async () => {
		// The vendor counts a request when it arrives, not when the node sent it. Requests held up on
		// the way (a busy n8n, the network) land in the same second as later ones.
		env.sandbox.configure({ rateLimits: { ultravox: 10 } });
		env.sandbox.injectFault({ vendor: 'ultravox', mode: 'delay', delayMs: 400, count: 5 });
		const result = await getRegistrations(20, { requestsPerSecond: 10 });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.registrationId)).toEqual(
			getItems(20).map((item) => item.id),
		);
		expect(statuses()).toEqual(Array(20).fill(200));
	});

	it('when pacing is set too fast, honours Retry-After on 429 and still loses no item', async () => {
		env.sandbox.configure({ rateLimits: { ultravox: 10 } });
		const result = await getRegistrations(25, { requestsPerSecond: 1000 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(25);
		expect(result.items.every((item) => item.json.registrationId)).toBe(true);
		expect(statuses().filter((status) => status === 429).length).toBeGreaterThan(0);
		expect(statuses().filter((status) => status === 200)).toHaveLength(25);
	});

	it('a 429 with Retry-After is waited out and the request sent again', async () => {
		env.sandbox.injectFault({
			vendor: 'ultravox',
			mode: 'status',
			status: 429,
			headers: { 'retry-after': '1' },
			body: { detail: 'slow down' },
		});
		const result = await getRegistrations(1);
		expect(result.items[0].json.registrationId).toBe(ids[0]);
		const [first, second] = env.sandbox.requests('ultravox');
		expect([first.status, second.status]).toEqual([429, 200]);
		expect(second.at - first.at).toBeGreaterThanOrEqual(950);
	});

	it('gives up after the configured number of waits and says how many and what to lower', async () => {
		env.sandbox.injectFault({
			vendor: 'ultravox',
			mode: 'status',
			status: 429,
			count: 10,
			body: { detail: 'Request was throttled.' },
		});
		const result = await getRegistrations(1, { maxRateLimitRetries: 2 });
		expect(result.error?.message).toBe(
			'Ultravox Get SIP Registration failed: rate limit exceeded (HTTP 429)',
		);
		const [said, gaveUp, advice] = String(result.error?.description).split('\n');
		expect(said).toBe('Ultravox said: Request was throttled.');
		// Waits of 1 s and 2 s (the node's own backoff without Retry-After).
		expect(gaveUp).toMatch(/^The node gave up after 3 attempts over [34] s\.$/);
		expect(advice).toBe(
			'Ultravox kept answering "too many requests" after the node waited 2 times. Lower "Requests per Second" in the node\'s Options, or raise "Max Rate-Limit Retries".',
		);
		expect(statuses()).toEqual([429, 429, 429]);
	});

	it('retries a read after a 503, but never a write', async () => {
		env.sandbox.injectFault({
			vendor: 'ultravox',
			mode: 'status',
			status: 503,
			count: 1,
			method: 'GET',
		});
		const read = await getRegistrations(1);
		expect(read.error).toBeUndefined();
		expect(statuses()).toEqual([503, 200]);

		env.sandbox.clearRequests();
		env.sandbox.injectFault({
			vendor: 'ultravox',
			mode: 'status',
			status: 503,
			count: 1,
			method: 'PATCH',
		});
		const write = await env.run({
			node: 'ultravox',
			credential,
			parameters: {
				resource: 'sipRegistration',
				operation: 'update',
				registrationId: byId(ids[0]),
				updateFields: { proxy: 'p.example.com' },
			},
		});
		expect(write.error?.message).toBe(
			'Ultravox Update SIP Registration failed: Ultravox answered HTTP 503',
		);
		expect(write.error?.description).toContain('may or may not have been applied');
		expect(statuses()).toEqual([503]);
	});

	it('retries a read after a dropped connection', async () => {
		env.sandbox.injectFault({ vendor: 'ultravox', mode: 'reset', count: 1 });
		const read = await getRegistrations(1);
		expect(read.error).toBeUndefined();
		expect(env.sandbox.requests('ultravox')).toHaveLength(2);
	});
});
