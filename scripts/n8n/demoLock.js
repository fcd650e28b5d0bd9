'use strict';
/**
 * One `npm start` per demo folder. The first one claims `<folder>/start.lock` (its pid, and later its URLs and the
 * process groups it started); a second one in the same clone is refused with the first one's URL and how to stop it,
 * and never touches the first one's processes. Groups recorded by a start script that is gone (SIGKILLed, a crash)
 * are killed before the lock is taken over, so a dead run leaves nothing behind.
 */
const fs = require('node:fs');
const path = require('node:path');
const { pidAlive: alive } = require('./pids');

const LOCK_FILE = 'start.lock';
/** What the command line of a live `npm start` contains (node scripts/start.js …). */
const START_SCRIPT = path.join('scripts', 'start.js');

/**
 * What the lock file holds.
 * @typedef {{ pid: number; startedAt: string; processes: Array<{ pid: number | undefined; marker: string }>; n8nUrl?: string; sandboxUrl?: string }} DemoLockState
 */

/**
 * A claimed demo folder.
 * @typedef {{ file: string; update(fields: Partial<DemoLockState>): void; release(): void }} DemoFolderClaim
 */

/** @param {number} pid */
function commandLine(pid) {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
	} catch {
		return undefined; // gone (or not Linux: then nothing is ever killed, see below)
	}
}

/**
 * Whether `pid` is a live start script (not a reused pid).
 * @param {number} pid
 */
function isLiveStartScript(pid) {
	if (!pid || !alive(pid)) return false;
	const cmdline = commandLine(pid);
	return cmdline === undefined ? true : cmdline.includes(START_SCRIPT);
}

class DemoFolderInUse extends Error {}

/**
 * @param {string} file
 * @returns {DemoLockState | undefined}
 */
function readLock(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Kills the process groups a dead start script recorded, if they still run what was recorded.
 * @param {DemoLockState} lock
 * @param {(message: string) => void} say
 */
function killLeftovers(lock, say) {
	for (const { pid, marker } of lock.processes || []) {
		const cmdline = pid === undefined ? undefined : commandLine(pid);
		if (!pid || !cmdline || !cmdline.includes(marker)) continue; // gone, or the pid now belongs to something else
		say(`killing process group ${pid} left over from a previous run (${cmdline.slice(0, 80)})`);
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
}

/**
 * @param {DemoLockState} lock
 * @param {string} folder
 */
function refusal(lock, folder) {
	const where = lock.n8nUrl
		? `n8n at ${lock.n8nUrl}, sandbox at ${lock.sandboxUrl}`
		: 'still starting';
	return new DemoFolderInUse(
		`another npm start (pid ${lock.pid}) is running from this clone with the demo folder ${folder}/ (${where}). ` +
			`Use that one, or stop it first (Ctrl-C in its terminal, or kill ${lock.pid}). It was left running.`,
	);
}

/**
 * Claims the demo folder for this process. Throws DemoFolderInUse when a live start script holds it.
 * Returns `{ update(fields), release() }`: `update` records URLs and process groups in the lock file.
 * @param {string} folder
 * @param {{ say?: (message: string) => void; displayFolder?: string }} [options]
 * @returns {DemoFolderClaim}
 */
function claimDemoFolder(folder, { say = () => {}, displayFolder = folder } = {}) {
	fs.mkdirSync(folder, { recursive: true });
	const file = path.join(folder, LOCK_FILE);
	/** @type {DemoLockState} */
	let state = { pid: process.pid, startedAt: new Date().toISOString(), processes: [] };
	// bounded: each round either creates the file or removes a dead owner's; three rounds cover a race with another claim
	for (let attempt = 0; ; attempt++) {
		try {
			fs.writeFileSync(file, JSON.stringify(state, null, 2), { flag: 'wx' });
			break;
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST' || attempt >= 3) throw e;
		}
		const held = readLock(file);
		if (!held && Date.now() - fs.statSync(file).mtimeMs < 5000) {
			// another start script is writing it this very moment
			throw new DemoFolderInUse(
				`another npm start is starting with the demo folder ${displayFolder}/; use that one or stop it first`,
			);
		}
		if (held && held.pid !== process.pid && isLiveStartScript(held.pid))
			throw refusal(held, displayFolder);
		if (held) killLeftovers(held, say);
		fs.rmSync(file, { force: true });
	}
	return {
		file,
		update(fields) {
			state = { ...state, ...fields };
			fs.writeFileSync(file, JSON.stringify(state, null, 2));
		},
		release() {
			if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
		},
	};
}

module.exports = { claimDemoFolder, DemoFolderInUse, LOCK_FILE };
