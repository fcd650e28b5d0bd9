import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Execution, Finding, WorkerMessage } from './protocol';

/** Longest a fresh child may take to load n8n-core, the pack and the sandbox (a loaded CI machine). */
const STARTUP_BOUND_MS = 180_000;
/** How often the watchdog looks at a running child. */
const CHECK_EVERY_MS = 250;

interface Child {
	process: ChildProcess;
	ready: Promise<void>;
	lastBeat: number;
	stderr: string;
}

/**
 * Runs executions in a child process (worker.ts) and kills it when one does not finish within its
 * bound. A node stuck in a synchronous loop blocks the child's event loop, so no timer in the child
 * could end it: the child sends a heartbeat, and a heartbeat that stops for `loopBoundMs` is a hang
 * (n8n's /healthz would stop answering too); any other case that outlives its bound is a hang as
 * well. A killed or crashed child is replaced by a spare started ahead of need.
 */
export class Watchdog {
	private active?: Child;
	private spare?: Child;
	private nextId = 0;
	/** Children killed because a case hung or n8n's process died. */
	replaced = 0;

	constructor(private readonly keepSpare: boolean) {}

	private spawn(): Child {
		const child = fork(path.join(__dirname, 'worker.ts'), [], {
			execArgv: ['-r', 'ts-node/register/transpile-only', '--max-old-space-size=3072'],
			serialization: 'advanced',
			cwd: path.resolve(__dirname, '..', '..'),
			env: { ...process.env, SIP_TRANSCRIPTS: 'off', TS_NODE_TRANSPILE_ONLY: 'true' },
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
		});
		const state: Child = {
			process: child,
			ready: Promise.resolve(),
			lastBeat: Date.now(),
			stderr: '',
		};
		child.stderr!.on('data', (chunk: Buffer) => {
			state.stderr = (state.stderr + chunk.toString('utf8')).slice(-4000);
		});
		child.on('message', (message: WorkerMessage) => {
			if (message.type === 'beat') state.lastBeat = Date.now();
		});
		state.ready = new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() =>
					reject(
						new Error(
							`The adversarial worker did not start in ${STARTUP_BOUND_MS} ms: ${state.stderr}`,
						),
					),
				STARTUP_BOUND_MS,
			);
			const onExit = (code: number | null) => {
				clearTimeout(timer);
				reject(new Error(`The adversarial worker exited on start (${code}): ${state.stderr}`));
			};
			child.once('exit', onExit);
			child.on('message', (message: WorkerMessage) => {
				if (message.type === 'ready') {
					clearTimeout(timer);
					child.off('exit', onExit);
					resolve();
				}
			});
		});
		// A spare that fails to start is reported when it is needed.
		state.ready.catch(() => undefined);
		return state;
	}

	/** Starts the children ahead of need. */
	warm(): void {
		this.active ??= this.spawn();
		if (this.keepSpare) this.spare ??= this.spawn();
	}

	private replace(): void {
		const dead = this.active;
		this.active = this.spare;
		this.spare = undefined;
		this.replaced++;
		if (dead && dead.process.exitCode === null) dead.process.kill('SIGKILL');
		this.warm();
	}

	/**
	 * Runs one execution: its findings, or a hang when it outlives `boundMs` or blocks the child's
	 * event loop for `loopBoundMs`, or a crash when the child dies.
	 */
	async run(execution: Execution, boundMs: number, loopBoundMs: number): Promise<Finding[]> {
		this.warm();
		const child = this.active!;
		await child.ready;
		const id = this.nextId++;
		const startedAt = Date.now();
		child.lastBeat = startedAt;
		return await new Promise<Finding[]>((resolve) => {
			const finish = (findings: Finding[], replace: boolean) => {
				clearInterval(timer);
				child.process.off('message', onMessage);
				child.process.off('exit', onExit);
				if (replace) this.replace();
				resolve(findings);
			};
			const onMessage = (message: WorkerMessage) => {
				if (message.type === 'result' && message.id === id) finish(message.findings, false);
			};
			const onExit = (code: number | null, signal: string | null) =>
				finish(
					[
						{
							property: 'crash',
							detail: `n8n's process died (${signal ?? code}): ${child.stderr.trim().split('\n').slice(-4).join(' | ').slice(0, 600)}`,
						},
					],
					true,
				);
			const timer = setInterval(() => {
				const now = Date.now();
				if (now - child.lastBeat > loopBoundMs) {
					finish(
						[
							{
								property: 'hang',
								detail: `blocked n8n's event loop for more than ${loopBoundMs} ms (a synchronous loop)`,
							},
						],
						true,
					);
				} else if (now - startedAt > boundMs) {
					finish([{ property: 'hang', detail: `did not finish within ${boundMs} ms` }], true);
				}
			}, CHECK_EVERY_MS);
			child.process.on('message', onMessage);
			child.process.on('exit', onExit);
			child.process.send({ type: 'run', id, execution } satisfies WorkerMessage);
		});
	}

	close(): void {
		for (const child of [this.active, this.spare])
			if (child && child.process.exitCode === null) child.process.kill('SIGKILL');
		this.active = undefined;
		this.spare = undefined;
	}
}
