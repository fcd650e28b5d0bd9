import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import * as runtime from '../scripts/n8n/runtime';
import type { N8nInstance, WorkflowJson } from '../scripts/n8n/runtime';
import { startExternalSandbox } from './externalSandbox';
import type { ExternalSandbox } from './externalSandbox';
import { startThrowawayPostgres } from './postgres';
import { peakRssMb, publish, startQueueMode } from './queueMode';
import { executeToFile, itemSource } from './realN8n';

/**
 * The two queue-mode examples at fleet size: examples/queue-ultravox-fan-out.json posts batches of
 * updates to the webhook of examples/queue-ultravox-update-batch.json, which n8n's main hands to
 * its workers over Redis; the sandbox, in a process of its own, enforces Ultravox's 200 requests/s
 * per key. Beside it, the same updates in one `n8n execute` with the recommended settings.
 */

export interface QueueRun {
	label: string;
	workers: number;
	/** Requests per second the sandbox allowed the key. */
	limit: number;
	wallSeconds: number;
	failed: number;
	/** Update requests the sandbox received, and of them answered 429. */
	requests: number;
	throttled: number;
	peakRssMb: number;
	loadBefore: number[];
	loadAfter: number[];
	detail: string;
}

export interface QueueFigures {
	items: number;
	runs: QueueRun[];
	/** The database n8n ran on. */
	database: string;
}

const EXAMPLES = path.resolve(__dirname, '..', 'examples');
export const FAN_OUT_FILE = 'queue-ultravox-fan-out.json';
export const BATCH_FILE = 'queue-ultravox-update-batch.json';
/** Ultravox's documented limit per API key. */
const ULTRAVOX_LIMIT = 200;
/**
 * A limit this 2-core machine can feed: main, two workers, Redis, PostgreSQL and the sandbox preparing
 * 10,000 items reach about 90 items/s at most (BENCHMARKS.md), so at 200/s the run is bound by CPU, not by the
 * limit. At a lower limit the workers are not starved, and the run shows whether their pacing converges on it.
 */
const SUSTAINABLE_LIMIT = Number(process.env.BENCH_QUEUE_SUSTAINABLE_LIMIT ?? 60);

export function readExample(file: string): WorkflowJson & { id: string } {
	return JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8'));
}

/** One update per item, each to a proxy of its own, so the sandbox's records say which items arrived. */
function updates(items: number, ids: string[]) {
	return Array.from({ length: items }, (_, n) => ({
		registrationId: ids[n % ids.length],
		proxy: `pbx-${n}.example.com`,
	}));
}

const proxyOf = (n: number) => `pbx-${n}.example.com`;

/**
 * The fan-out example with its source replaced by `list` (the example lists the account's
 * registrations; a fleet job brings its own list) and its URL pointed at this main.
 */
function fanOutFor(list: unknown[], webhookBase: string): WorkflowJson & { id: string } {
	const example = readExample(FAN_OUT_FILE);
	const first = 'Batches of 500';
	const source = itemSource(list, first);
	const kept = example.nodes.filter(
		(node) =>
			![
				'When clicking ‘Execute workflow’',
				'Registrations',
				'One update per registration',
			].includes(node.name),
	);
	for (const node of kept) {
		if (node.type === 'n8n-nodes-base.httpRequest')
			node.parameters.url = `${webhookBase}/webhook/${webhookPath()}`;
	}
	const connections = { ...(example.connections as Record<string, unknown>) };
	for (const name of [
		'When clicking ‘Execute workflow’',
		'Registrations',
		'One update per registration',
	])
		delete connections[name];
	return {
		...example,
		nodes: [...source.nodes, ...kept],
		connections: { ...connections, ...source.connections },
	};
}

function webhookPath(): string {
	const webhook = readExample(BATCH_FILE).nodes.find(
		(node) => node.type === 'n8n-nodes-base.webhook',
	);
	return String(webhook?.parameters.path);
}

/** What the sandbox received: update requests, 429s, and which items were answered 200. */
async function received(sandbox: ExternalSandbox, items: number) {
	const requests = (await (
		await fetch(`${sandbox.admin}/requests?vendor=ultravox`)
	).json()) as Array<{ at: number; method: string; status?: number; body?: { proxy?: string } }>;
	const patches = requests.filter((request) => request.method === 'PATCH');
	const answered = new Set(
		patches.filter((request) => request.status === 200).map((request) => request.body?.proxy),
	);
	let missing = 0;
	for (let n = 0; n < items; n++) if (!answered.has(proxyOf(n))) missing++;
	return {
		requests: patches.length,
		throttled: patches.filter((request) => request.status === 429).length,
		missing,
		lastAt: Math.max(...patches.map((request) => request.at)),
	};
}

