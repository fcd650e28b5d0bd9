import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as runtime from '../scripts/n8n/runtime';
import type { Editor, N8nInstance } from '../scripts/n8n/runtime';

/**
 * n8n's queue mode on one user folder: a Redis of its own (nothing written to disk), `n8n worker`
 * processes and a main (`n8n start`, EXECUTIONS_MODE=queue) that receives webhooks and enqueues
 * their executions. Used by the queue bench (bench/queue.ts) and the e2e that runs the queue examples.
 */

export function redisServerPath(): string | undefined {
	try {
		return (
			execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() ||
			undefined
		);
	} catch {
		return undefined;
	}
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a Redis on 127.0.0.1:`port` answers PING (bounded: a 1 s socket timeout). */
export function redisAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(String(data).startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** The last 20 kB a child printed, for errors. */
function tailOf(child: ChildProcess): () => string {
	let text = '';
	const keep = (data: Buffer | string) => (text = (text + String(data)).slice(-20_000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return () => text;
}

/** Waits (bounded by `timeoutMs`) until `ready` says yes; fails early when the child exits. */
async function until(
	what: string,
	child: ChildProcess,
	output: () => string,
	timeoutMs: number,
	ready: () => Promise<boolean>,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${what} exited:\n${output().slice(-3000)}`);
		if (await ready()) return;
		if (Date.now() > deadline) throw new Error(`${what} not ready:\n${output().slice(-3000)}`);
		await pause(250);
	}
}

/** The n8n process a tracked child runs (spawnTracked starts it under scripts/n8n/guard.js). */
export function n8nPidOf(child: ChildProcess): number | undefined {
	try {
		const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
			.trim()
			.split(/\s+/)
			.filter(Boolean)
			.map(Number);
		return children[0] ?? child.pid;
	} catch {
		return undefined;
	}
}

/** A process's peak resident set (VmHWM), in MB; 0 once it is gone. */
export function peakRssMb(pid: number | undefined): number {
	if (pid === undefined) return 0;
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : 0;
	} catch {
		return 0;
	}
}

export interface QueueMode {
	editor: Editor;
	workers: ChildProcess[];
	/** Each worker's n8n process, for its peak RSS. */
	workerPids: Array<number | undefined>;
	mainLog: string[];
	/** The last 20 kB each worker printed. */
	workerLogs: Array<() => string>;
	stop(): Promise<void>;
}

export async function startQueueMode(
	n8n: N8nInstance,
	{ workers: count, concurrency, port }: { workers: number; concurrency: number; port?: number },
): Promise<QueueMode> {
	const redisBin = redisServerPath();
	if (!redisBin) throw new Error('queue mode needs redis-server on PATH');
	const started: ChildProcess[] = [];
	const redisDir = mkdtempSync(path.join(os.tmpdir(), 'sip-bench-redis-'));
	const mainLog: string[] = [];
	let editor: Editor | undefined;
	const stop = async () => {
		await editor?.stop();
		for (const child of started.reverse()) await runtime.stopProcess(child, { graceMs: 5000 });
		rmSync(redisDir, { recursive: true, force: true });
	};
	try {
		const redisPort = await runtime.freePort();
		const redis = runtime.spawnTracked(
			redisBin,
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				redisDir,
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		started.push(redis);
		await until('redis-server', redis, tailOf(redis), 15_000, () => redisAnswers(redisPort));
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			// SQLite in WAL mode (n8n turns it on with a pool): main and workers write executions at once.
			DB_SQLITE_POOL_SIZE: '4',
		};
		const workers: ChildProcess[] = [];
		const workerLogs: Array<() => string> = [];
		for (let n = 0; n < count; n++) {
			const healthPort = await runtime.freePort();
			const worker = runtime.spawnTracked(
				n8n.install.nodeBin,
				[n8n.install.n8nBin, 'worker', `--concurrency=${concurrency}`],
				{
					cwd: n8n.userFolder,
					env: n8n.env({
						...queueEnv,
						N8N_LOG_LEVEL: 'info',
						N8N_RUNNERS_BROKER_PORT: String(await runtime.freePort()),
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}),
					stdio: ['ignore', 'pipe', 'pipe'],
				},
			);
			started.push(worker);
			workers.push(worker);
			workerLogs.push(tailOf(worker));
			await until(`n8n worker ${n + 1}`, worker, workerLogs[n], 180_000, async () => {
				try {
					return (
						await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`, {
							signal: AbortSignal.timeout(2000),
						})
					).ok;
				} catch {
					return false;
				}
			});
		}
		editor = await n8n.startEditor({
			port,
			env: queueEnv,
			readyTimeoutMs: 180_000,
			onLog: (line) => {
				mainLog.push(line);
				if (mainLog.length > 2000) mainLog.splice(0, 1000);
			},
		});
		return { editor, workers, workerPids: workers.map(n8nPidOf), mainLog, workerLogs, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Publishes a workflow as the editor's Publish button does (main then serves its production webhook). */
export async function publish(editor: Editor, workflowId: string): Promise<void> {
	const stored = (await runtime.editorRest(editor, 'GET', `/workflows/${workflowId}`)) as {
		versionId: string;
	};
	const activated = (await runtime.editorRest(editor, 'POST', `/workflows/${workflowId}/activate`, {
		versionId: stored.versionId,
	})) as { active: boolean };
	if (!activated.active) throw new Error(`workflow ${workflowId} was not activated`);
}
