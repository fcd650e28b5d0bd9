import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { dryRunPack } from '../test/harness/pack';
import { TestEnvironment } from '../test/harness/run';
import { describe as show, figure, format } from './stats';
import { measureBoot } from './boot';
import { startExternalSandbox } from './externalSandbox';
import { CONTENDERS, measureRealN8n, OPERATIONS } from './realN8n';
import { measureQueue } from './queue';
import { currentLoad, writeSection } from './report';
import { bareNodeUpdates, nodeUpdates, plainUpdates } from './workloads';

/**
 * `npm run bench`: every figure is the median of RUNS runs (min–max beside it), measured against a
 * baseline in the same run, and written to BENCHMARKS.md, each section into its own block
 * (bench/report.ts) as soon as it is measured. Not part of `npm test`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.resolve(__dirname, '..');
/** The rows and notes of the section being measured; emptied when it is written. */
let rows: string[][] = [];
let notes: string[] = [];

function row(
	section: string,
	measure: string,
	value: string,
	budget: string,
	verdict: string,
): void {
	rows.push([measure, value, budget, verdict]);
	process.stdout.write(
		`${section.padEnd(18)} ${measure.padEnd(44)} ${value.padEnd(34)} ${budget.padEnd(12)} ${verdict}\n`,
	);
}

async function repeat<T>(runs: number, body: (run: number) => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	for (let run = 0; run < runs; run++) results.push(await body(run));
	return results;
}

async function engineOverhead(): Promise<void> {
	const count = 2000;
	for (const operation of ['update', 'rotatePassword'] as const) {
		const node: number[] = [];
		const plain: number[] = [];
		const bare: number[] = [];
		let failed = 0;
		await repeat(RUNS, async () => {
			const env = await TestEnvironment.start({
				maxRecordedRequests: 0,
				config: { latencyMs: 20, rateLimits: { ultravox: 0 } },
			});
			// One warm-up of each path so module loading and JIT are not charged to the first measured run.
			await plainUpdates(env, 100);
			await bareNodeUpdates(env, 100);
			await nodeUpdates(env, 100, operation, 100_000);
			const baseline = await plainUpdates(env, count);
			const n8nFloor = await bareNodeUpdates(env, count);
			const measured = await nodeUpdates(env, count, operation, 100_000);
			await env.close();
			failed += measured.failed + baseline.failed + n8nFloor.failed;
			node.push(count / measured.seconds);
			plain.push(count / baseline.seconds);
			bare.push(count / n8nFloor.seconds);
		});
		const label = operation === 'update' ? 'Update' : 'Rotate Password (verification off)';
		const versusPlain = figure(node.map((rate, n) => rate / plain[n]));
		const versusBare = figure(node.map((rate, n) => rate / bare[n]));
		const bareVersusPlain = figure(bare.map((rate, n) => rate / plain[n]));
		row('engine overhead', `${label}: pack node items/s`, show(figure(node), 'items/s', 0), '', '');
		row(
			'engine overhead',
			`${label}: plain http client items/s`,
			show(figure(plain), 'items/s', 0),
			'',
			'',
		);
		row(
			'engine overhead',
			`${label}: bare declarative node items/s`,
			show(figure(bare), 'items/s', 0),
			'',
			'',
		);
		row(
			'engine overhead',
			`${label}: pack / plain client`,
			show(versusPlain, '', 2),
			'≥ 0.90',
			versusPlain.median >= 0.9 ? 'met' : 'MISSED',
		);
		row(
			'engine overhead',
			`${label}: n8n floor (bare node / plain)`,
			show(bareVersusPlain, '', 2),
			'',
			'',
		);
		row(
			'engine overhead',
			`${label}: pack / bare declarative node`,
			show(versusBare, '', 2),
			'',
			'',
		);
		if (failed) notes.push(`${label}: ${failed} failed requests across runs`);
	}
}

