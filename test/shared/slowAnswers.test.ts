import { startLocalServer } from '../harness/localServer';
import type { LocalServer } from '../harness/localServer';
import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';

/**
 * A vendor that answers its headers at once, then its body one byte at a time, each byte well inside
 * the node's Timeout: the read must still end within the Timeout (per attempt), not when the vendor
 * is done trickling.
 *
 * KNOWN DEFECT (issue 16, attacker class "slow byte-by-byte answers"), kept as `it.failing` so the
 * suite stays green and turns red the day it is fixed: n8n's Timeout reaches axios as
 * `ClientRequest.setTimeout`, an idle timeout of the socket that every byte resets, so a vendor that
 * trickles holds the item for as long as it trickles (8 s here under a 1 s Timeout; a byte a second
 * would hold a 3 a.m. rotation for hours). The request's own abortSignal cannot bound it either:
 * n8n-core's httpRequestWithAuthentication replaces it with the execution's cancel signal. The fix
 * belongs in nodes/shared/requestPath.ts (a deadline per attempt raced against the attempt, raised
 * as the same "timed out" failure so reads retry and writes say the outcome is unknown).
 */
function tricklingVendor(byteEveryMs: number): Promise<LocalServer> {
	return startLocalServer((_request, response) => {
		const body = JSON.stringify({
			registrationId: 'reg-1',
			username: 'u1',
			padding: 'x'.repeat(20),
		});
		response.writeHead(200, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(body),
		});
		let sent = 0;
		const tick = setInterval(() => {
			if (response.destroyed || sent >= body.length) return clearInterval(tick);
			response.write(body[sent++]);
			if (sent === body.length) response.end();
		}, byteEveryMs);
		response.on('close', () => clearInterval(tick));
	});
}

describe('a vendor that trickles its answer byte by byte', () => {
	let env: TestEnvironment;
	let vendor: Awaited<ReturnType<typeof tricklingVendor>>;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());
	// About 80 bytes at one per 100 ms: 8 s of answer, each byte far inside a 1 s Timeout.
	beforeEach(async () => (vendor = await tricklingVendor(100)));
	afterEach(async () => await vendor.close());

	// OPEN DEFECT (issue 16, item 9), kept visible with it.failing: the node's Timeout is the HTTP
	// client's idle timeout, so a vendor that trickles bytes holds a read for as long as it trickles.
	// The fix belongs in the request path's send (nodes/shared/requestPath.ts): a deadline per
	// attempt (n8n-workflow's sleep raced against the attempt), reported as a timeout. Turn this back
	// into `it` when it lands.
	it.failing(
		'a read fails within its Timeout per attempt, not when the trickle ends',
		async () => {
			const startedAt = Date.now();
			const result = await env.run({
				node: 'ultravox',
				credential: env.credential('ultravox', 'ultravoxSipApi', { baseUrl: vendor.url }),
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
			expect(seconds).toBeLessThan(5);
		},
		60_000,
	);
});
