#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the pack in a real n8n editor, wired to the vendor sandbox.
 *
 *   1. installs the pinned n8n (first time only; scripts/n8n/install.js) while building and packing the pack
 *   2. starts the sandbox (`npm run sandbox -- --port 4010`) and reads the JSON line it prints
 *   3. installs the tarball into the persistent demo user folder `.n8n-demo/` as n8n's installer would
 *   4. imports one credential per vendor pointing at the sandbox, and every `examples/*.json` workflow
 *   5. starts `n8n start` on http://localhost:5678, creates the owner account (or logs in), prints URL and login
 *
 * Ctrl-C (or SIGTERM/SIGHUP) stops n8n and the sandbox and leaves no process behind. One `npm start` per demo
 * folder: a second one in the same clone is refused and leaves the first one running (scripts/n8n/demoLock.js).
 *
 * Options: --port <n8n port, 5678>  --sandbox-port <4010>  --no-build  --fresh (wipe the demo folder first)
 *          --demo-folder <.n8n-demo>
 *          the simulated fleet (phones get their new passwords from a provisioning server; sandbox/cli.ts):
 *          --provision-delay-ms <0>  --registration-delay-ms <0>  --never-provisioned-percent <0, e.g. 10>
 * Logs: <demo folder>/n8n.log and <demo folder>/sandbox.log
 */
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const rt = require('./n8n/runtime');
const { packMetadata, exampleWorkflows, bindWorkflow, sandboxVendorFor } = require('./n8n/pack');
const { claimDemoFolder, LOCK_FILE } = require('./n8n/demoLock');

const ROOT = path.resolve(__dirname, '..');

/**
 * The JSON line `npm run sandbox` prints once it listens (sandbox/cli.ts).
 * @typedef {object} SandboxInfo
 * @property {string} url
 * @property {string} [admin]
 * @property {Record<string, { credentials: Record<string, unknown> }>} vendors
 * @property {{ provisionDelayMs: number; neverProvisionedShare: number }} [fleet]
 */

/**
 * @param {string} name
 * @param {string | number} fallback
 */
function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : fallback;
}
const flag = (/** @type {string} */ name) => process.argv.includes(`--${name}`);

const N8N_PORT = Number(option('port', process.env.N8N_DEMO_PORT || 5678));
const SANDBOX_PORT = Number(option('sandbox-port', process.env.SANDBOX_PORT || 4010));
const DEMO_FOLDER = path.resolve(ROOT, String(option('demo-folder', '.n8n-demo')));
const SHOWN_FOLDER = path.relative(ROOT, DEMO_FOLDER) || '.';
/** The demo's fleet: every phone gets its new password at once, so a first Rotate Password (Read Back) verifies. */
const FLEET_ARGS = [
	'--fleet',
	'--provision-delay-ms',
	String(option('provision-delay-ms', '0')),
	'--never-provisioned-percent',
	String(option('never-provisioned-percent', '0')),
	'--registration-delay-ms',
	String(option('registration-delay-ms', '0')),
];

const say = (/** @type {string} */ msg) => process.stdout.write(`[start] ${msg}\n`);

/**
 * `npm run sandbox -- --port N` in its own process group; resolves with the JSON line it prints (within 60 s).
 * @param {number} port
 * @param {string} logFile
 * @returns {Promise<{ child: import('node:child_process').ChildProcess; info: SandboxInfo }>}
 */