async function rateLimits(): Promise<void> {
	// RoutingNode builds every item's request before it sends the first. With default settings the
	// whole preparation therefore comes before the paced sending; n8n's own batching (Request
	// Options) yields between batches, so small batches let preparation and sending overlap.
	await rateLimitRun('default settings', {});
	await rateLimitRun('n8n batching 10 items / 1 ms', {
		requestOptions: { batching: { batch: { batchSize: 10, batchInterval: 1 } } },
	});
}

async function rateLimitRun(label: string, extra: Record<string, unknown>): Promise<void> {
	const count = Number(process.env.BENCH_RATE_ITEMS ?? 10_000);
	const limit = 200;
	const walls: number[] = [];
	const preparations: number[] = [];
	const failures: number[] = [];
	const throttled: number[] = [];
	await repeat(RUNS, async () => {
		// The vendor runs in its own process, as it would: its per-second window is not stalled by the node's event loop.
		const sandbox = await startExternalSandbox({ rateLimits: { ultravox: limit } });
		const env = await TestEnvironment.start({ maxRecordedRequests: 0 });
		env.credentials.add({
			id: 'external',
			name: 'external sandbox',
			type: 'ultravoxSipApi',
			data: sandbox.credentials,
		});
		const startedAt = Date.now();
		const result = await env.run({
			node: 'ultravox',
			credential: { type: 'ultravoxSipApi', id: 'external' },
			continueOnFail: true,
			items: Array.from({ length: count }, (_, n) => ({ id: sandbox.ids[n % sandbox.ids.length] })),
			parameters: {
				resource: 'sipRegistration',
				operation: 'update',
				registrationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { proxy: '={{ "pbx-" + $itemIndex + ".example.com" }}' },
				...extra,
			},
		});
		walls.push((Date.now() - startedAt) / 1000);
		const received = (await (
			await fetch(`${sandbox.admin}/requests?vendor=ultravox`)
		).json()) as Array<{ at: number; status?: number }>;
		preparations.push((Math.min(...received.map((request) => request.at)) - startedAt) / 1000);
		failures.push(
			result.items.filter((item) => item.json.error !== undefined).length +
				(count - result.items.length),
		);
		throttled.push(received.filter((request) => request.status === 429).length);
		await env.close();
		sandbox.stop();
	});
	const floor = count / limit;
	const ratio = figure(walls.map((wall) => wall / floor));
	const sendingRatio = figure(walls.map((wall, run) => (wall - preparations[run]) / floor));
	const failed = figure(failures);
	row(
		'rate limits',
		`${label}: ${format(count, 0)} Ultravox updates at ${limit}/s, failed items`,
		show(failed, 'items', 0),
		'0',
		failed.max === 0 ? 'met' : 'MISSED',
	);
	row(
		'rate limits',
		`${label}: wall time (floor ${format(floor, 1)} s)`,
		show(figure(walls), 's', 1),
		'',
		'',
	);
	row(
		'rate limits',
		`${label}: wall time / floor`,
		show(ratio, '×', 3),
		'≤ 1.15',
		ratio.median <= 1.15 ? 'met' : 'MISSED',
	);
	row(
		'rate limits',
		`${label}: time before the first request (RoutingNode preparing items)`,
		show(figure(preparations), 's', 1),
		'',
		'',
	);
	row(
		'rate limits',
		`${label}: from the first request to the end / floor`,
		show(sendingRatio, '×', 3),
		'',
		'',
	);
	const refused = figure(throttled);
	row(
		'rate limits',
		`${label}: 429 answers received`,
		show(refused, '', 0),
		'0',
		refused.max === 0 ? 'met' : 'MISSED',
	);
}

/** Compressed size of a group of files, to say where the packed size goes. */
function gzipped(files: string[]): number {
	return gzipSync(Buffer.concat(files.map((file) => readFileSync(path.join(ROOT, file))))).length;
}

