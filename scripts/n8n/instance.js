'use strict';
/**
 * An n8n instance = one N8N_USER_FOLDER: n8n's CLI on it (import, export, execute) and its editor (`n8n start`).
 * Every n8n command runs under the Node of the n8n install (install.js), never under the machine's.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const communityPackage = require('./communityPackage');
const { setupOrLogin, waitForReady } = require('./editorRest');
const { freePort, portIsFree } = require('./ports');
const { assertExitZero, cleanEnv, runCommand, spawnTracked, stopProcess } = require('./processes');
const { ensureN8nInstalled } = require('./provision');
const { makeTempDir } = require('./scratch');

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {import('./install').N8nInstall} N8nInstall */
/** @typedef {import('./processes').CommandResult} CommandResult */
/** @typedef {import('./editorRest').NodeRunData} NodeRunData */
/** @typedef {import('./editorRest').RunError} RunError */
/** @typedef {import('./communityPackage').InstalledPack} InstalledPack */
/** @typedef {import('./communityPackage').RecordedPackage} RecordedPackage */

/**
 * @typedef {object} OwnerAccount
 * @property {string} email
 * @property {string} firstName
 * @property {string} lastName
 * @property {string} password
 */

/**
 * `n8n import:credentials` input: plaintext `data`, encrypted by n8n on import.
 * @typedef {object} CredentialImport
 * @property {string} id
 * @property {string} name
 * @property {string} type
 * @property {Record<string, unknown>} data
 */

/**
 * One node of a workflow as n8n exports it.
 * @typedef {object} WorkflowNode
 * @property {string} [id]
 * @property {string} name
 * @property {string} type
 * @property {number} typeVersion
 * @property {[number, number]} position
 * @property {Record<string, unknown>} parameters
 * @property {Record<string, { id: string; name: string }>} [credentials]
 */

/**
 * A workflow as n8n exports it (only the fields the helpers touch are typed).
 * @typedef {{ id?: string; name: string; nodes: Array<WorkflowNode & Record<string, unknown>>; connections: Record<string, unknown>; [key: string]: unknown }} WorkflowJson
 */

/**
 * @typedef {object} ExecuteResult
 * @property {boolean} ok  exit code 0
 * @property {number | null} code
 * @property {any} data  the run n8n printed (IRun), when it printed one
 * @property {RunError} [error]  data.data.resultData.error
 * @property {Record<string, NodeRunData[]>} [runData]  data.data.resultData.runData: node name → runs
 * @property {string} stdout
 * @property {string} stderr
 * @property {number} durationMs
 */

/**
 * A running editor (`startEditor`), logged in as the owner.
 * @typedef {object} Editor
 * @property {string} url
 * @property {number} port
 * @property {string} email
 * @property {string} password
 * @property {string} cookie  `n8n-auth=…` session cookie of the owner
 * @property {string} browserId  send as header `browser-id` with the cookie on REST calls
 * @property {ChildProcess} process
 * @property {() => Promise<void>} stop
 * @property {() => string} output  the last ~20 kB n8n printed
 */

/**
 * One exported node description (`n8n export:nodes`).
 * @typedef {object} ExportedNode
 * @property {string} name
 * @property {string} displayName
 * @property {number | number[]} version
 * @property {Array<{ name: string; required?: boolean }>} [credentials]
 * @property {Array<{ name: string; type: string; options?: Array<{ name: string; value: unknown }>; [key: string]: unknown }>} properties
 * @property {boolean} [usableAsTool]
 */

/**
 * @typedef {object} N8nOptions
 * @property {string} [userFolder]  persistent folder (e.g. `.n8n-demo`); default: a new temp folder, removed by dispose()
 * @property {string} [encryptionKey]
 * @property {Record<string, string>} [env]  extra env for every n8n command
 * @property {(line: string) => void} [log]
 * @property {string} [version]  n8n version (default: N8N_E2E_VERSION or the pinned one; `1` = the newest 1.x covered)
 */

/** @typedef {{ env?: Record<string, string>; timeoutMs?: number; stdoutFile?: string }} N8nRunOptions */