function startSandboxProcess(port, logFile) {
	const log = fs.createWriteStream(logFile, { flags: 'a' });
	const child =
		/** @type {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} */ (
			rt.spawnTracked(
				'npm',
				['run', '--silent', 'sandbox', '--', '--port', String(port), ...FLEET_ARGS],
				{
					cwd: ROOT,
					env: rt.cleanEnv(),
					stdio: ['ignore', 'pipe', 'pipe'],
				},
			)
		);
	child.stderr.pipe(log);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`the sandbox printed nothing within 60 s (see ${logFile})`)),
			60_000,
		);
		const lines = readline.createInterface({ input: child.stdout });
		let done = false;
		lines.on('line', (line) => {
			log.write(`${line}\n`);
			if (done || !line.trim().startsWith('{')) return;
			try {
				const info = JSON.parse(line);
				done = true;
				clearTimeout(timer);
				resolve({ child, info });
			} catch {
				/* not the JSON line */
			}
		});
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			if (!done) {
				let tail = '';
				try {
					tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
				} catch {
					/* no log */
				}
				reject(
					new Error(
						`the sandbox exited (${code ?? signal}) before printing its endpoints:\n${tail}`,
					),
				);
			}
		});
	});
}

/**
 * The first free port from `port` on (at most 100 tried), for the suggested command.
 * @param {number} port
 * @param {number[]} taken
 */
async function nextFreePort(port, taken) {
	for (let candidate = port + 1; candidate < port + 100 && candidate < 65_536; candidate++)
		if (!taken.includes(candidate) && (await rt.portIsFree(candidate))) return candidate;
	return 0;
}

/** Refuses ports in use before anything is built, with the exact command that would work. */
async function checkPorts() {
	const n8nFree = await rt.portIsFree(N8N_PORT);
	const sandboxFree = await rt.portIsFree(SANDBOX_PORT);
	if (n8nFree && sandboxFree) return;
	const n8nPort = n8nFree ? N8N_PORT : await nextFreePort(N8N_PORT, [SANDBOX_PORT]);
	const sandboxPort = sandboxFree ? SANDBOX_PORT : await nextFreePort(SANDBOX_PORT, [n8nPort]);
	const busy = [
		...(n8nFree ? [] : [`port ${N8N_PORT} (n8n) is in use`]),
		...(sandboxFree ? [] : [`port ${SANDBOX_PORT} (sandbox) is in use`]),
	].join(' and ');
	throw new Error(
		`${busy}. Choose free ports, e.g.:\n  npm start -- --port ${n8nPort} --sandbox-port ${sandboxPort}`,
	);
}