function footprint(): void {
	const pack = dryRunPack();
	const share = (label: string, test: (file: string) => boolean) =>
		`${label} ${format(gzipped(pack.files.filter(test)) / 1000, 1)} kB`;
	notes.push(
		`Where the packed size goes (gzip of each group alone): ${[
			share('code', (file) => file.endsWith('.js')),
			share('n8n lazy-loading metadata', (file) => /^dist\/(known|types|methods)\//.test(file)),
			share('README', (file) => file === 'README.md'),
			share('icons and codex', (file) => /\.(svg|node\.json)$/.test(file)),
		].join(
			', ',
		)}. The code is one esbuild bundle (scripts/bundle.js), whitespace and syntax minified: names and strings stay as written, and most of it is the field descriptions, options and help users see.`,
	);
	row(
		'footprint',
		'packed size (npm pack)',
		`${format(pack.size / 1000, 1)} kB`,
		'≤ 60 kB',
		pack.size <= 60_000 ? 'met' : 'MISSED',
	);
	row('footprint', 'unpacked size', `${format(pack.unpackedSize / 1000, 1)} kB`, '', '');
	row('footprint', 'files in the package', String(pack.entryCount), '', '');
	const times = Array.from({ length: Math.max(RUNS, 5) }, () =>
		Number(
			execFileSync(process.execPath, [path.join(__dirname, 'requireTime.js')], {
				encoding: 'utf8',
			}),
		),
	);
	const requireTime = figure(times);
	row(
		'footprint',
		'require every node and credential module',
		show(requireTime, 'ms', 2),
		'≤ 15 ms',
		requireTime.median <= 15 ? 'met' : 'MISSED',
	);
}

function memory(): void {
	const measure = (variant: 'pack' | 'bare', items: number) =>
		JSON.parse(
			execFileSync(
				process.execPath,
				[
					require.resolve('ts-node/dist/bin.js'),
					'--transpile-only',
					path.join(__dirname, 'memory.ts'),
					variant,
					String(items),
				],
				{ encoding: 'utf8', maxBuffer: 1 << 24 },
			),
		) as { maxRssMb: number; items: number; failed: number };
	const empty: number[] = [];
	const full: number[] = [];
	const above: number[] = [];
	const bareAbove: number[] = [];
	let failed = 0;
	for (let run = 0; run < RUNS; run++) {
		const baseline = measure('pack', 1);
		const loaded = measure('pack', 10_000);
		const bareBaseline = measure('bare', 1);
		const bareLoaded = measure('bare', 10_000);
		failed += loaded.failed + bareLoaded.failed;
		empty.push(baseline.maxRssMb);
		full.push(loaded.maxRssMb);
		above.push(loaded.maxRssMb - baseline.maxRssMb);
		bareAbove.push(bareLoaded.maxRssMb - bareBaseline.maxRssMb);
	}
	const delta = figure(above);
	row('memory', 'peak RSS, 1 item (empty run)', show(figure(empty), 'MB', 0), '', '');
	row('memory', 'peak RSS, 10,000 items', show(figure(full), 'MB', 0), '', '');
	row(
		'memory',
		'peak RSS above the empty run',
		show(delta, 'MB', 0),
		'≤ 200 MB',
		delta.median <= 200 ? 'met' : 'MISSED',
	);
	row(
		'memory',
		'bare declarative node: peak RSS above its empty run',
		show(figure(bareAbove), 'MB', 0),
		'',
		'',
	);
	if (failed) notes.push(`${failed} failed items across runs`);
}

async function n8nBoot(): Promise<void> {
	const result = await measureBoot(RUNS);
	const difference = figure(result.withPack.map((ms, n) => ms - result.without[n]));
	row('n8n boot', 'n8n boot without the pack', show(figure(result.without), 'ms', 0), '', '');
	row(
		'n8n boot',
		'n8n boot with the pack installed',
		show(figure(result.withPack), 'ms', 0),
		'',
		'',
	);
	row(
		'n8n boot',
		'boot difference (with − without)',
		show(difference, 'ms', 0),
		'≤ 50 ms',
		difference.median <= 50 ? 'met' : 'MISSED',
	);
}

