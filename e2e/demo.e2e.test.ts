/**
 * `npm start` as a newcomer meets it: the real start script (scripts/start.js: build, pack, the sandbox with its
 * simulated fleet, a real n8n), in a throwaway demo folder on free ports. Checked through n8n's REST API, as the
 * editor uses it: the flagship example "Vobiz: rotate every endpoint password monthly" finishes with every endpoint
 * rotated and verified; a first Rotate Password with the node's defaults comes back `verified`; Settings → Community
 * Nodes lists the pack; a second `npm start` in the same folder is refused and the first keeps running; Ctrl-C
 * (SIGINT) stops everything.
 *
 * `npm run test:demo`. Set SKIP_N8N_E2E=1 to skip this suite.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
	cleanEnv,
	editorRest,
	ensureN8nInstalled,
	freePort,
	runManually,
} from '../scripts/n8n/runtime';
import type { N8nInstall, StoredExecution } from '../scripts/n8n/runtime';
import { FIRST_RUN_TIMEOUT_MS, realN8nDescribe, REPO_ROOT } from './support';

const START = path.join(REPO_ROOT, 'scripts', 'start.js');

const suite = realN8nDescribe('demo e2e');

type Item = Record<string, unknown>;

interface Demo {
	child: ChildProcess;
	output: () => string;
	url: string;
	email: string;
	password: string;
}

/** `node scripts/start.js …`; resolves once it printed "n8n is ready", with the URL and login it printed. */
function startDemo(args: string[]): Promise<Demo> {
	const child = spawn(process.execPath, [START, ...args], {
		cwd: REPO_ROOT,
		env: cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (d: Buffer) => (output += d.toString());
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() =>
				reject(
					new Error(
						`npm start not ready within ${FIRST_RUN_TIMEOUT_MS} ms:\n${output.slice(-3000)}`,
					),
				),
			FIRST_RUN_TIMEOUT_MS,
		);
		child.stdout.on('data', () => {
			const ready = /n8n is ready:\s+(\S+)\n\s+email:\s+(\S+)\n\s+password:\s+(\S+)/.exec(output);
			if (!ready) return;
			clearTimeout(timer);
			resolve({ child, output: () => output, url: ready[1], email: ready[2], password: ready[3] });
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`npm start exited (${code}) before it was ready:\n${output.slice(-3000)}`));
		});
	});
}