async function main() {
	/** @type {import('./n8n/runtime').Editor | undefined} */
	let editor;
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let sandboxChild;
	let stopping = false;
	/** @type {import('./n8n/demoLock').DemoFolderClaim | undefined} */
	let lock;
	rt.installSignalHandlers(async () => {
		stopping = true;
		if (editor) await editor.stop();
		if (sandboxChild) await rt.stopProcess(sandboxChild);
		lock?.release();
		say('stopped n8n and the sandbox');
	});

	// before anything else, so that a second `npm start` (even with --fresh) never touches the first one's folder
	lock = claimDemoFolder(DEMO_FOLDER, { say, displayFolder: SHOWN_FOLDER });
	releaseOnFailure = () => lock.release();
	if (flag('fresh'))
		for (const entry of fs.readdirSync(DEMO_FOLDER))
			if (entry !== LOCK_FILE)
				fs.rmSync(path.join(DEMO_FOLDER, entry), { recursive: true, force: true });
	await checkPorts();

	say(`building and packing the pack; making sure n8n is installed (first time: ~5 minutes)…`);
	const [tarball, n8n] = await Promise.all([
		rt.packProject({ build: !flag('no-build') }),
		rt.createN8n({ userFolder: DEMO_FOLDER, log: (l) => process.stderr.write(`${l}\n`) }),
	]);
	say(
		`n8n ${n8n.install.n8nVersion} on Node ${n8n.install.nodeVersion}; pack: ${path.basename(tarball)}`,
	);

	const sandbox = await startSandboxProcess(SANDBOX_PORT, path.join(DEMO_FOLDER, 'sandbox.log'));
	sandboxChild = sandbox.child;
	lock.update({
		processes: [{ pid: sandboxChild.pid, marker: 'sandbox' }],
		sandboxUrl: sandbox.info.url,
	});
	say(`sandbox on ${sandbox.info.url} (vendors: ${Object.keys(sandbox.info.vendors).join(', ')})`);

	const installed = await n8n.installPack(tarball);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	say(
		`installed ${installed.name}@${installed.version} into ${path.relative(ROOT, installed.dir)}`,
	);

	// one credential per vendor the pack has a node for, pointing at the sandbox
	const meta = packMetadata();
	/** @type {import('./n8n/runtime').CredentialImport[]} */
	const credentials = [];
	/** @type {Record<string, { id: string; name: string }>} */
	const byType = {};
	for (const node of meta.nodes) {
		const endpoint =
			sandbox.info.vendors[sandboxVendorFor(node.name, Object.keys(sandbox.info.vendors)) ?? ''];
		const type = node.credentialTypes[0];
		if (!endpoint || !type) {
			say(`note: no sandbox vendor "${node.name}"; no credential imported for ${node.displayName}`);
			continue;
		}
		const credential = {
			id: `demo${node.name.toLowerCase()}`.slice(0, 21),
			name: `${node.displayName} (sandbox)`,
			type,
			data: endpoint.credentials,
		};
		credentials.push(credential);
		byType[type] = { id: credential.id, name: credential.name };
	}
	if (credentials.length) await n8n.importCredentials(credentials);
	say(
		`imported ${credentials.length} sandbox credential(s): ${credentials.map((c) => c.name).join(', ')}`,
	);

	const examples = exampleWorkflows();
	if (examples.length)
		await n8n.importWorkflow(
			examples.map(({ file, workflow }) => bindWorkflow(workflow, byType, file)),
		);
	say(
		`imported ${examples.length} example workflow(s)${examples.length ? `: ${examples.map((e) => e.file).join(', ')}` : ''}`,
	);

	// so that Settings → Community Nodes lists the pack, as after an install from there
	await n8n.recordInstalledPackage(installed);

	const n8nLog = fs.createWriteStream(path.join(DEMO_FOLDER, 'n8n.log'), { flags: 'a' });
	say(`starting n8n on port ${N8N_PORT}…`);
	editor = await n8n.startEditor({ port: N8N_PORT, onLog: (l) => n8nLog.write(`${l}\n`) });
	lock.update({
		processes: [
			{ pid: sandboxChild.pid, marker: 'sandbox' },
			{ pid: editor.process.pid, marker: 'n8n' },
		],
		n8nUrl: editor.url,
	});
	const fleet = sandbox.info.fleet;

	const banner = [
		'',
		`  n8n is ready:   ${editor.url}`,
		`  email:          ${editor.email}`,
		`  password:       ${editor.password}`,
		`  sandbox:        ${sandbox.info.url}  (admin: ${sandbox.info.admin || `${sandbox.info.url}/__admin`})`,
		...(fleet
			? [
					`  phones:         re-provisioned ${fleet.provisionDelayMs} ms after a password change; ${Math.round(fleet.neverProvisionedShare * 100)} % never are`,
					'                  (e.g. npm start -- --provision-delay-ms 3000 --never-provisioned-percent 10)',
				]
			: []),
		`  user folder:    ${SHOWN_FOLDER}/  (logs: n8n.log, sandbox.log; --fresh starts over)`,
		'',
		'  Ctrl-C stops n8n and the sandbox.',
		'',
	];
	process.stdout.write(`${banner.join('\n')}\n`);

	// if either dies, stop the other and exit non-zero
	await new Promise((resolve) => {
		editor.process.once('exit', () => resolve('n8n'));
		sandboxChild.once('exit', () => resolve('sandbox'));
	}).then(async (which) => {
		if (stopping) return new Promise(() => {}); // the signal handler is shutting down and will exit
		say(`${which} exited unexpectedly; stopping (see ${SHOWN_FOLDER}/${which}.log)`);
		await rt.killAll();
		lock.release();
		process.exit(1);
	});
}

let releaseOnFailure = () => {};

main().catch(async (error) => {
	process.stderr.write(`[start] failed: ${error.message}\n`);
	await rt.killAll();
	releaseOnFailure();
	process.exit(1);
});