/** Items per real-n8n run: 2,000 by default, fewer for a quick check (BENCH_REAL_N8N_ITEMS=100). */
const REAL_N8N_ITEMS = Number(process.env.BENCH_REAL_N8N_ITEMS ?? 2000);

/** A comma-separated list from the environment, kept to the values allowed (all of them when unset). */
function listFromEnv<T extends string>(name: string, allowed: readonly T[]): T[] {
	const asked = process.env[name]?.split(',').map((entry) => entry.trim());
	if (!asked) return [...allowed];
	const unknown = asked.filter((entry) => !allowed.includes(entry as T));
	if (unknown.length)
		throw new Error(`${name}: ${unknown.join(', ')} is none of ${allowed.join(', ')}`);
	return asked as T[];
}

async function realN8n(): Promise<void> {
	const title = 'real n8n';
	const contenders = listFromEnv('BENCH_REAL_N8N_CONTENDERS', CONTENDERS);
	const result = await measureRealN8n(REAL_N8N_ITEMS, RUNS, {
		cpuProfDir: process.env.BENCH_CPU_PROF,
		contenders,
		operations: listFromEnv('BENCH_REAL_N8N_OPERATIONS', OPERATIONS),
	});
	const label = {
		pack: "this pack's Ultravox node",
		bare: 'bare declarative node',
		http: "n8n's HTTP Request node",
	};
	const other = { bare: 'bare declarative', http: 'HTTP Request' } as const;
	for (const operation of OPERATIONS) {
		const rates = result.rates[operation];
		const cpu = result.cpuMsPerItem[operation];
		if (!rates.pack.length && !rates.bare.length && !rates.http.length) continue;
		const name = operation === 'update' ? 'Update' : 'Rotate Password';
		for (const contender of contenders) {
			row(
				title,
				`${name}: ${label[contender]}, items/s`,
				show(figure(rates[contender]), '/s', 0),
				'',
				'',
			);
		}
		for (const contender of contenders) {
			if (!cpu[contender].length) continue;
			row(
				title,
				`${name}: ${label[contender]}, CPU ms per item`,
				show(figure(cpu[contender]), 'ms', 2),
				'',
				'',
			);
		}
		if (!contenders.includes('pack')) continue;
		// Ratios of times, round by round: the pack's time over the other node's, measured minutes apart.
		for (const contender of ['bare', 'http'] as const) {
			if (!contenders.includes(contender)) continue;
			const overOther = figure(rates[contender].map((rate, round) => rate / rates.pack[round]));
			row(
				title,
				`${name}: pack time ÷ ${other[contender]} time`,
				show(overOther, '×', 2),
				contender === 'bare' ? '≤ 1.05' : '',
				contender === 'bare'
					? judged(overOther.median <= 1.05, result.loadBefore, result.loadAfter)
					: '',
			);
			if (cpu.pack.length === cpu[contender].length && cpu.pack.length) {
				// The same ratio in CPU time of the n8n process, which other jobs' load disturbs far less.
				const cpuRatio = figure(cpu.pack.map((ms, round) => ms / cpu[contender][round]));
				row(title, `${name}: pack CPU ÷ ${other[contender]} CPU`, show(cpuRatio, '×', 2), '', '');
			}
		}
	}
	notes.push(
		`${REAL_N8N_ITEMS} items per run, ${RUNS} interleaved rounds, in n8n ${result.n8nVersion} on its own Node ${result.nodeVersion}` +
			(result.n8nDir ? ` (the copy in ${result.n8nDir}, BENCH_N8N_DIR)` : '') +
			(result.failed
				? `; ${result.failed} failed items: ${result.failures.join('; ')}`
				: '; 0 failed items') +
			(result.profiles ? `; CPU profiles of the n8n processes in ${result.profiles}` : ''),
	);
}

/** Whether the 2-core machine was busy with other work: then a ratio budget is not judged. */
const busy = (...loads: number[][]) => loads.some((load) => load[0] > 2.5);

