'use strict';
/** Temp folders and cross-process locks that survive a run killed with SIGKILL (the next run cleans up). */
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { pidAlive } = require('./pids');

const OWNER_FILE = '.owner-pid';

/**
 * A new temp folder stamped with this process's pid. Folders with the same prefix whose owner is dead (a run that
 * was SIGKILLed and could not clean up) are removed first.
 * @param {string} prefix
 * @returns {Promise<string>}
 */
async function makeTempDir(prefix) {
	const entries = await fsp.readdir(os.tmpdir()).catch(() => []);
	for (const name of entries) {
		if (!name.startsWith(prefix)) continue;
		const dir = path.join(os.tmpdir(), name);
		const owner = Number(await fsp.readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => '0'));
		if (!owner) continue; // not ours (or still being created)
		if (!pidAlive(owner))
			await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
	}
	const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
	await fsp.writeFile(path.join(dir, OWNER_FILE), String(process.pid));
	return dir;
}

/**
 * Runs `fn` holding a cross-process lock on a directory name (mkdir is atomic); a lock of a dead pid is taken over.
 * Waits at most `timeoutMs` (default 15 minutes), polling every 300 ms.
 * @template T
 * @param {string} lock
 * @param {() => Promise<T>} fn
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
async function withDirLock(lock, fn, { timeoutMs = 15 * 60_000 } = {}) {
	const t0 = Date.now();
	for (;;) {
		try {
			await fsp.mkdir(lock);
			await fsp.writeFile(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
			const owner = Number(await fsp.readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
			// a lock without a pid for 10 s: its creator died between mkdir and write
			const dead = owner ? !pidAlive(owner) : Date.now() - t0 > 10_000;
			if (dead) {
				await fsp.rm(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${lock}`);
			await new Promise((r) => setTimeout(r, 300));
		}
	}
	try {
		return await fn();
	} finally {
		await fsp.rm(lock, { recursive: true, force: true });
	}
}

module.exports = { makeTempDir, withDirLock };
