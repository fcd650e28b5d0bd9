import { spawn } from 'node:child_process';
import path from 'node:path';
import { TestEnvironment } from '../harness/run';

const LIMIT = 20;
const ITEMS_PER_WORKER = 100;

interface WorkerResult {
	items: number;
	failed: string[];
	error?: string;
}

/** A worker process that has loaded n8n-core and the pack, waiting for its job on stdin. */
async function startWorker(): Promise<{ run: (job: object) => Promise<WorkerResult> }> {
	const child = spawn(
		process.execPath,
		[
			require.resolve('ts-node/dist/bin.js'),
			'--transpile-only',
			path.join(__dirname, 'sharedKeyWorker.ts'),
		],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	let buffered = '';
	const lines: string[] = [];
	let notify = (): void => {};
	child.stdout.on('data', (chunk) => {
		buffered += chunk;
		const parts = buffered.split('\n');
		buffered = parts.pop() ?? '';
		lines.push(...parts);
		notify();
	});
	const nextLine = (): Promise<string> =>
		new Promise((resolve, reject) => {
			const look = (): void => {
				if (lines.length) resolve(lines.shift()!);
			};
			notify = look;
			child.once('exit', (code) => reject(new Error(`worker exited (${code}) before answering`)));
			look();
		});
	expect(await nextLine()).toBe('ready');
	return {
		run: async (job) => {
			child.stdin.write(`${JSON.stringify(job)}\n`);
			return JSON.parse(await nextLine()) as WorkerResult;
		},
	};
}

/** Requests the vendor saw in each whole second [from, to) of the run, counted from the first. */
function perSecond(times: number[], from: number, to: number): number[] {
	const start = times[0];
	return Array.from(
		{ length: to - from },
		(_, n) => times.filter((at) => Math.floor((at - start) / 1000) === from + n).length,
	);
}

describe('adaptive pacing: two processes sharing one API key', () => {
	let env: TestEnvironment;
	beforeAll(async () => {
		env = await TestEnvironment.start({ config: { rateLimits: { ultravox: LIMIT } } });
	});
	afterAll(async () => await env.close());

	it(`two worker processes each configured at the key's ${LIMIT}/s settle below it: few 429s, every item done`, async () => {
		const endpoint = env.sandbox.endpoints().ultravox;
		const workers = await Promise.all([startWorker(), startWorker()]);
		env.sandbox.clearRequests();
		const job = {
			credentials: endpoint.credentials,
			ids: endpoint.seeded.sipRegistrationIds,
			items: ITEMS_PER_WORKER,
			requestsPerSecond: LIMIT,
		};
		const results = await Promise.all(workers.map((worker) => worker.run(job)));

		for (const result of results) {
			expect(result).toEqual({ items: ITEMS_PER_WORKER, failed: [] });
		}
		const requests = env.sandbox.requests('ultravox');
		const times = requests.map((request) => request.at).sort((a, b) => a - b);
		const refused = requests.filter((request) => request.status === 429).length;
		const seconds = Math.ceil((times[times.length - 1] - times[0]) / 1000);
		// 200 items at 20/s take 10 s at best. With fixed pacing each process keeps sending 20/s, so
		// half of what reaches the key is refused: 155 429s in the run measured with it.
		expect(requests.length - refused).toBe(2 * ITEMS_PER_WORKER);
		expect(refused).toBeLessThanOrEqual(0.1 * 2 * ITEMS_PER_WORKER);
		// Converged: after the first 3 s, no second sees more than the limit plus a probe's overshoot,
		// and the key is still used at least at half its limit on average (not starved by the backoff).
		const settled = perSecond(times, 3, seconds - 1);
		expect(Math.max(...settled)).toBeLessThanOrEqual(LIMIT * 1.25);
		expect(settled.reduce((sum, count) => sum + count, 0) / settled.length).toBeGreaterThanOrEqual(
			LIMIT / 2,
		);
		console.log(JSON.stringify({ refused, seconds, perSecond: perSecond(times, 0, seconds) }));
	}, 90_000);
});
