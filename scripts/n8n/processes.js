'use strict';
/**
 * Child processes that cannot outlive us: every process is spawned in its own process group (under guard.js) and
 * recorded; `killAll()` (also run on process exit and, after `installSignalHandlers()`, on SIGINT/SIGTERM) kills
 * the whole groups, so nothing is left behind.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { npmEnv } = require('./install');

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */

/**
 * @typedef {object} CommandResult
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {number} durationMs
 */

/**
 * @typedef {object} RunOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {number} [timeoutMs]  killed (whole group) after this long; default 10 minutes
 * @property {string} [input]  written to stdin, which is then closed
 * @property {(line: string, stream: 'stdout' | 'stderr') => void} [onLine]
 * @property {string} [stdoutFile]  stdout goes to this file instead of a pipe (and is read back into `stdout`):
 *   a command that calls process.exit() right after printing a large output loses the part still queued for a
 *   pipe, never what it wrote to a file (Node writes to files synchronously)
 */

/** @type {Set<ChildProcess>} */
const children = new Set();
let exitHookInstalled = false;

/** @param {ChildProcess} child @param {NodeJS.Signals} signal */
function killGroup(child, signal) {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return false;
	try {
		process.kill(-child.pid, signal); // negative pid: the whole process group
		return true;
	} catch (e) {
		if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'ESRCH') throw e;
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
		return false;
	}
}

/** @param {number | undefined} pgid @param {NodeJS.Signals} signal */
function killGroupQuietly(pgid, signal) {
	if (pgid === undefined) return;
	try {
		process.kill(-pgid, signal);
	} catch {
		/* no such group: good */
	}
}

function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	// last resort: synchronous SIGKILL of every group still alive when this process exits
	process.on('exit', () => {
		for (const c of children) killGroup(c, 'SIGKILL');
	});
}

const GUARD = path.join(__dirname, 'guard.js');

/**
 * Spawns `cmd args` in its own process group, under guard.js (which kills the group should this process die
 * without cleaning up), and tracks it until it exits. `opts.guard: false` spawns the command directly.
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {import('node:child_process').SpawnOptions & { guard?: boolean }} [opts]
 * @returns {ChildProcess}
 */
function spawnTracked(cmd, args, opts = {}) {
	installExitHook();
	const { guard = true, ...spawnOpts } = opts;
	const child = guard
		? spawn(process.execPath, [GUARD, String(process.pid), cmd, ...args], {
				...spawnOpts,
				detached: true,
			})
		: spawn(cmd, args, { ...spawnOpts, detached: true });
	children.add(child);
	child.once('exit', () => children.delete(child));
	child.once('error', () => children.delete(child));
	return child;
}

/**
 * Sends SIGTERM to a child's process group, SIGKILL after `graceMs`; resolves once the child has exited.
 * @param {ChildProcess | undefined} child
 * @param {{ graceMs?: number }} [options]
 * @returns {Promise<void>}
 */
async function stopProcess(child, { graceMs = 8000 } = {}) {
	if (!child || child.exitCode !== null || child.signalCode !== null) {
		// the leader is gone, but its group may not be: sweep it
		if (child) killGroupQuietly(child.pid, 'SIGKILL');
		return;
	}
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	// the leader exited; members it did not reap (e.g. a task runner) still share its pgid
	killGroupQuietly(child.pid, 'SIGKILL');
}

/**
 * Stops every process spawned through this module.
 * @param {{ graceMs?: number }} [options]
 */
async function killAll({ graceMs = 8000 } = {}) {
	await Promise.all([...children].map((c) => stopProcess(c, { graceMs })));
}

/** @returns {ChildProcess[]} every process spawned here that has not exited yet */
function trackedProcesses() {
	return [...children];
}

/**
 * For long-running CLIs (`npm start`): on SIGINT/SIGTERM/SIGHUP — or when this process is orphaned because its
 * parent died (e.g. `kill <npm pid>`: npm's `sh -c` dies without passing the signal on) — run `cleanup`, kill every
 * tracked group, exit. A second signal forces SIGKILL at once.
 * @param {() => Promise<void> | void} [cleanup]
 * @param {{ watchParent?: boolean }} [options]
 */
