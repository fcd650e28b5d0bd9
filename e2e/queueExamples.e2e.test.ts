/**
 * The queue-mode examples (examples/queue-ultravox-fan-out.json, examples/queue-ultravox-update-batch.json) run as
 * `npm run bench -- queue` runs them, at a small size: Redis, an n8n main and two workers; the fan-out splits 600
 * updates into batches of 500 and posts each to the batch workflow's webhook, which main hands to a worker; the
 * sandbox enforces Ultravox's 200 requests/s. What a user sees: every update arrives at the vendor, no item fails,
 * each batch answers with its counts. So the examples cannot rot (a renamed node type, parameter or output field).
 *
 * Needs `redis-server` on PATH; skipped, saying why, without it (or with SKIP_N8N_E2E=1).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runQueueExamples } from '../bench/queue';
import { redisServerPath } from '../bench/queueMode';
import { trackedProcesses } from '../scripts/n8n/runtime';
import type { N8nInstance } from '../scripts/n8n/runtime';
import { FIRST_RUN_TIMEOUT_MS, packAndCreateN8n, realN8nDescribe } from './support';

const suite = realN8nDescribe(
	'queue examples e2e',
	redisServerPath() ? undefined : 'redis-server is not installed (apt-get install redis-server)',
);

suite('queue-mode examples: fan-out over two workers', () => {
	let n8n: N8nInstance;
	let tarball: string;

	beforeAll(async () => {
		({ n8n, tarball } = await packAndCreateN8n());
		await n8n.installPack(tarball);
	}, FIRST_RUN_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.dispose();
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
		expect(trackedProcesses()).toEqual([]);
	}, 120_000);

	test(
		'600 updates in two batches: every one reaches the vendor, none fails',
		async () => {
			const run = await runQueueExamples(n8n, { items: 600, workers: 2 });
			expect({ failed: run.failed, detail: run.detail }).toEqual({
				failed: 0,
				detail: expect.stringMatching(
					/^2 batches answered: 600 updated, 0 error items; .* all but 0 of the 600/,
				),
			});
			expect(run.requests).toBeGreaterThanOrEqual(600);
		},
		10 * 60_000,
	);
});