/** Fixed so credentials imported into a persistent user folder stay readable across runs. Test-only key. */
const DEFAULT_ENCRYPTION_KEY = 'n8n-nodes-sip-credentials-e2e-not-a-secret';
/** @type {Readonly<OwnerAccount>} */
const DEFAULT_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	// n8n: 8–64 characters, at least one digit and one capital letter
	password: 'Demo-Owner-1234',
});

/**
 * Creates a handle on an n8n user folder (installing n8n first when needed).
 * @param {N8nOptions} [opts]
 * @returns {Promise<N8nInstance>}
 */
async function createN8n(opts = {}) {
	const install = await ensureN8nInstalled({ log: opts.log, version: opts.version });
	const temporary = !opts.userFolder;
	const userFolder = opts.userFolder
		? path.resolve(opts.userFolder)
		: await makeTempDir('n8n-user-');
	await fsp.mkdir(path.join(userFolder, '.n8n'), { recursive: true });
	return new N8nInstance({ ...opts, install, userFolder, temporary });
}

class N8nInstance {
	/**
	 * @param {{ install: N8nInstall; userFolder: string; temporary: boolean } & Omit<N8nOptions, 'userFolder' | 'version'>} options
	 */
	constructor({
		install,
		userFolder,
		temporary,
		encryptionKey = DEFAULT_ENCRYPTION_KEY,
		env = {},
		log,
	}) {
		/** @readonly */
		this.install = install;
		/** @readonly */
		this.userFolder = userFolder;
		/** @readonly */
		this.n8nFolder = path.join(userFolder, '.n8n');
		/** @readonly */
		this.temporary = temporary;
		/** @readonly */
		this.encryptionKey = encryptionKey;
		/** @private @readonly */
		this.extraEnv = env;
		/** @readonly */
		this.log = log || (() => {});
		/** @private @readonly @type {Set<ChildProcess>} */
		this.processes = new Set();
	}