function judged(met: boolean, ...loads: number[][]): string {
	if (busy(...loads)) return 'not judged (load)';
	return met ? 'met' : 'MISSED';
}

async function queue(): Promise<void> {
	const title = 'queue mode';
	const result = await measureQueue();
	notes.push(`n8n's database: ${result.database}.`);
	for (const run of result.runs) {
		const floor = result.items / run.limit;
		const ratio = run.wallSeconds / floor;
		row(
			title,
			`${run.label}: ${format(result.items, 0)} Ultravox updates at ${run.limit}/s, failed items`,
			`${run.failed} items`,
			'0',
			run.failed === 0 ? 'met' : 'MISSED',
		);
		row(
			title,
			`${run.label}: wall time (floor ${format(floor, 1)} s)`,
			`${format(run.wallSeconds, 1)} s`,
			'',
			'',
		);
		row(
			title,
			`${run.label}: wall time / floor`,
			`${format(ratio, 2)} ×`,
			run.workers > 1 ? '≤ 1.25' : '',
			// Judged on the load before the run only: main, two workers, Redis and the sandbox load the
			// two cores by themselves, so the load after is mostly the section's own.
			run.workers > 1 ? judged(ratio <= 1.25, run.loadBefore) : '',
		);
		const share = run.requests ? run.throttled / run.requests : 0;
		row(
			title,
			`${run.label}: 429 answers / requests`,
			`${format(share * 100, 2)} % (${run.throttled} of ${run.requests})`,
			run.workers > 1 ? '≤ 2 %' : '',
			run.workers > 1 ? (share <= 0.02 ? 'met' : 'MISSED') : '',
		);
		row(
			title,
			`${run.label}: peak RSS of ${run.workers > 1 ? 'a worker (largest)' : 'the n8n process'}`,
			`${format(run.peakRssMb, 0)} MB`,
			'',
			'',
		);
		notes.push(
			`${run.label}: load average (1/5/15 min) ${run.loadBefore.map((v) => format(v, 1)).join(' / ')} before, ${run.loadAfter.map((v) => format(v, 1)).join(' / ')} after; ${run.detail}`,
		);
	}
}

interface Section {
	title: string;
	measure: () => Promise<void> | void;
	method: string;
	whenMissed?: string;
	/** Runs the section's figures are medians of (1 for the sections that run once). */
	runs?: number;
}

