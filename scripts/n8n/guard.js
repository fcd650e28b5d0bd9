'use strict';
/**
 * Process-group guard: `node guard.js <watchPid> <cmd> [args…]`.
 *
 * runtime.js starts every long-lived command through this guard, as the leader of a new process group. The guard
 * runs the command in that same group, passes SIGINT/SIGTERM/SIGHUP on to it, exits with its exit code, and —
 * the reason it exists — kills the whole group when the process that started it (`watchPid`) dies without
 * cleaning up (SIGKILL, OOM, a jest worker torn down). So no n8n, task runner or sandbox is ever orphaned.
 */
const { spawn } = require('node:child_process');
const { pidAlive: alive } = require('./pids');

const [watchArg, cmd, ...args] = process.argv.slice(2);
const watchPid = Number(watchArg);
const startPpid = process.ppid;

const child = spawn(cmd, args, { stdio: 'inherit' });

/** @param {NodeJS.Signals} signal */
function killGroup(signal) {
	try {
		process.kill(-process.pid, signal); // our own group: the command and everything it started (and us)
	} catch {
		/* gone */
	}
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => {
		try {
			child.kill(signal);
		} catch {
			/* gone */
		}
	});
}

let orphaned = false;
const watchdog = setInterval(() => {
	if (process.ppid === startPpid && alive(watchPid)) return;
	clearInterval(watchdog);
	orphaned = true;
	// our starter is gone: SIGTERM to the whole group (our own handler just passes it on), SIGKILL after 5 s
	killGroup('SIGTERM');
	setTimeout(() => killGroup('SIGKILL'), 5000);
}, 500);
watchdog.unref();

child.once('error', (e) => {
	process.stderr.write(`guard: cannot start ${cmd}: ${e.message}\n`);
	process.exit(127);
});
child.once('exit', (code, signal) => {
	clearInterval(watchdog);
	if (orphaned) {
		// members the command did not take down with it (e.g. grandchildren of `npm run`) go now
		killGroup('SIGTERM');
		setTimeout(() => killGroup('SIGKILL'), 1000);
		return;
	}
	if (signal) {
		for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(s);
		process.kill(process.pid, signal);
		setTimeout(() => process.exit(128), 100).unref();
	} else process.exit(code ?? 1);
});
