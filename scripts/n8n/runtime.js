'use strict';
/**
 * Helpers to drive a real n8n (installed by ./install.js) from tests and from `npm start`.
 *
 *   const rt = require('./scripts/n8n/runtime');
 *   const tarball = await rt.packProject();                     // npm run build + npm pack
 *   const n8n = await rt.createN8n();                           // throwaway N8N_USER_FOLDER
 *   await n8n.installPack(tarball);                             // as n8n's community-package installer does
 *   await n8n.importCredentials([{ id, name, type, data }]);
 *   await n8n.importWorkflow(workflowJson);
 *   const run = await n8n.execute(workflowJson.id);             // { ok, code, data, stdout, stderr }
 *   const editor = await n8n.startEditor({ port: 5678 });       // { url, email, password, cookie, stop() }
 *   await n8n.dispose();                                        // kills its processes, removes a temp folder
 *
 * Every process is spawned in its own process group and recorded; `killAll()` (also run on process exit and,
 * in `installSignalHandlers()`, on SIGINT/SIGTERM) kills the whole groups, so nothing is left behind.
 * Every child runs under the Node 24 from the cache (first on PATH), never under the machine's Node 20.
 */
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const { ensureN8n, npmEnv } = require('./install');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Fixed so credentials imported into a persistent user folder stay readable across runs. Test-only key. */
const DEFAULT_ENCRYPTION_KEY = 'n8n-nodes-sip-credentials-e2e-not-a-secret';
const DEFAULT_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	// n8n: 8–64 characters, at least one digit and one capital letter
	password: 'Demo-Owner-1234',
});

// ---------------------------------------------------------------------------------------------------------------
// process bookkeeping

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let exitHookInstalled = false;

function killGroup(child, signal) {
	if (child.exitCode !== null || child.signalCode !== null) return false;
	try {
		process.kill(-child.pid, signal); // negative pid: the whole process group
		return true;
	} catch (e) {
		if (e.code !== 'ESRCH') throw e;
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
		return false;
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
 * @returns {import('node:child_process').ChildProcess}
 */
function spawnTracked(cmd, args, opts = {}) {
	installExitHook();
	const { guard = true, ...spawnOpts } = opts;
	const child = guard
		? spawn(process.execPath, [GUARD, String(process.pid), cmd, ...args], { ...spawnOpts, detached: true })
		: spawn(cmd, args, { ...spawnOpts, detached: true });
	children.add(child);
	child.once('exit', () => children.delete(child));
	child.once('error', () => children.delete(child));
	return child;
}

/** Sends SIGTERM to a child's process group, SIGKILL after `graceMs`; resolves once the child has exited. */
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

function killGroupQuietly(pgid, signal) {
	try {
		process.kill(-pgid, signal);
	} catch {
		/* no such group: good */
	}
}

/** Stops every process spawned through this module. */
async function killAll({ graceMs = 8000 } = {}) {
	await Promise.all([...children].map((c) => stopProcess(c, { graceMs })));
}

/**
 * For long-running CLIs (`npm start`): on SIGINT/SIGTERM/SIGHUP — or when this process is orphaned because its
 * parent died (e.g. `kill <npm pid>`: npm's `sh -c` dies without passing the signal on) — run `cleanup`, kill every
 * tracked group, exit. A second signal forces SIGKILL at once.
 */
function installSignalHandlers(cleanup = async () => {}, { watchParent = true } = {}) {
	let stopping = false;
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
			process.stderr.write(`[n8n] cleanup failed: ${e.message}\n`);
		} finally {
			await killAll();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		}
	};
	for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, handler);
	if (watchParent) {
		const startPpid = process.ppid;
		setInterval(() => {
			if (process.ppid !== startPpid && !stopping) handler('parent process exited');
		}, 1000).unref();
	}
}

/**
 * Runs a command to completion. Resolves `{ code, signal, stdout, stderr, durationMs }` (never rejects on a
 * non-zero exit; rejects on spawn errors and on timeout, after killing the process group).
 */
function runCommand(cmd, args, { cwd, env, timeoutMs = 10 * 60_000, input, onLine } = {}) {
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const child = spawnTracked(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d) => {
			stdout += d;
			if (onLine) for (const l of d.split('\n')) if (l) onLine(l, 'stdout');
		});
		child.stderr.setEncoding('utf8').on('data', (d) => {
			stderr += d;
			if (onLine) for (const l of d.split('\n')) if (l) onLine(l, 'stderr');
		});
		child.stdin.end(input ?? '');
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
			const result = { code, signal, stdout, stderr, durationMs: Date.now() - t0 };
			if (timedOut) {
				const err = new Error(`${path.basename(cmd)} ${args.join(' ')} timed out after ${timeoutMs} ms\n${tail(stderr || stdout)}`);
				Object.assign(err, result);
				reject(err);
			} else resolve(result);
		});
	});
}

