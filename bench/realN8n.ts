import { execFileSync } from 'node:child_process';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import * as runtime from '../scripts/n8n/runtime';
import type { WorkflowJson } from '../scripts/n8n/runtime';
import { startExternalSandbox } from './externalSandbox';
import { cpuMsBetween, cpuMsOf } from './processCpu';
import type { CpuSample } from './processCpu';
import { n8nPidOf, peakRssMb } from './queueMode';

/**
 * The same PATCH from three nodes in one real n8n (`n8n execute`), against one local server: the
 * pack's Ultravox node, the smallest declarative node n8n can run (bench/bareNode.ts, packaged here as
 * a community package of its own) and n8n's own HTTP Request node, which a user would pick instead.
 * Rounds interleave the three, so drift on the machine hits all alike; each figure is the node's own
 * executionTime from the run n8n prints, so n8n's boot is not counted.
 */

export type Operation = 'update' | 'rotatePassword';
export type Contender = 'pack' | 'bare' | 'http';
export const CONTENDERS: Contender[] = ['pack', 'bare', 'http'];

export interface RealN8nFigures {
	/** Items per second of each node, one entry per round. */
	rates: Record<Operation, Record<Contender, number[]>>;
	/**
	 * CPU time of the n8n process per item while the node ran (user + system, all its threads), one
	 * entry per round: less disturbed than wall time by other work on a shared machine.
	 */
	cpuMsPerItem: Record<Operation, Record<Contender, number[]>>;
	failed: number;
	/** Failed items by workflow (`pack update`…), with the first error's words, for the notes. */
	failures: string[];
	n8nVersion: string;
	nodeVersion: string;
	loadBefore: number[];
	loadAfter: number[];
	/** Where the CPU profiles went, when they were asked for. */
	profiles?: string;
	/** The copy of the n8n install measured instead of the pinned one (BENCH_N8N_DIR). */
	n8nDir?: string;
}

/**
 * `n8n execute --rawOutput` with its output in a file: through a pipe, n8n's exit cuts the printed
 * run short (at ~439 kB), and 2,000 items print several MB. With `cpuProfDir`, n8n's process runs
 * under `node --cpu-prof` and leaves its profile there, named after the workflow. `peakRssMb` is the
 * n8n process's peak resident set and `cpu` its CPU time, read from /proc every 100 ms while it runs.
 */
export async function executeToFile(
	n8n: runtime.N8nInstance,
	id: string,
	folder: string,
	{ cpuProfDir, timeoutMs = 15 * 60_000 }: { cpuProfDir?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; data: any; tail: string; peakRssMb: number; cpu: CpuSample[] }> {
	const out = path.join(folder, `execute-${id}.out`);
	const fd = openSync(out, 'w');
	try {
		const profile = cpuProfDir
			? [
					'--cpu-prof',
					`--cpu-prof-dir=${cpuProfDir}`,
					`--cpu-prof-name=${id}-${Date.now()}.cpuprofile`,
				]
			: [];
		const child = runtime.spawnTracked(
			n8n.install.nodeBin,
			[...profile, n8n.install.n8nBin, 'execute', `--id=${id}`, '--rawOutput'],
			{
				cwd: n8n.userFolder,
				env: n8n.env({
					N8N_LOG_LEVEL: 'info',
					N8N_RUNNERS_BROKER_PORT: String(await runtime.freePort()),
				}),
				stdio: ['ignore', fd, fd],
			},
		);
		let peak = 0;
		const cpu: CpuSample[] = [];
		const sampler = setInterval(() => {
			const pid = n8nPidOf(child);
			peak = Math.max(peak, peakRssMb(pid));
			// Before n8n starts and after it ends, n8nPidOf names the guard, whose CPU is not n8n's.
			const cpuMs = pid === child.pid ? undefined : cpuMsOf(pid);
			if (cpuMs !== undefined) cpu.push({ at: Date.now(), cpuMs });
		}, 100);
		// Bounded: a run that has not ended after timeoutMs is stopped.
		const timer = setTimeout(() => void runtime.stopProcess(child), timeoutMs);
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		clearTimeout(timer);
		clearInterval(sampler);
		const text = readFileSync(out, 'utf8');
		return {
			code,
			data: runtime.parseTrailingJson(text),
			tail: text.slice(-2000),
			peakRssMb: peak,
			cpu,
		};
	} finally {
		closeSync(fd);
		rmSync(out, { force: true });
	}
}

/** The bare declarative node and a credential of its own, as a community package n8n installs. */
function barePackage(folder: string): string {
	const name = 'n8n-nodes-bare-bench';
	mkdirSync(path.join(folder, 'dist'), { recursive: true });
	writeFileSync(
		path.join(folder, 'package.json'),
		JSON.stringify({
			name,
			version: '0.0.1',
			keywords: ['n8n-community-node-package'],
			n8n: {
				n8nNodesApiVersion: 1,
				nodes: ['dist/BareUltravox.node.js'],
				credentials: ['dist/BareUltravoxApi.credentials.js'],
			},
		}),
	);
	writeFileSync(
		path.join(folder, 'dist', 'BareUltravoxApi.credentials.js'),
		`class BareUltravoxApi {
	constructor() {
		this.name = 'bareUltravoxApi';
		this.displayName = 'Bare Ultravox API';
		this.properties = [
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { 'X-API-Key': '={{ $credentials.apiKey }}' } } };
	}
}
exports.BareUltravoxApi = BareUltravoxApi;
`,
	);
	const field = (fieldName: string, routing: object) =>
		`{ displayName: '${fieldName}', name: '${fieldName}', type: 'string', default: '', routing: ${JSON.stringify(routing)} }`;
	writeFileSync(
		path.join(folder, 'dist', 'BareUltravox.node.js'),
		`class BareUltravox {
	constructor() {
		this.description = {
			displayName: 'Bare Ultravox', name: 'bareUltravox', group: ['transform'], version: 1,
			description: 'Benchmark baseline', defaults: { name: 'Bare Ultravox' }, inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'bareUltravoxApi', required: true }],
			requestDefaults: { baseURL: '={{ $credentials.baseUrl }}', headers: { 'Content-Type': 'application/json' }, json: true },
			properties: [
				${field('registrationId', { request: { method: 'PATCH', url: '=/api/sip/registrations/{{ $value }}' } })},
				${field('proxy', { send: { type: 'body', property: 'proxy' } })},
				${field('password', { send: { type: 'body', property: 'password' } })},
			],
		};
	}
}
exports.BareUltravox = BareUltravox;
`,
	);
	execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], {
		cwd: folder,
		stdio: 'pipe',
	});
	return path.join(folder, `${name}-0.0.1.tgz`);
}