export const SECTIONS: Record<string, Section> = {
	engine: {
		title: 'engine overhead',
		measure: engineOverhead,
		method: `- 2,000 items through the Ultravox node on n8n-core's WorkflowExecute against the sandbox
  with 20 ms injected latency and its rate limit off (pacing lifted to 100,000/s), versus Node's own http client
  sending the same 2,000 PATCH requests all at once (n8n's declarative routing also starts every item at once),
  in the same process and sandbox. Rotate Password runs with verification off (one PATCH per item).`,
		whenMissed: `out of reach for any declarative node. The bare declarative baseline (bench/bareNode.ts: the
smallest node n8n can run for the same PATCH, with none of the pack's validation, pacing or error handling)
reaches only the "n8n floor" ratio. Profiles (\`node --cpu-prof\`) put the time in n8n-core's RoutingNode, which
evaluates every top-level parameter of the node for every item twice (once to build the request, once more in
\`resolveBaseUrl\`) through the expression engine, each evaluation building a new WorkflowDataProxy, and in
n8n's HTTP stack (@n8n/backend-network, axios, a proxy-aware agent per request); the pack's own code (validation,
pacing, authenticate, error mapping) was about 3 % of CPU. The pack keeps expressions off the per-item path (URL
templates filled by a preSend, the base URL supplied by the credential). The remaining gap is n8n's, and the
product requires declarative nodes (docs/performance.md).`,
	},
	rate: {
		title: 'rate limits',
		measure: rateLimits,
		method: `- 10,000 Ultravox updates with the node's default pacing (190/s) against the sandbox enforcing
  Ultravox's documented 200 requests/s per key, in a process of its own as a real vendor would be; the floor is
  10,000 / 200 = 50 s. Run once with default settings and once with n8n's own Request Options → Batching at
  10 items / 1 ms. "Time before the first request" is from the start of the run to the sandbox receiving the first
  request.`,
		whenMissed: `with default settings the budget is out of reach for a declarative node, and n8n's batching
meets it. RoutingNode's item loop has no \`await\` unless Request Options → Batching is set, so it builds every
item's request before the first one leaves: that is the "time before the first request" row, and it adds to the
paced sending, which on its own stays near the floor ("from the first request to the end"). With Batching at
10 items / 1 ms RoutingNode yields between batches, preparation overlaps sending, and the run comes within budget.
A node cannot make that its default: n8n's loader replaces a declarative node's own \`requestOptions\` with its
standard collection (\`DirectoryLoader.applyDeclarativeNodeOptionParameters\`), so docs/behaviour.md tells users to
set it for runs of more than about 1,000 items. No 429: the vendor counts a request when it arrives, up to a few
hundred ms after the pacer let it go while the event loop is busy, so the pacer holds each request's place until a
second after its answer (nodes/shared/pacing.ts); the price is the answer time, taken off the rate.`,
	},
	footprint: {
		title: 'footprint',
		measure: footprint,
		method: `- \`npm pack --dry-run\`; module require time in a fresh Node process after n8n-workflow is loaded.`,
		whenMissed: `requiring the pack is one bundle (dist/bundle.js) plus ten three-line files. A CPU profile of
what is left: Node resolving \`require('n8n-workflow')\` from the package's own folder (a filesystem walk n8n pays
as well, about a third), n8n-workflow's \`updateDisplayOptions\` deep-merging every operation's fields (the
one-file-per-operation layout the project mandates, about a fifth), and V8 compiling the bundle. n8n pays this
once, when a workflow first uses any of the five nodes, not at boot (the boot section: lazy-loading metadata).`,
	},
	boot: {
		title: 'n8n boot',
		measure: n8nBoot,
		method: `- \`n8n start\` of the pinned n8n until \`/healthz/readiness\` answers, in two user folders, one with the
  pack installed as a community package (lazy-loading metadata in \`dist/known\`, \`dist/types\`), alternating.`,
	},
	memory: {
		title: 'memory',
		measure: memory,
		method: `- Peak RSS (\`process.resourceUsage().maxRSS\`) of a process running 10,000 Update items on the engine,
  minus that of the same process running one item; the sandbox answers from a process of its own. The bare
  declarative node runs the same way, to show how much of the memory is n8n's RoutingNode (it keeps every item's
  context and request in memory until the last one is answered).`,
		whenMissed: `RoutingNode keeps every item's execution context, request and response until the last item is
answered, so memory grows with the items of one execution; the bare declarative node (row above) shows how much of
it is n8n's own, and it is above the budget by itself. n8n's Loop Over Items hands the node a batch at a time, so
that node's contexts are released batch by batch (not measured here).`,
	},
	n8n: {
		title: 'real n8n',
		measure: realN8n,
		method: `- The pack's Ultravox node, the bare declarative node (bench/bareNode.ts's two routed fields with the
  base URL from a credential, installed as a community package of its own) and n8n's HTTP Request node send the
  same PATCH (Update: a proxy from an expression; Rotate Password with verification off: a new password) for each of
  \`BENCH_REAL_N8N_ITEMS\` items (2,000 by default) in the pinned real n8n (\`n8n execute\`, its output written to a
  file: through a pipe n8n's exit cuts it short), against the sandbox in a process of its own with its rate limit
  off and the pack's pacing lifted. Rounds interleave the six workflows; a figure is the node's own executionTime
  (n8n's boot is not counted); ratios are taken round by round. "CPU ms per item" is the n8n process's CPU time
  (user + system, all threads, from /proc/<pid>/stat sampled every 100 ms) over the node's own run, per item: other
  jobs on a shared machine inflate it far less than wall time. \`BENCH_CPU_PROF=<dir>\` runs every \`n8n execute\`
  under \`node --cpu-prof\` (docs/performance.md reads those profiles); \`BENCH_N8N_DIR=<copy of the install>\`
  measures another n8n (docs/performance.md's patched n8n-core); \`BENCH_REAL_N8N_CONTENDERS=pack,bare\` and
  \`BENCH_REAL_N8N_OPERATIONS=rotatePassword\` measure fewer workflows.
- With a 1-minute load above 2.5 on this 2-core machine, the ratio budget is "not judged (load)": other jobs' work
  lands on one contender's rounds more than another's.`,
		whenMissed: `see docs/performance.md: where a real n8n spends its time per item (its expression sandbox and
RoutingNode resolving every property for every item), what the pack adds, and the n8n-core change that would
remove n8n's share.`,
	},
	queue: {
		title: 'queue mode',
		measure: queue,
		runs: 1,
		method: `- n8n's queue mode in the pinned real n8n: Redis, one main (\`n8n start\`, EXECUTIONS_MODE=queue) and two
  \`n8n worker\` processes sharing one user folder with the pack installed. examples/queue-ultravox-fan-out.json
  splits 10,000 Ultravox updates into batches and posts each batch to the webhook of
  examples/queue-ultravox-update-batch.json (in queue mode Execute Workflow runs its sub-workflow inside the same
  worker, so a webhook is what spreads batches over workers); every worker's pacer adapts to the sandbox's 429
  answers (nodes/shared/pacing.ts). The sandbox, in a process of its own, enforces Ultravox's documented
  200 requests/s per key; the floor is 10,000 / 200 = 50 s. Wall time is from the fan-out's start until the
  sandbox received the last update; failed items are updates the sandbox never answered 200 plus error items the
  batch executions stored; peak RSS is each worker's largest resident set, sampled every 250 ms from /proc.
- Single process: the same 10,000 updates in one \`n8n execute\` with the recommended settings (Request Options →
  Batching 10 items / 1 ms, default pacing).
- Lowered limit: the two-worker run again with the sandbox allowing the key 60 requests/s
  (\`BENCH_QUEUE_SUSTAINABLE_LIMIT\`; floor 10,000 / 60 = 167 s), a rate these 2 cores can prepare items for, so the
  workers are not starved and the figures show whether their pacing (which starts at the node's default
  each: Ultravox's 195/s) converges on the vendor's limit. The budgets are judged on it as on the 200/s run.
- Run once (it takes minutes); on this shared 2-core machine main, two workers, Redis and the sandbox compete
  with other jobs for the cores, so the wall-time budget is judged only without outside load.`,
		whenMissed: `the two workers and the main share 2 cores here: the run is CPU-bound (RoutingNode
preparing each item), not bound by the vendor limit, so the wall-time budget needs a machine with a core per worker.`,
	},
};

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const unknown = only.filter((name) => !(name in SECTIONS));
	if (unknown.length)
		throw new Error(
			`unknown bench section ${unknown.join(', ')}: ${Object.keys(SECTIONS).join(', ')}`,
		);
	const order = Object.keys(SECTIONS);
	for (const key of order) {
		if (only.length && !only.includes(key)) continue;
		const section = SECTIONS[key];
		rows = [];
		notes = [];
		const loadBefore = currentLoad();
		await section.measure();
		// The notes (failed items by workflow among them) on the console too, for a run whose BENCHMARKS.md is not kept.
		for (const note of notes) process.stdout.write(`${key.padEnd(18)} note: ${note}\n`);
		writeSection(
			path.join(ROOT, 'BENCHMARKS.md'),
			{
				key,
				title: section.title,
				rows,
				notes,
				method: section.method,
				whenMissed: section.whenMissed,
				runs: section.runs ?? RUNS,
				loadBefore,
				loadAfter: currentLoad(),
			},
			order,
		);
	}
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	});
}
