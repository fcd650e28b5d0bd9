import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';
import { startLocalServer } from '../harness/localServer';

/**
 * n8n looks a request's credential up (a database read and a decryption) inside
 * httpRequestWithAuthentication, before it sends. With 10,000 items in one process that read
 * queues behind thousands of others; measured in the real n8n (2.41.1 on PostgreSQL), a write
 * released by the pacer waited up to 30 s for it and was failed as "the request timed out" without
 * ever reaching the vendor. Here the harness's credentials helper (the stand-in for n8n's
 * database) answers slowly or fails, as that queue does.
 */
describe('a credential lookup that is slow or fails before the request is sent', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };
	let seededIds: string[];
	/** `failing`: which lookups of the run fail (1: n8n's own before the node runs, 2: the request's). */
	const lookup = { delayMs: 0, calls: 0, failing: [] as number[] };

	beforeAll(async () => {
		env = await TestEnvironment.start();
		credential = env.credential('ultravox', 'ultravoxSipApi');
		seededIds = env.sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[];
		const getDecrypted = env.credentials.getDecrypted.bind(env.credentials);
		env.credentials.getDecrypted = async (...args: Parameters<typeof getDecrypted>) => {
			await new Promise((resolve) => setTimeout(resolve, lookup.delayMs));
			if (lookup.failing.includes(++lookup.calls)) {
				// What a database pool that waited too long for a connection fails with.
				throw Object.assign(new Error('timeout exceeded when trying to connect'), {
					code: 'ETIMEDOUT',
				});
			}
			return await getDecrypted(...args);
		};
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.clearRequests();
		lookup.delayMs = 0;
		lookup.calls = 0;
		lookup.failing = [];
	});

	const update = (id: string, timeout: number) => ({
		resource: 'sipRegistration',
		operation: 'update',
		registrationId: byId(id),
		updateFields: { proxy: 'pbx2.example.com' },
		requestOptions: { timeout },
	});

	it('a write whose lookup takes longer than its Timeout is still sent, once, and succeeds', async () => {
		lookup.delayMs = 1500;
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: update(seededIds[0], 1000),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			registrationId: seededIds[0],
			proxy: 'pbx2.example.com',
		});
		const requests = env.sandbox.requests('ultravox');
		expect(requests.map((request) => request.method)).toEqual(['PATCH']);
	}, 30_000);

	it('a write whose lookup failed before sending is sent once the lookup works', async () => {
		lookup.failing = [2];
		const result = await env.run({
			node: 'ultravox',
			credential,
			parameters: update(seededIds[0], 1000),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ proxy: 'pbx2.example.com' });
		expect(env.sandbox.requests('ultravox').map((request) => request.method)).toEqual(['PATCH']);
	}, 30_000);

	it('a vendor that never answers still fails the write within its Timeout once sent, sent once', async () => {
		lookup.delayMs = 1500;
		const silent = await startLocalServer(() => undefined);
		try {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'ultravox',
				credential: env.credential('ultravox', 'ultravoxSipApi', { baseUrl: silent.url }),
				parameters: update('reg-1', 1000),
			});
			const seconds = (Date.now() - startedAt) / 1000;
			expect(result.error?.message).toBe(
				'Ultravox Update SIP Registration failed: the request timed out',
			);
			expect(result.error?.description).toContain('Writes are not retried automatically');
			expect(silent.requests.map((request) => request.method)).toEqual(['PATCH']);
			// Three lookups of 1.5 s (n8n's before the node runs, the request's, the error's redaction)
			// and one 1 s Timeout: not the lookup's wait taken for the vendor's silence, nor a retry.
			expect(seconds).toBeLessThan(8);
		} finally {
			await silent.close();
		}
	}, 30_000);
});