async function setUp(n8n: N8nInstance, sandbox: ExternalSandbox, secret: string) {
	await n8n.importCredentials([
		{
			id: 'sandbox-ultravox',
			name: 'Ultravox (sandbox)',
			type: 'ultravoxSipApi',
			data: sandbox.credentials,
		},
		{
			id: 'queue-batch-webhook',
			name: 'Batch webhook secret',
			type: 'httpHeaderAuth',
			data: { name: 'X-Batch-Secret', value: secret },
		},
	]);
}

/**
 * The fan-out over `workers` queue-mode workers: `items` updates, in the example's batches of 500.
 * Returns the run's figures; throws when the set-up fails (not when items fail: they are counted).
 */
export async function runQueueExamples(
	n8n: N8nInstance,
	{
		items,
		workers,
		concurrency = 2,
		limit = ULTRAVOX_LIMIT,
	}: { items: number; workers: number; concurrency?: number; limit?: number },
): Promise<QueueRun> {
	const folder = mkdtempSync(path.join(tmpdir(), 'queue-bench-'));
	const sandbox = await startExternalSandbox({ rateLimits: { ultravox: limit } });
	const secret = randomBytes(16).toString('hex');
	let queue: Awaited<ReturnType<typeof startQueueMode>> | undefined;
	try {
		await setUp(n8n, sandbox, secret);
		const port = await runtime.freePort();
		const batch = readExample(BATCH_FILE);
		const fanOut = fanOutFor(updates(items, sandbox.ids), `http://localhost:${port}`);
		await n8n.importWorkflow([batch, fanOut]);
		queue = await startQueueMode(n8n, { workers, concurrency, port });
		await publish(queue.editor, batch.id);
		// Activation registers the production webhook a moment after the REST call answers; an
		// empty batch (no update) says when it serves. Bounded: 60 tries, 250 ms apart.
		for (let attempt = 0; ; attempt++) {
			const answer = await fetch(`${queue.editor.url}/webhook/${webhookPath()}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'X-Batch-Secret': secret },
				body: JSON.stringify({ updates: [] }),
				signal: AbortSignal.timeout(60_000),
			});
			await answer.text();
			if (answer.status !== 404) break;
			if (attempt >= 60) throw new Error('the batch webhook was never served');
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const loadBefore = loadavg();
		const run = await executeToFile(n8n, fanOut.id, folder, { timeoutMs: 20 * 60_000 });
		const loadAfter = loadavg();
		const runData = run.data?.data?.resultData?.runData ?? {};
		const posted = runData['Post each batch to a worker']?.[0]?.data?.main?.[0] ?? [];
		const summaries = posted.map((item: { json: Record<string, unknown> }) => item.json);
		const updated = summaries.reduce(
			(sum: number, line: Record<string, unknown>) => sum + Number(line.count_registrationId ?? 0),
			0,
		);
		const errors = summaries.reduce(
			(sum: number, line: Record<string, unknown>) => sum + Number(line.count_error ?? 0),
			0,
		);
		const seen = await received(sandbox, items);
		const startedAt = Date.parse(run.data?.startedAt);
		if (run.code !== 0 || !Number.isFinite(startedAt))
			throw new Error(
				`the fan-out failed (exit ${run.code}): ${run.tail}\n--- main ---\n${queue.mainLog.slice(-60).join('\n')}\n--- workers ---\n${queue.workerLogs.map((log) => log().slice(-3000)).join('\n---\n')}\n--- sandbox: ${seen.requests} updates received, ${seen.missing} of ${items} never answered 200`,
			);
		const peaks = queue.workerPids.map(peakRssMb);
		return {
			label:
				`queue mode, ${workers} workers (concurrency ${concurrency}), batches of 500` +
				(limit === ULTRAVOX_LIMIT ? '' : `, the sandbox's limit lowered to ${limit}/s`),
			limit,
			workers,
			wallSeconds: (seen.lastAt - startedAt) / 1000,
			failed: Math.max(seen.missing, items - updated),
			requests: seen.requests,
			throttled: seen.throttled,
			peakRssMb: Math.max(...peaks),
			loadBefore,
			loadAfter,
			detail: `${summaries.length} batch${summaries.length === 1 ? '' : 'es'} answered: ${updated} updated, ${errors} error items; the sandbox answered 200 for all but ${seen.missing} of the ${items} updates; workers' peak RSS ${peaks.map((mb) => `${Math.round(mb)} MB`).join(', ')}`,
		};
	} finally {
		await queue?.stop();
		sandbox.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}

/** The same updates in one `n8n execute`: the batch example's Ultravox node, its batching and pacing as they are. */
export async function runSingleProcess(n8n: N8nInstance, items: number): Promise<QueueRun> {
	const folder = mkdtempSync(path.join(tmpdir(), 'queue-bench-'));
	const sandbox = await startExternalSandbox({ rateLimits: { ultravox: ULTRAVOX_LIMIT } });
	try {
		await setUp(n8n, sandbox, randomBytes(16).toString('hex'));
		const node = readExample(BATCH_FILE).nodes.find(
			(entry) => entry.type === 'n8n-nodes-sip-credentials.ultravox',
		)!;
		const source = itemSource(updates(items, sandbox.ids), node.name);
		const workflow = {
			id: 'benchSingleFleet',
			name: 'bench: fleet updates in one process',
			nodes: [...source.nodes, node],
			connections: source.connections,
			settings: { executionOrder: 'v1' },
		};
		await n8n.importWorkflow(workflow);
		const loadBefore = loadavg();
		const run = await executeToFile(n8n, workflow.id, folder, { timeoutMs: 20 * 60_000 });
		const loadAfter = loadavg();
		const output = (run.data?.data?.resultData?.runData?.[node.name]?.[0]?.data?.main?.[0] ??
			[]) as Array<{ json: Record<string, unknown> }>;
		const errorItems = output.filter((item) => item.json.error !== undefined);
		const errors = errorItems.length;
		// The first error's words, so a run's notes say what failed.
		const firstError = errorItems[0]?.json.error;
		const seen = await received(sandbox, items);
		const startedAt = Date.parse(run.data?.startedAt);
		if (run.code !== 0 || !Number.isFinite(startedAt))
			throw new Error(`the single-process run failed (exit ${run.code}): ${run.tail}`);
		return {
			label: 'one process (n8n execute), Batching 10 items / 1 ms',
			limit: ULTRAVOX_LIMIT,
			workers: 1,
			wallSeconds: (seen.lastAt - startedAt) / 1000,
			failed: Math.max(seen.missing, errors + items - output.length),
			requests: seen.requests,
			throttled: seen.throttled,
			peakRssMb: run.peakRssMb,
			loadBefore,
			loadAfter,
			detail: `${output.length} items output, ${errors} error items${firstError === undefined ? '' : ` (the first: ${JSON.stringify(firstError).slice(0, 300)})`}; the sandbox answered 200 for all but ${seen.missing} of the ${items} updates`,
		};
	} finally {
		sandbox.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}

/**
 * `npm run bench -- queue`: BENCH_QUEUE_ITEMS (10,000) updates over two workers, then in one process;
 * BENCH_QUEUE_MODES (queue,single,sustainable) picks which.
 */
export async function measureQueue(): Promise<QueueFigures> {
	const items = Number(process.env.BENCH_QUEUE_ITEMS ?? 10_000);
	const postgres = await startThrowawayPostgres();
	const database = postgres
		? `PostgreSQL (${postgres.version}, a throwaway cluster)`
		: 'SQLite (no PostgreSQL server on this machine: n8n warns against SQLite in queue mode, and concurrent executions can fail with SQLITE_BUSY)';
	try {
		const n8n = await runtime.createN8n(postgres ? { env: postgres.env } : {});
		try {
			await n8n.installPack(await runtime.packProject());
			// BENCH_QUEUE_MODES picks runs (queue, single, sustainable), e.g. to re-measure one process alone.
			const modes = (process.env.BENCH_QUEUE_MODES ?? 'queue,single,sustainable').split(',');
			const runs: QueueRun[] = [];
			if (modes.includes('queue')) runs.push(await runQueueExamples(n8n, { items, workers: 2 }));
			if (modes.includes('single')) runs.push(await runSingleProcess(n8n, items));
			if (modes.includes('sustainable') && SUSTAINABLE_LIMIT !== ULTRAVOX_LIMIT)
				runs.push(await runQueueExamples(n8n, { items, workers: 2, limit: SUSTAINABLE_LIMIT }));
			return { items, runs, database };
		} finally {
			await n8n.dispose();
		}
	} finally {
		await postgres?.stop();
	}
}