	/**
	 * Environment for a headless n8n on this user folder.
	 * @param {Record<string, string>} [extra]
	 * @returns {NodeJS.ProcessEnv}
	 */
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
	 * Runs `n8n <args>` to completion under n8n's Node. n8n 2.x always starts its task broker (N8N_RUNNERS_ENABLED is
	 * gone), on port 5679 by default; each command gets a free port so that concurrent commands do not collide.
	 * @param {string[]} args
	 * @param {N8nRunOptions} [options]
	 * @returns {Promise<CommandResult>}
	 */
	async run(args, { env, timeoutMs = 5 * 60_000, stdoutFile } = {}) {
		return runCommand(this.install.nodeBin, [this.install.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env }),
			timeoutMs,
			stdoutFile,
		});
	}

	/**
	 * `run`, rejecting on a non-zero exit with n8n's last output lines.
	 * @param {string[]} args
	 * @param {N8nRunOptions} [options]
	 * @returns {Promise<CommandResult>}
	 */
	async runChecked(args, options) {
		return assertExitZero(await this.run(args, options), `n8n ${args.join(' ')}`);
	}

	/**
	 * Installs a pack tarball as n8n's community-package installer does (communityPackage.js).
	 * @param {string} tarball
	 * @returns {Promise<InstalledPack>}
	 */
	async installPack(tarball) {
		return communityPackage.installPack(this.n8nFolder, this.install, tarball);
	}

	/**
	 * Records an installed pack in n8n's database (installed_packages, installed_nodes), as n8n's installer does, so
	 * that Settings → Community Nodes lists it. Runs before `n8n start`; migrates a new database first.
	 * @param {InstalledPack} installed  installPack's answer
	 * @returns {Promise<RecordedPackage>}
	 */
	async recordInstalledPackage(installed) {
		const database = path.join(this.n8nFolder, 'database.sqlite');
		if (!fs.existsSync(database)) await this.runChecked(['list:workflow']); // any command creates and migrates it
		return communityPackage.recordInstalledPackage(database, this.install, installed);
	}

	/**
	 * `n8n export:nodes`: every node type n8n loaded, as n8n describes them.
	 * @returns {Promise<ExportedNode[]>}
	 */
	async exportNodes() {
		const out = path.join(this.n8nFolder, `export-nodes-${process.pid}-${Date.now()}.json`);
		await this.runChecked(['export:nodes', `--output=${out}`]);
		try {
			return JSON.parse(await fsp.readFile(out, 'utf8'));
		} finally {
			await fsp.rm(out, { force: true });
		}
	}

	/**
	 * `n8n import:credentials` of credentials with plaintext data.
	 * @param {CredentialImport | CredentialImport[]} creds
	 * @returns {Promise<CommandResult>}
	 */
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
	 * @param {WorkflowJson | WorkflowJson[]} workflows
	 * @returns {Promise<string[]>}
	 */
	async importWorkflow(workflows) {
		// for untyped callers (example files): what n8n's import needs and a bare workflow may lack
		const defaults = { active: false, settings: {}, connections: {} };
		const list = (Array.isArray(workflows) ? workflows : [workflows]).map((w) => ({
			...defaults,
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
	 * `n8n execute --id <id> --rawOutput`. `data` is the run n8n printed as JSON after its log lines (undefined if
	 * none could be parsed), `ok` is exit code 0.
	 * @param {string} id
	 * @param {{ timeoutMs?: number }} [options]
	 * @returns {Promise<ExecuteResult>}
	 */
	async execute(id, { timeoutMs = 5 * 60_000 } = {}) {
		// `execute` prints the run through the logger at level info (also on failure, before the error lines).
		// Into a file, not a pipe: n8n 1.x's `execute` calls process.exit() right after printing, which cut a 5 MB
		// run (two NetSapiens lists of 1,200 devices) to its first 3 MB in a pipe, and the run then read as empty.
		const stdoutFile = path.join(this.userFolder, `execute-${id}-${Date.now()}.out`);
		const r = await this.run(['execute', `--id=${id}`, '--rawOutput'], {
			timeoutMs,
			env: { N8N_LOG_LEVEL: 'info' },
			stdoutFile,
		});
		fs.rmSync(stdoutFile, { force: true });
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
	 * Starts `n8n start` (the editor) on 127.0.0.1:`port` (0 = a free port), waits (at most `readyTimeoutMs`) until
	 * it is ready, and creates the owner account over REST (or logs in when this user folder already has one).
	 * @param {{ port?: number; owner?: OwnerAccount; readyTimeoutMs?: number; onLog?: (line: string) => void; env?: Record<string, string> }} [options]
	 * @returns {Promise<Editor>}
	 */
	async startEditor({
		port = 0,
		owner = DEFAULT_OWNER,
		readyTimeoutMs = 120_000,
		onLog,
		env,
	} = {}) {
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
		/** @param {string} d */
		const collect = (d) => {
			output = (output + d).slice(-20000);
			if (onLog) for (const l of String(d).split('\n')) if (l.trim()) onLog(l);
		};
		child.stdout?.setEncoding('utf8').on('data', collect);
		child.stderr?.setEncoding('utf8').on('data', collect);
		const stop = () => stopProcess(child);
		try {
			await waitForReady(url, child, readyTimeoutMs, () => output);
			const session = await setupOrLogin(url, owner);
			return {
				url,
				port: p,
				email: owner.email,
				password: owner.password,
				cookie: session.cookie,
				browserId: session.browserId,
				process: child,
				stop,
				output: () => output,
			};
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

	/**
	 * @param {string} kind
	 * @param {unknown} value
	 */
	async #tempJson(kind, value) {
		const file = path.join(
			this.n8nFolder,
			`import-${kind}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`,
		);
		await fsp.writeFile(file, JSON.stringify(value, null, 2), { mode: 0o600 });
		return file;
	}
}

/**
 * The last pretty-printed JSON document in n8n's output (n8n prints it with `JSON.stringify(x, null, 2)` among log
 * lines): a line that starts with `{`/`[` up to the first following line that is exactly `}`/`]` and parses.
 * @param {string} text
 * @returns {any}
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

module.exports = {
	DEFAULT_OWNER,
	DEFAULT_ENCRYPTION_KEY,
	createN8n,
	N8nInstance,
	parseTrailingJson,
};