function installSignalHandlers(cleanup = async () => {}, { watchParent = true } = {}) {
	let stopping = false;
	/** @param {string} signal */
	const handler = async (signal) => {
		if (stopping) {
			for (const c of children) killGroup(c, 'SIGKILL');
			process.exit(130);
		}
		stopping = true;
		process.stderr.write(`\n[n8n] ${signal}: stopping…\n`);
		try {
			await cleanup();
		} catch (e) {
			process.stderr.write(`[n8n] cleanup failed: ${/** @type {Error} */ (e).message}\n`);
		} finally {
			await killAll();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		}
	};
	for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, handler);
	if (watchParent) {
		const startPpid = process.ppid;
		// checked once a second for as long as this process lives (unref'd: it never keeps it alive)
		setInterval(() => {
			if (process.ppid !== startPpid && !stopping) handler('parent process exited');
		}, 1000).unref();
	}
}

/**
 * The last `n` lines of a command's output, for error messages.
 * @param {string} text
 */
function tail(text, n = 40) {
	return text.split('\n').slice(-n).join('\n');
}

/**
 * Runs a command to completion. Resolves `{ code, signal, stdout, stderr, durationMs }` (never rejects on a
 * non-zero exit; rejects on spawn errors and on timeout, after killing the process group).
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<CommandResult>}
 */
function runCommand(
	cmd,
	args,
	{ cwd, env, timeoutMs = 10 * 60_000, input, onLine, stdoutFile } = {},
) {
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const stdoutFd = stdoutFile === undefined ? undefined : fs.openSync(stdoutFile, 'w');
		let child;
		try {
			child = spawnTracked(cmd, args, { cwd, env, stdio: ['pipe', stdoutFd ?? 'pipe', 'pipe'] });
		} finally {
			// the child holds its own copy of the descriptor
			if (stdoutFd !== undefined) fs.closeSync(stdoutFd);
		}
		const {
			stdin,
			stdout: out,
			stderr: err,
		} = /** @type {import('node:child_process').ChildProcessWithoutNullStreams} */ (child);
		let stdout = '';
		let stderr = '';
		out?.setEncoding('utf8').on('data', (/** @type {string} */ d) => {
			stdout += d;
			if (onLine) for (const l of d.split('\n')) if (l) onLine(l, 'stdout');
		});
		err.setEncoding('utf8').on('data', (/** @type {string} */ d) => {
			stderr += d;
			if (onLine) for (const l of d.split('\n')) if (l) onLine(l, 'stderr');
		});
		stdin.end(input ?? '');
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			stopProcess(child, { graceMs: 2000 });
		}, timeoutMs);
		child.once('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			// sweep anything the command left running in its group
			killGroupQuietly(child.pid, 'SIGKILL');
			if (stdoutFile !== undefined) stdout = fs.readFileSync(stdoutFile, 'utf8');
			const result = { code, signal, stdout, stderr, durationMs: Date.now() - t0 };
			if (timedOut) {
				const error = new Error(
					`${path.basename(cmd)} ${args.join(' ')} timed out after ${timeoutMs} ms\n${tail(stderr || stdout)}`,
				);
				Object.assign(error, result);
				reject(error);
			} else resolve(result);
		});
	});
}

/**
 * A command's result, or an error naming the command (`label`) with its last output lines if it exited non-zero.
 * @param {CommandResult} result
 * @param {string} label
 * @returns {CommandResult}
 */
function assertExitZero(result, label) {
	if (result.code === 0) return result;
	const error = new Error(
		`${label} exited with ${result.code ?? result.signal}\n${tail(result.stderr + result.stdout)}`,
	);
	Object.assign(error, result);
	throw error;
}

/**
 * runCommand, rejecting on a non-zero exit (assertExitZero).
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<CommandResult>}
 */
async function runChecked(cmd, args, options) {
	return assertExitZero(
		await runCommand(cmd, args, options),
		`${path.basename(cmd)} ${args.join(' ')}`,
	);
}

/**
 * Env without the npm_config_* / npm_lifecycle_* an outer `npm run` injects (registry/cache/proxy settings kept).
 * @param {Record<string, string>} [extra]
 */
function cleanEnv(extra = {}) {
	return npmEnv(extra);
}

module.exports = {
	spawnTracked,
	stopProcess,
	killAll,
	trackedProcesses,
	installSignalHandlers,
	runCommand,
	runChecked,
	assertExitZero,
	cleanEnv,
	tail,
};