function tail(text, n = 40) {
	return text.split('\n').slice(-n).join('\n');
}

async function runChecked(cmd, args, opts) {
	const r = await runCommand(cmd, args, opts);
	if (r.code !== 0) {
		const err = new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${r.code ?? r.signal}\n${tail(r.stderr + r.stdout)}`);
		Object.assign(err, r);
		throw err;
	}
	return r;
}

/** Env without the npm_config_* / npm_lifecycle_* an outer `npm run` injects (registry/cache/proxy settings kept). */
function cleanEnv(extra = {}) {
	return npmEnv(extra);
}

// ---------------------------------------------------------------------------------------------------------------
// install / pack

/**
 * Ensures the pinned n8n is installed (see install.js). Runs the installer as a child process so its progress
 * streams to stderr and an in-process server (the sandbox) stays responsive. Returns install.js's JSON.
 */
async function ensureN8nInstalled({ log = (l) => process.stderr.write(l + '\n'), version } = {}) {
	const versionArgs = version ? ['--version', version] : [];
	const r = await runCommand(process.execPath, [path.join(__dirname, 'install.js'), ...versionArgs], {
		env: cleanEnv(),
		timeoutMs: 45 * 60_000,
		onLine: (l, stream) => stream === 'stderr' && log(l),
	});
	if (r.code !== 0) throw new Error(`n8n install failed (exit ${r.code}):\n${tail(r.stderr)}`);
	return JSON.parse(r.stdout.trim().split('\n').pop());
}

/**
 * `npm run build` (unless `build: false`) and `npm pack` of the project. Returns the tarball's absolute path.
 * The tarball goes to `destDir` (default: a fresh temp folder), never into the repo.
 */
async function packProject({ cwd = REPO_ROOT, build = true, destDir } = {}) {
	const env = cleanEnv();
	// jest runs suites in parallel: two builds writing the same dist/ at once would corrupt each other's tarball
	const lock = path.join(os.tmpdir(), `sip-build-${crypto.createHash('sha256').update(cwd).digest('hex').slice(0, 12)}.lock`);
	return withDirLock(lock, async () => {
		if (build) await runChecked('npm', ['run', 'build', '--silent'], { cwd, env, timeoutMs: 10 * 60_000 });
		const dest = destDir || (await makeTempDir('sip-pack-'));
		try {
			await fsp.mkdir(dest, { recursive: true });
			const r = await runChecked('npm', ['pack', '--json', '--pack-destination', dest], { cwd, env });
			const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
			return path.join(dest, info[0].filename);
		} catch (e) {
			if (!destDir) await fsp.rm(dest, { recursive: true, force: true });
			throw e;
		}
	});
}

const OWNER_FILE = '.owner-pid';

/**
 * A new temp folder stamped with this process's pid. Folders with the same prefix whose owner is dead (a run that
 * was SIGKILLed and could not clean up) are removed first.
 */
async function makeTempDir(prefix) {
	const entries = await fsp.readdir(os.tmpdir()).catch(() => []);
	for (const name of entries) {
		if (!name.startsWith(prefix)) continue;
		const dir = path.join(os.tmpdir(), name);
		const owner = Number(await fsp.readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => '0'));
		if (!owner) continue; // not ours (or still being created)
		let alive = true;
		try {
			process.kill(owner, 0);
		} catch (e) {
			alive = e.code !== 'ESRCH';
		}
		if (!alive) await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
	}
	const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
	await fsp.writeFile(path.join(dir, OWNER_FILE), String(process.pid));
	return dir;
}

/** Async cross-process lock on a directory name (mkdir is atomic); a lock of a dead pid is taken over. */
async function withDirLock(lock, fn, { timeoutMs = 15 * 60_000 } = {}) {
	const t0 = Date.now();
	for (;;) {
		try {
			await fsp.mkdir(lock);
			await fsp.writeFile(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const owner = Number(await fsp.readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
			let dead = false;
			if (owner) {
				try {
					process.kill(owner, 0);
				} catch (err) {
					dead = err.code === 'ESRCH';
				}
			} else dead = Date.now() - t0 > 10_000;
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

/** Free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function portIsFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, host, () => srv.close(() => resolve(true)));
	});
}

// ---------------------------------------------------------------------------------------------------------------
// an n8n instance = one N8N_USER_FOLDER

/**
 * Run under n8n's Node with n8n's own sqlite3: `node -e <this> <sqlite3 dir> <database> <json>`. Replaces the
 * package's rows in one transaction. Timestamps are written explicitly: the sqlite migration's column default is a
 * quoted string, not a time.
 */
const RECORD_PACKAGE_SCRIPT = `
const [sqlite3Dir, database, json] = process.argv.slice(1);
const { row, nodes } = JSON.parse(json);
const db = new (require(sqlite3Dir).Database)(database);
const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
const fail = (e) => { if (e) { process.stderr.write(e.message + '\\n'); process.exit(1); } };
db.serialize(() => {
	db.run('BEGIN');
	db.run('DELETE FROM installed_nodes WHERE package = ?', [row.packageName], fail);
	db.run('DELETE FROM installed_packages WHERE packageName = ?', [row.packageName], fail);
	db.run('INSERT INTO installed_packages (packageName, installedVersion, authorName, authorEmail, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
		[row.packageName, row.installedVersion, row.authorName, row.authorEmail, now, now], fail);
	for (const n of nodes) db.run('INSERT INTO installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)', [n.name, n.type, n.latestVersion, row.packageName], fail);
	db.run('COMMIT', fail);
});
db.close(fail);
`;

/**
 * Creates a handle on an n8n user folder.
 * @param {object} [opts]
 * @param {string} [opts.userFolder]  persistent folder (e.g. `.n8n-demo`); default: a new temp folder, removed by dispose()
 * @param {string} [opts.encryptionKey]
 * @param {Record<string,string>} [opts.env]  extra env for every n8n command
 * @param {(line: string) => void} [opts.log]
 * @param {string} [opts.version]  n8n version (default: N8N_E2E_VERSION or the pinned one; `1` = the newest 1.x covered)
 */
async function createN8n(opts = {}) {
	const install = await ensureN8nInstalled({ log: opts.log, version: opts.version });
	const temporary = !opts.userFolder;
	const userFolder = opts.userFolder
		? path.resolve(opts.userFolder)
		: await makeTempDir('n8n-user-');
	await fsp.mkdir(path.join(userFolder, '.n8n'), { recursive: true });
	return new N8nInstance({ install, userFolder, temporary, ...opts });
}

class N8nInstance {
	constructor({ install, userFolder, temporary, encryptionKey = DEFAULT_ENCRYPTION_KEY, env = {}, log }) {
		this.install = install;
		this.userFolder = userFolder;
		this.n8nFolder = path.join(userFolder, '.n8n');
		this.temporary = temporary;
		this.encryptionKey = encryptionKey;
		this.extraEnv = env;
		this.log = log || (() => {});
		/** @type {Set<import('node:child_process').ChildProcess>} */
		this.processes = new Set();
	}

	/** Environment for a headless n8n on this user folder. */
	env(extra = {}) {
		const base = cleanEnv();
		return {
			...base,
			PATH: `${this.install.nodeBinDir}${path.delimiter}${base.PATH || ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			DB_TYPE: 'sqlite',
			// nothing may try to reach the internet
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			// n8n 1.x lists a community node's AI-tool variant (`<type>Tool`) only with this flag; 2.x always does
			N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
			N8N_LOG_OUTPUT: 'console',
			NODE_ENV: 'production',
			...this.extraEnv,
			...extra,
		};
	}

	/**
	 * Runs `n8n <args>` to completion under Node 24. n8n 2.x always starts its task broker (N8N_RUNNERS_ENABLED is
	 * gone), on port 5679 by default; each command gets a free port so that concurrent commands do not collide.
	 */
	async run(args, { env, timeoutMs = 5 * 60_000 } = {}) {
		return runCommand(this.install.nodeBin, [this.install.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env }),
			timeoutMs,
		});
	}

	async runChecked(args, opts) {
		const r = await this.run(args, opts);
		if (r.code !== 0) {
			const err = new Error(`n8n ${args.join(' ')} exited with ${r.code ?? r.signal}\n${tail(r.stderr + r.stdout)}`);
			Object.assign(err, r);
			throw err;
		}
		return r;
	}

	/**
	 * Installs a pack tarball the way n8n's community-package installer (n8n 2.x `downloadPackage`) does: unpack into
	 * `.n8n/nodes/node_modules/<name>/`, drop dev/peer/optional dependencies from its package.json,
	 * `npm install --ignore-scripts` inside it, and list it under dependencies in `.n8n/nodes/package.json`.
	 * Replaces a previously installed copy. Returns `{ name, version, dir }`.
	 */
	async installPack(tarball) {
		const nodesDir = path.join(this.n8nFolder, 'nodes');
		const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'sip-unpack-'));
		try {
			await runChecked('tar', ['-xzf', path.resolve(tarball), '-C', staging]);
			const unpacked = path.join(staging, 'package');
			const pkgFile = path.join(unpacked, 'package.json');
			const pkg = JSON.parse(await fsp.readFile(pkgFile, 'utf8'));
			delete pkg.devDependencies;
			delete pkg.peerDependencies;
			delete pkg.optionalDependencies;
			await fsp.writeFile(pkgFile, JSON.stringify(pkg, null, 2) + '\n');

			const dir = path.join(nodesDir, 'node_modules', ...pkg.name.split('/'));
			await fsp.rm(dir, { recursive: true, force: true });
			await fsp.mkdir(path.dirname(dir), { recursive: true });
			await fsp.cp(unpacked, dir, { recursive: true });
			await runChecked('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=warn'], {
				cwd: dir,
				env: { ...cleanEnv(), PATH: `${this.install.nodeBinDir}${path.delimiter}${process.env.PATH}` },
			});

			const manifestFile = path.join(nodesDir, 'package.json');
			let manifest = { name: 'installed-nodes', private: true, dependencies: {} };
			try {
				manifest = JSON.parse(await fsp.readFile(manifestFile, 'utf8'));
			} catch {
				/* first package */
			}
			manifest.dependencies = { ...(manifest.dependencies || {}), [pkg.name]: pkg.version };
			await fsp.writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
			return { name: pkg.name, version: pkg.version, dir, n8n: pkg.n8n };
		} finally {
			await fsp.rm(staging, { recursive: true, force: true });
		}
	}

	/**
	 * Records an installed pack in n8n's database as the community-package installer does once it has loaded it
	 * (n8n 2.x `InstalledPackagesRepository.persistPackageWithNodes`): one `installed_packages` row and one
	 * `installed_nodes` row per node. Without them Settings → Community Nodes lists nothing, although the nodes load
	 * from `.n8n/nodes`. Runs before `n8n start`; migrates a new database first. `installed`: installPack's answer.
	 */
	async recordInstalledPackage(installed) {
		const database = path.join(this.n8nFolder, 'database.sqlite');
		if (!fs.existsSync(database)) await this.runChecked(['list:workflow']); // any command creates and migrates it
		const pkg = JSON.parse(await fsp.readFile(path.join(installed.dir, 'package.json'), 'utf8'));
		const types = JSON.parse(await fsp.readFile(path.join(installed.dir, 'dist', 'types', 'nodes.json'), 'utf8'));
		const nodes = [...new Map(types.map((d) => [d.name, d])).values()].map((d) => ({
			name: d.displayName,
			type: `${pkg.name}.${d.name}`,
			latestVersion: Math.max(...[].concat(d.version)),
		}));
		const row = { packageName: pkg.name, installedVersion: pkg.version, authorName: pkg.author?.name ?? null, authorEmail: pkg.author?.email ?? null };
		const sqlite3 = path.resolve(path.dirname(this.install.n8nBin), '..', '..', 'sqlite3');
		await runChecked(this.install.nodeBin, ['-e', RECORD_PACKAGE_SCRIPT, sqlite3, database, JSON.stringify({ row, nodes })], { env: cleanEnv() });
		return { ...row, nodes };
	}

	/** `n8n export:nodes`: every node type n8n loaded, as n8n describes them. */
	async exportNodes() {
		const out = path.join(this.n8nFolder, `export-nodes-${process.pid}-${Date.now()}.json`);
		await this.runChecked(['export:nodes', `--output=${out}`]);
		try {
			return JSON.parse(await fsp.readFile(out, 'utf8'));
		} finally {
			await fsp.rm(out, { force: true });
		}
	}

	/** `n8n import:credentials`: `creds` is an array of `{ id, name, type, data }` with plaintext data. */
	async importCredentials(creds) {
		const list = Array.isArray(creds) ? creds : [creds];
		const file = await this.#tempJson('credentials', list);
		try {
			return await this.runChecked(['import:credentials', `--input=${file}`]);
		} finally {
			await fsp.rm(file, { force: true });
		}
	}

	/**
	 * `n8n import:workflow`: one workflow object or an array. A workflow without `id` gets a short one (n8n's `execute`
	 * needs it). Returns the workflow ids.
	 */
	async importWorkflow(workflows) {
		const list = (Array.isArray(workflows) ? workflows : [workflows]).map((w) => ({
			active: false,
			settings: {},
			connections: {},
			...w,
			id: w.id || crypto.randomBytes(8).toString('hex'),
		}));
		const file = await this.#tempJson('workflows', list);
		try {
			await this.runChecked(['import:workflow', `--input=${file}`]);
		} finally {
			await fsp.rm(file, { force: true });
		}
		return list.map((w) => w.id);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`. Resolves `{ ok, code, data, stdout, stderr, durationMs }`: `data` is the
	 * run n8n printed as JSON after its log lines (undefined if none could be parsed), `ok` is exit code 0.
	 */
	async execute(id, { timeoutMs = 5 * 60_000 } = {}) {
		// `execute` prints the run through the logger at level info (also on failure, before the error lines)
		const r = await this.run(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs, env: { N8N_LOG_LEVEL: 'info' } });
		const data = parseTrailingJson(r.stdout) ?? parseTrailingJson(r.stderr);
		return {
			ok: r.code === 0,
			code: r.code,
			data,
			error: data?.data?.resultData?.error,
			runData: data?.data?.resultData?.runData,
			stdout: r.stdout,
			stderr: r.stderr,
			durationMs: r.durationMs,
		};
	}

	/**
	 * Starts `n8n start` (the editor) on 127.0.0.1:`port` (0 = a free port), waits until it is ready, and creates the
	 * owner account over REST (or logs in when this user folder already has one).
	 * Resolves `{ url, port, email, password, cookie, process, stop() }`.
	 */
	async startEditor({ port = 0, owner = DEFAULT_OWNER, readyTimeoutMs = 120_000, onLog, env } = {}) {
		const p = port || (await freePort());
		if (!(await portIsFree(p))) throw new Error(`port ${p} is already in use`);
		const url = `http://localhost:${p}`;
		const child = spawnTracked(this.install.nodeBin, [this.install.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env({
				N8N_PORT: String(p),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: 'localhost',
				N8N_PROTOCOL: 'http',
				N8N_EDITOR_BASE_URL: `${url}/`,
				WEBHOOK_URL: `${url}/`,
				N8N_LOG_LEVEL: 'info',
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				...env,
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.processes.add(child);
		child.once('exit', () => this.processes.delete(child));
		let output = '';
		const collect = (d) => {
			output = (output + d).slice(-20000);
			if (onLog) for (const l of String(d).split('\n')) if (l.trim()) onLog(l);
		};
		child.stdout.setEncoding('utf8').on('data', collect);
		child.stderr.setEncoding('utf8').on('data', collect);
		const stop = () => stopProcess(child);
		try {
			await waitForReady(url, child, readyTimeoutMs, () => output);
			const session = await setupOrLogin(url, owner);
			return { url, port: p, email: owner.email, password: owner.password, cookie: session.cookie, browserId: session.browserId, process: child, stop, output: () => output };
		} catch (e) {
			await stop();
			throw e;
		}
	}

	/** Stops this instance's editor processes and removes a temporary user folder. */
	async dispose() {
		await Promise.all([...this.processes].map((c) => stopProcess(c)));
		if (this.temporary) await fsp.rm(this.userFolder, { recursive: true, force: true });
	}

	async #tempJson(kind, value) {
		const file = path.join(this.n8nFolder, `import-${kind}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`);
		await fsp.writeFile(file, JSON.stringify(value, null, 2), { mode: 0o600 });
		return file;
	}
}

/**
 * The last pretty-printed JSON document in n8n's output (n8n prints it with `JSON.stringify(x, null, 2)` among log
 * lines): a line that starts with `{`/`[` up to the first following line that is exactly `}`/`]` and parses.
 */
function parseTrailingJson(text) {
	const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	let found;
	for (let i = 0; i < lines.length; i++) {
		const t = lines[i].trim();
		if (!t.startsWith('{') && !t.startsWith('[')) continue;
		try {
			found = JSON.parse(t); // one-line document
			continue;
		} catch {
			/* multi-line */
		}
		const close = t.startsWith('{') ? '}' : ']';
		for (let j = i + 1; j < lines.length; j++) {
			if (lines[j].trimEnd() !== close) continue;
			try {
				found = JSON.parse(lines.slice(i, j + 1).join('\n'));
				i = j;
				break;
			} catch {
				/* keep looking */
			}
		}
	}
	return found;
}

async function waitForReady(url, child, timeoutMs, output) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`n8n start exited early (${child.exitCode ?? child.signalCode}):\n${tail(output())}`);
		try {
			const r = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (r.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`n8n start not ready on ${url} after ${timeoutMs} ms:\n${tail(output())}`);
}

function sessionCookie(res) {
	const all = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [res.headers.get('set-cookie') || ''];
	const c = all.map((s) => s.split(';')[0]).find((s) => s.startsWith('n8n-auth='));
	return c || '';
}

/** Creates the owner (first start) or logs in as it (persistent folder). Returns `{ cookie, browserId }`. */
async function setupOrLogin(url, owner) {
	const browserId = crypto.randomUUID();
	const headers = { 'content-type': 'application/json', 'browser-id': browserId };
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ email: owner.email, firstName: owner.firstName, lastName: owner.lastName, password: owner.password }),
	});
	if (setup.ok) return { cookie: sessionCookie(setup), browserId };
	const setupText = await setup.text();
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password }),
	});
	if (login.ok) return { cookie: sessionCookie(login), browserId };
	throw new Error(`owner setup failed (${setup.status} ${setupText}) and login failed (${login.status} ${await login.text()})`);
}