const PROXY = '={{ "pbx-" + $itemIndex + ".example.com" }}';
/** A fresh password per item for the nodes that do not generate one (the pack generates its own). */
const PASSWORD = '={{ "Rotated-" + $itemIndex + "-" + $now.toMillis() }}';

function nodeFor(
	contender: Contender,
	operation: Operation,
	baseUrl: string,
): WorkflowJson['nodes'][number] {
	const common = { id: 'under-test', name: 'Under Test', position: [400, 0] as [number, number] };
	if (contender === 'pack') {
		return {
			...common,
			type: 'n8n-nodes-sip-credentials.ultravox',
			typeVersion: 1,
			onError: 'continueRegularOutput',
			credentials: { ultravoxSipApi: { id: 'bench-ultravox', name: 'bench ultravox' } },
			parameters: {
				resource: 'sipRegistration',
				operation,
				registrationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				// Pacing lifted: all three are bound by the same server, not by the node's politeness.
				rateLimiting: { requestsPerSecond: 100000 },
				...(operation === 'update'
					? { updateFields: { proxy: PROXY } }
					: { passwordSource: 'generate', verification: 'none', includeNewPassword: true }),
			},
		};
	}
	if (contender === 'bare') {
		return {
			...common,
			type: 'n8n-nodes-bare-bench.bareUltravox',
			typeVersion: 1,
			onError: 'continueRegularOutput',
			credentials: { bareUltravoxApi: { id: 'bench-bare', name: 'bench bare' } },
			parameters: {
				registrationId: '={{ $json.id }}',
				...(operation === 'update' ? { proxy: PROXY } : { password: PASSWORD }),
			},
		};
	}
	return {
		...common,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		onError: 'continueRegularOutput',
		credentials: { httpHeaderAuth: { id: 'bench-header', name: 'bench header' } },
		parameters: {
			method: 'PATCH',
			url: `=${baseUrl}/api/sip/registrations/{{ $json.id }}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			contentType: 'json',
			bodyParameters: {
				parameters: [
					operation === 'update'
						? { name: 'proxy', value: PROXY }
						: { name: 'password', value: PASSWORD },
				],
			},
			options: {},
		},
	};
}

/** Manual Trigger → a Set node holding `list` → Split Out: one item per entry, into `next`. */
export function itemSource(
	list: unknown[],
	next: string,
): Pick<WorkflowJson, 'nodes' | 'connections'> {
	return {
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'list',
				name: 'List',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [150, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items: list }), options: {} },
			},
			{
				id: 'split',
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [300, 0],
				parameters: { fieldToSplitOut: 'items', options: {} },
			},
		],
		connections: {
			Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] },
			List: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: next, type: 'main', index: 0 }]] },
		},
	};
}

function workflowFor(
	contender: Contender,
	operation: Operation,
	baseUrl: string,
	ids: string[],
	items: number,
): WorkflowJson & { id: string } {
	const source = itemSource(
		Array.from({ length: items }, (_, n) => ({ id: ids[n % ids.length] })),
		'Under Test',
	);
	return {
		id: `bench${contender}${operation}`.slice(0, 16),
		name: `bench ${contender} ${operation}`,
		nodes: [...source.nodes, nodeFor(contender, operation, baseUrl)],
		connections: source.connections,
	};
}

export const OPERATIONS: Operation[] = ['update', 'rotatePassword'];

export interface RealN8nOptions {
	cpuProfDir?: string;
	/** The nodes and operations to measure (all by default): fewer for a quicker comparison. */
	contenders?: Contender[];
	operations?: Operation[];
}

export async function measureRealN8n(
	items: number,
	rounds: number,
	{ cpuProfDir, contenders = CONTENDERS, operations = OPERATIONS }: RealN8nOptions = {},
): Promise<RealN8nFigures> {
	const loadBefore = loadavg();
	const sandbox = await startExternalSandbox({ rateLimits: { ultravox: 0 } });
	const folder = mkdtempSync(path.join(tmpdir(), 'bare-bench-'));
	const n8n = await runtime.createN8n();
	// BENCH_N8N_DIR: a copy of the n8n install (e.g. with a patched n8n-core) to measure instead of the pinned one.
	const other = process.env.BENCH_N8N_DIR;
	if (other) {
		// The instance's install is read-only to its users; the bench alone swaps it for a copy.
		(n8n as { install: runtime.N8nInstall }).install = {
			...n8n.install,
			dir: other,
			n8nBin: path.join(other, 'node_modules', 'n8n', 'bin', 'n8n'),
		};
	}
	try {
		await n8n.installPack(await runtime.packProject());
		await n8n.installPack(barePackage(folder));
		const { apiKey, baseUrl } = sandbox.credentials as { apiKey: string; baseUrl: string };
		await n8n.importCredentials([
			{
				id: 'bench-ultravox',
				name: 'bench ultravox',
				type: 'ultravoxSipApi',
				data: { apiKey, baseUrl },
			},
			{ id: 'bench-bare', name: 'bench bare', type: 'bareUltravoxApi', data: { apiKey, baseUrl } },
			{
				id: 'bench-header',
				name: 'bench header',
				type: 'httpHeaderAuth',
				data: { name: 'X-API-Key', value: apiKey },
			},
		]);
		const workflows = operations.flatMap((operation) =>
			contenders.map((contender) => ({
				operation,
				contender,
				workflow: workflowFor(contender, operation, baseUrl, sandbox.ids, items),
			})),
		);
		await n8n.importWorkflow(workflows.map((entry) => entry.workflow));
		const perRound = () =>
			({
				update: { pack: [], bare: [], http: [] },
				rotatePassword: { pack: [], bare: [], http: [] },
			}) as RealN8nFigures['rates'];
		const rates = perRound();
		const cpuMsPerItem = perRound();
		let failed = 0;
		const failures: string[] = [];
		for (let round = 0; round < rounds; round++) {
			for (const { operation, contender, workflow } of workflows) {
				const run = await executeToFile(n8n, workflow.id, folder, { cpuProfDir });
				const task = run.data?.data?.resultData?.runData?.['Under Test']?.[0] as
					{ startTime: number; executionTime: number; data?: { main?: unknown[][] } } | undefined;
				if (run.code !== 0 || !task)
					throw new Error(`n8n execute of ${workflow.name} failed (exit ${run.code}): ${run.tail}`);
				const output = (task.data?.main?.[0] ?? []) as { json: Record<string, unknown> }[];
				const errors = output.filter((item) => item.json.error !== undefined);
				const lost = items - output.length + errors.length;
				failed += lost;
				if (lost)
					failures.push(
						`${contender} ${operation} round ${round + 1}: ${lost} (${String(errors[0]?.json.error ?? 'items missing from the output').slice(0, 160)})`,
					);
				rates[operation][contender].push(items / (task.executionTime / 1000));
				const cpuMs = cpuMsBetween(run.cpu, task.startTime, task.startTime + task.executionTime);
				if (cpuMs !== undefined) cpuMsPerItem[operation][contender].push(cpuMs / items);
			}
		}
		return {
			rates,
			cpuMsPerItem,
			failed,
			failures,
			n8nVersion: n8n.install.n8nVersion,
			nodeVersion: n8n.install.nodeVersion,
			loadBefore,
			loadAfter: loadavg(),
			profiles: cpuProfDir,
			n8nDir: other,
		};
	} finally {
		await n8n.dispose();
		sandbox.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}
