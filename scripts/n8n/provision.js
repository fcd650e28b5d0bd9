'use strict';
/** What an n8n instance needs before it starts: the pinned n8n installed (install.js) and the pack's tarball. */
const crypto = require('node:crypto');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { REPO_ROOT } = require('./pack');
const { cleanEnv, runChecked, runCommand, tail } = require('./processes');
const { makeTempDir, withDirLock } = require('./scratch');

/** @typedef {import('./install').N8nInstall} N8nInstall */

/**
 * Ensures the pinned n8n is installed (see install.js). Runs the installer as a child process so its progress
 * streams to stderr and an in-process server (the sandbox) stays responsive. Returns install.js's JSON.
 * @param {{ log?: (line: string) => void; version?: string }} [options]
 * @returns {Promise<N8nInstall>}
 */
async function ensureN8nInstalled({ log = (l) => process.stderr.write(l + '\n'), version } = {}) {
	const versionArgs = version ? ['--version', version] : [];
	const r = await runCommand(
		process.execPath,
		[path.join(__dirname, 'install.js'), ...versionArgs],
		{
			env: cleanEnv(),
			timeoutMs: 45 * 60_000,
			onLine: (l, stream) => stream === 'stderr' && log(l),
		},
	);
	if (r.code !== 0) throw new Error(`n8n install failed (exit ${r.code}):\n${tail(r.stderr)}`);
	return JSON.parse(/** @type {string} */ (r.stdout.trim().split('\n').pop()));
}

/**
 * `npm run build` (unless `build: false`) and `npm pack` of the project. Returns the tarball's absolute path.
 * The tarball goes to `destDir` (default: a fresh temp folder), never into the repo.
 * @param {{ cwd?: string; build?: boolean; destDir?: string }} [options]
 * @returns {Promise<string>}
 */
async function packProject({ cwd = REPO_ROOT, build = true, destDir } = {}) {
	const env = cleanEnv();
	// jest runs suites in parallel: two builds writing the same dist/ at once would corrupt each other's tarball
	const lock = path.join(
		os.tmpdir(),
		`sip-build-${crypto.createHash('sha256').update(cwd).digest('hex').slice(0, 12)}.lock`,
	);
	return withDirLock(lock, async () => {
		if (build)
			await runChecked('npm', ['run', 'build', '--silent'], { cwd, env, timeoutMs: 10 * 60_000 });
		const dest = destDir || (await makeTempDir('sip-pack-'));
		try {
			await fsp.mkdir(dest, { recursive: true });
			const r = await runChecked('npm', ['pack', '--json', '--pack-destination', dest], {
				cwd,
				env,
			});
			const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
			return path.join(dest, info[0].filename);
		} catch (e) {
			if (!destDir) await fsp.rm(dest, { recursive: true, force: true });
			throw e;
		}
	});
}

module.exports = { ensureN8nInstalled, packProject };