// ---------------------------------------------------------------------------------------------------------------
// running workflows inside a started n8n (`startEditor`), over the editor's REST API

/** `fetch` on the editor's REST API as the owner. Resolves the parsed `data` of n8n's `{ data }` answer. */
async function editorRest(editor, method, route, body) {
	const res = await fetch(`${editor.url}/rest${route}`, {
		method,
		headers: { cookie: editor.cookie, 'browser-id': editor.browserId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`n8n ${method} /rest${route}: ${res.status} ${text.slice(0, 500)}`);
	return text ? JSON.parse(text).data : undefined;
}

/**
 * One execution as n8n stores it (`GET /rest/executions/:id`), with its run data unpacked (n8n stores it with
 * `flatted`). Resolves `{ id, status, finished, mode, error, runData, raw }`.
 */
async function getExecution(editor, executionId, install) {
	const raw = await editorRest(editor, 'GET', `/executions/${executionId}`);
	let data;
	if (raw && typeof raw.data === 'string') {
		const n8nModules = path.resolve(path.dirname(install.n8nBin), '..', '..');
		data = require(path.join(n8nModules, 'flatted')).parse(raw.data);
	} else data = raw && raw.data;
	return {
		id: String(executionId),
		status: raw && raw.status,
		finished: raw && raw.finished,
		mode: raw && raw.mode,
		error: data && data.resultData && data.resultData.error,
		runData: data && data.resultData && data.resultData.runData,
		raw,
	};
}

/** Waits until an execution has finished (any status but new/running/waiting); resolves getExecution's answer. */
async function waitForExecution(editor, executionId, install, { timeoutMs = 5 * 60_000, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await getExecution(editor, executionId, install);
		if (execution.status && !['new', 'running', 'waiting', 'unknown'].includes(execution.status)) return execution;
		if (Date.now() > deadline) throw new Error(`execution ${executionId} still ${execution.status} after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/**
 * Runs a workflow as the editor's "Execute workflow" button does (`POST /rest/workflows/:id/run`, starting from the
 * trigger `trigger`) and waits for it to finish. Unlike `n8n execute`, this runs inside `n8n start`, where n8n's
 * backend modules (e.g. Data tables) are loaded. Resolves getExecution's answer.
 */
async function runManually(editor, workflowId, trigger, install, opts) {
	const started = await editorRest(editor, 'POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } });
	if (!started || !started.executionId) throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
	return waitForExecution(editor, started.executionId, install, opts);
}

module.exports = {
	REPO_ROOT,
	DEFAULT_OWNER,
	DEFAULT_ENCRYPTION_KEY,
	ensureN8nInstalled,
	ensureN8n,
	packProject,
	createN8n,
	N8nInstance,
	parseTrailingJson,
	runCommand,
	spawnTracked,
	stopProcess,
	killAll,
	installSignalHandlers,
	cleanEnv,
	freePort,
	trackedProcesses: () => [...children],
	editorRest,
	getExecution,
	waitForExecution,
	runManually,
};
