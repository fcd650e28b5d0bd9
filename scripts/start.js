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
 * Ctrl-C (or SIGTERM/SIGHUP) stops n8n and the sandbox and leaves no process behind.
 *
 * Options: --port <n8n port, 5678>  --sandbox-port <4010>  --no-build  --fresh (wipe .n8n-demo first)
 * Logs: .n8n-demo/n8n.log and .n8n-demo/sandbox.log
 */
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const rt = require('./n8n/runtime');
const { packMetadata, exampleWorkflows, bindWorkflow, sandboxVendorFor } = require('./n8n/pack');

const ROOT = path.resolve(__dirname, '..');
const DEMO_FOLDER = path.join(ROOT, '.n8n-demo');
const PIDS_FILE = path.join(DEMO_FOLDER, 'processes.json');

function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const N8N_PORT = Number(option('port', process.env.N8N_DEMO_PORT || 5678));
const SANDBOX_PORT = Number(option('sandbox-port', process.env.SANDBOX_PORT || 4010));

const say = (msg) => process.stdout.write(`[start] ${msg}\n`);

/** Kills process groups a previous `npm start` left behind (e.g. when it was SIGKILLed), if they are still ours. */
function killLeftovers() {
	let previous;
	try {
		previous = JSON.parse(fs.readFileSync(PIDS_FILE, 'utf8'));
	} catch {
		return;
	}
	for (const { pid, marker } of previous.processes || []) {
		let cmdline = '';
		try {
			cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
		} catch {
			continue; // gone
		}
		if (!cmdline.includes(marker)) continue; // pid reused by something else
		say(`killing process group ${pid} left over from a previous run (${cmdline.trim().slice(0, 80)})`);
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
	fs.rmSync(PIDS_FILE, { force: true });
}

function recordProcesses(entries) {
	fs.mkdirSync(DEMO_FOLDER, { recursive: true });
	fs.writeFileSync(PIDS_FILE, JSON.stringify({ startedBy: process.pid, processes: entries }, null, 2));
}

/** `npm run sandbox -- --port N` in its own process group; resolves with the JSON line it prints. */
function startSandboxProcess(port, logFile) {
	const log = fs.createWriteStream(logFile, { flags: 'a' });
	const child = rt.spawnTracked('npm', ['run', '--silent', 'sandbox', '--', '--port', String(port)], {
		cwd: ROOT,
		env: rt.cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stderr.pipe(log);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the sandbox printed nothing within 60 s (see ${logFile})`)), 60_000);
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
				reject(new Error(`the sandbox exited (${code ?? signal}) before printing its endpoints:\n${tail}`));
			}
		});
	});
}

async function main() {
	let editor;
	let sandboxChild;
	let stopping = false;
	rt.installSignalHandlers(async () => {
		stopping = true;
		if (editor) await editor.stop();
		if (sandboxChild) await rt.stopProcess(sandboxChild);
		fs.rmSync(PIDS_FILE, { force: true });
		say('stopped n8n and the sandbox');
	});

	if (flag('fresh')) fs.rmSync(DEMO_FOLDER, { recursive: true, force: true });
	fs.mkdirSync(DEMO_FOLDER, { recursive: true });
	killLeftovers();

	const n8nPortFree = await portFree(N8N_PORT);
	const sandboxPortFree = await portFree(SANDBOX_PORT);
	if (!n8nPortFree) throw new Error(`port ${N8N_PORT} is in use (another n8n?); use --port <n>`);
	if (!sandboxPortFree) throw new Error(`port ${SANDBOX_PORT} is in use (another sandbox?); use --sandbox-port <n>`);

	say(`building and packing the pack; making sure n8n is installed (first time: ~5 minutes)…`);
	const [tarball, n8n] = await Promise.all([
		rt.packProject({ build: !flag('no-build') }),
		rt.createN8n({ userFolder: DEMO_FOLDER, log: (l) => process.stderr.write(`${l}\n`) }),
	]);
	say(`n8n ${n8n.install.n8nVersion} on Node ${n8n.install.nodeVersion}; pack: ${path.basename(tarball)}`);

	const sandbox = await startSandboxProcess(SANDBOX_PORT, path.join(DEMO_FOLDER, 'sandbox.log'));
	sandboxChild = sandbox.child;
	recordProcesses([{ pid: sandboxChild.pid, marker: 'sandbox' }]);
	say(`sandbox on ${sandbox.info.url} (vendors: ${Object.keys(sandbox.info.vendors).join(', ')})`);

	const installed = await n8n.installPack(tarball);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	say(`installed ${installed.name}@${installed.version} into ${path.relative(ROOT, installed.dir)}`);

	// one credential per vendor the pack has a node for, pointing at the sandbox
	const meta = packMetadata();
	const credentials = [];
	const byType = {};
	for (const node of meta.nodes) {
		const endpoint = sandbox.info.vendors[sandboxVendorFor(node.name, Object.keys(sandbox.info.vendors)) ?? ''];
		const type = node.credentialTypes[0];
		if (!endpoint || !type) {
			say(`note: no sandbox vendor "${node.name}"; no credential imported for ${node.displayName}`);
			continue;
		}
		const credential = { id: `demo${node.name.toLowerCase()}`.slice(0, 21), name: `${node.displayName} (sandbox)`, type, data: endpoint.credentials };
		credentials.push(credential);
		byType[type] = { id: credential.id, name: credential.name };
	}
	if (credentials.length) await n8n.importCredentials(credentials);
	say(`imported ${credentials.length} sandbox credential(s): ${credentials.map((c) => c.name).join(', ')}`);

	const examples = exampleWorkflows();
	if (examples.length) await n8n.importWorkflow(examples.map(({ file, workflow }) => bindWorkflow(workflow, byType, file)));
	say(`imported ${examples.length} example workflow(s)${examples.length ? `: ${examples.map((e) => e.file).join(', ')}` : ''}`);

	const n8nLog = fs.createWriteStream(path.join(DEMO_FOLDER, 'n8n.log'), { flags: 'a' });
	say(`starting n8n on port ${N8N_PORT}…`);
	editor = await n8n.startEditor({ port: N8N_PORT, onLog: (l) => n8nLog.write(`${l}\n`) });
	recordProcesses([
		{ pid: sandboxChild.pid, marker: 'sandbox' },
		{ pid: editor.process.pid, marker: 'n8n' },
	]);

	const banner = [
		'',
		`  n8n is ready:   ${editor.url}`,
		`  email:          ${editor.email}`,
		`  password:       ${editor.password}`,
		`  sandbox:        ${sandbox.info.url}  (admin: ${sandbox.info.admin || `${sandbox.info.url}/__admin`})`,
		`  user folder:    ${path.relative(ROOT, DEMO_FOLDER)}/  (logs: n8n.log, sandbox.log; --fresh starts over)`,
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
		say(`${which} exited unexpectedly; stopping (see ${path.relative(ROOT, DEMO_FOLDER)}/${which}.log)`);
		await rt.killAll();
		fs.rmSync(PIDS_FILE, { force: true });
		process.exit(1);
	});
}

function portFree(port) {
	return new Promise((resolve) => {
		const srv = require('node:net').createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

main().catch(async (error) => {
	process.stderr.write(`[start] failed: ${error.message}\n`);
	await rt.killAll();
	process.exit(1);
});