function runStart(args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [START, ...args], {
			cwd: REPO_ROOT,
			env: cleanEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

async function login(demo: Demo): Promise<{ url: string; cookie: string; browserId: string }> {
	const browserId = randomUUID();
	const r = await fetch(`${demo.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: demo.email, password: demo.password }),
	});
	expect(r.status).toBe(200);
	const cookie = r.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('n8n-auth='));
	return { url: demo.url, cookie: cookie!, browserId };
}

function outputOf(run: StoredExecution, node: string): Item[] {
	return (run.runData?.[node] ?? []).flatMap((r) =>
		(r.data?.main?.[0] ?? []).map((i) => i.json as Item),
	);
}

function summary(run: StoredExecution): string {
	const nodes = Object.entries(run.runData ?? {})
		.map(([name, r]) => `${name} ×${r.length}`)
		.join('; ');
	return `execution ${run.id} ${run.status}; ${nodes}${run.error ? `; error: ${run.error.message}` : ''}`;
}

suite('npm start: the demo a newcomer gets', () => {
	let folder: string;
	let demo: Demo;
	let session: { url: string; cookie: string; browserId: string };
	let install: N8nInstall;
	let n8nPort: number;
	let sandboxPort: number;

	beforeAll(async () => {
		folder = mkdtempSync(path.join(tmpdir(), 'sip-demo-e2e-'));
		[n8nPort, sandboxPort] = [await freePort(), await freePort()];
		demo = await startDemo([
			'--port',
			String(n8nPort),
			'--sandbox-port',
			String(sandboxPort),
			'--demo-folder',
			folder,
		]);
		session = await login(demo);
		install = await ensureN8nInstalled();
	}, FIRST_RUN_TIMEOUT_MS);

	afterAll(async () => {
		if (demo?.child.exitCode === null) {
			demo.child.kill('SIGKILL'); // only when a test failed before Ctrl-C; the guards take its children down
			await new Promise((resolve) => demo.child.once('exit', resolve));
		}
		if (folder) rmSync(folder, { recursive: true, force: true });
	}, 60_000);

	test('the banner says how the simulated phones behave and where the admin page is', () => {
		expect(demo.output()).toContain(
			`sandbox:        http://127.0.0.1:${sandboxPort}  (admin: http://127.0.0.1:${sandboxPort}/__admin)`,
		);
		expect(demo.output()).toContain(
			'phones:         re-provisioned 0 ms after a password change; 0 % never are',
		);
	});

	test(
		'"Vobiz: rotate every endpoint password monthly" finishes with every endpoint rotated and verified',
		async () => {
			const run = await runManually(session, 'exRotVobizMonthly', 'Run now', install, {
				timeoutMs: 10 * 60_000,
			});
			const why = summary(run);
			expect({ status: run.status, why }).toEqual({ status: 'success', why });
			const listed = outputOf(run, 'List every Vobiz endpoint').map((e) => e.endpoint_id);
			expect(listed.length).toBe(130);
			const applied = outputOf(run, 'Apply the pending password');
			expect(applied.map((i) => i.resourceId).sort()).toEqual([...listed].sort());
			expect(applied.filter((i) => i.verification !== 'verified')).toEqual([]);
			expect(outputOf(run, 'Promote: mark it current').map((r) => r.status)).toEqual(
				listed.map(() => 'current'),
			);
			expect(Object.keys(run.runData ?? {})).toContain('Every endpoint rotated and verified');
			expect(Object.keys(run.runData ?? {})).not.toContain('Stop: endpoint did not re-register');
		},
		11 * 60_000,
	);

	test(
		"a first Rotate Password, with the node's defaults (Verification: Read Back), comes back verified",
		async () => {
			const [credential] = (
				(await editorRest(session, 'GET', '/credentials')) as Array<{
					id: string;
					name: string;
					type: string;
				}>
			).filter((c) => c.type === 'vobizSipApi');
			expect(credential).toBeDefined();
			const listing = await editorRest(session, 'POST', '/workflows', {
				name: 'A first Vobiz rotation',
				active: false,
				settings: {},
				nodes: [
					{
						id: randomUUID(),
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: randomUUID(),
						name: 'Vobiz',
						type: 'n8n-nodes-sip-credentials.vobiz',
						typeVersion: 1,
						position: [220, 0],
						parameters: { resource: 'endpoint', operation: 'getAll', returnAll: false, limit: 1 },
						credentials: { vobizSipApi: { id: credential.id, name: credential.name } },
					},
					{
						id: randomUUID(),
						name: 'Rotate Password',
						type: 'n8n-nodes-sip-credentials.vobiz',
						typeVersion: 1,
						position: [440, 0],
						// what the editor stores when only the endpoint is picked: every other parameter at its default
						parameters: {
							resource: 'endpoint',
							operation: 'rotatePassword',
							endpointId: { __rl: true, mode: 'id', value: '={{ $json.endpoint_id }}' },
						},
						credentials: { vobizSipApi: { id: credential.id, name: credential.name } },
					},
				],
				connections: {
					Start: { main: [[{ node: 'Vobiz', type: 'main', index: 0 }]] },
					Vobiz: { main: [[{ node: 'Rotate Password', type: 'main', index: 0 }]] },
				},
			});
			const run = await runManually(session, listing.id, 'Start', install, {
				timeoutMs: 2 * 60_000,
			});
			expect({ status: run.status, why: summary(run) }).toEqual({
				status: 'success',
				why: summary(run),
			});
			const [rotated] = outputOf(run, 'Rotate Password');
			expect(rotated).toEqual(
				expect.objectContaining({
					vendor: 'Vobiz',
					verification: 'verified',
					newPassword: expect.any(String),
				}),
			);
			expect(rotated.verificationDetail).toBe(
				'Vobiz signs out every device when its password changes; the endpoint registered again after the change.',
			);
		},
		3 * 60_000,
	);

	test('Settings → Community Nodes lists the pack and its five nodes', async () => {
		const packages = (await editorRest(session, 'GET', '/community-packages')) as Array<{
			packageName: string;
			installedVersion: string;
			installedNodes: Array<{ name: string; type: string }>;
			failedLoading?: boolean;
		}>;
		const pack = packages.find((p) => p.packageName === 'n8n-nodes-sip-credentials');
		expect(pack).toBeDefined();
		expect(pack!.installedVersion).toBe(require('../package.json').version);
		expect(pack!.failedLoading).toBeFalsy();
		expect(pack!.installedNodes.map((n) => n.type).sort()).toEqual(
			['netSapiens', 'opentact', 'signalWire', 'ultravox', 'vobiz'].map(
				(n) => `n8n-nodes-sip-credentials.${n}`,
			),
		);
	});

	test(
		'a second npm start in the same clone is refused, and the first one keeps running',
		async () => {
			const second = await runStart([
				'--no-build',
				'--port',
				String(await freePort()),
				'--sandbox-port',
				String(await freePort()),
				'--demo-folder',
				folder,
			]);
			expect(second.code).toBe(1);
			expect(second.output).toContain(
				`another npm start (pid ${demo.child.pid}) is running from this clone with the demo folder`,
			);
			expect(second.output).toContain(
				`(n8n at ${demo.url}, sandbox at http://127.0.0.1:${sandboxPort})`,
			);
			expect(demo.child.exitCode).toBeNull();
			expect((await fetch(`${demo.url}/healthz/readiness`)).status).toBe(200);
			expect((await fetch(`http://127.0.0.1:${sandboxPort}/__admin`)).status).toBe(200);
		},
		2 * 60_000,
	);

	test('Ctrl-C stops n8n and the sandbox and releases the demo folder', async () => {
		const exited = new Promise<number | null>((resolve) => demo.child.once('exit', resolve));
		demo.child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(demo.output()).toContain('[start] stopped n8n and the sandbox');
		expect(existsSync(path.join(folder, 'start.lock'))).toBe(false);
		await expect(fetch(`http://127.0.0.1:${sandboxPort}/__admin`)).rejects.toThrow();
		await expect(fetch(`${demo.url}/healthz`)).rejects.toThrow();
	}, 60_000);
});
