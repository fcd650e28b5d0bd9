/**
 * Queue mode (n8n "scaling mode"): a Redis, an n8n main (`n8n start`, EXECUTIONS_MODE=queue) and one `n8n worker`,
 * sharing one N8N_USER_FOLDER with the pack installed, so both load it. A published workflow with a Webhook trigger
 * rotates a Vobiz endpoint password: the main receives the webhook and enqueues the execution in Redis, the worker
 * runs it. The suite proves the worker ran it (its own log line for that execution id, and the main's "Enqueued"
 * line), that the sandbox received the rotation, and that the stored execution succeeded.
 *
 * Needs `redis-server` on PATH (Debian: apt-get install redis-server; .ci/run installs it); skipped, saying why,
 * without it. Set SKIP_N8N_E2E=1 to skip it too. `npm run test:queue` runs only this suite.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redisAnswers, redisServerPath } from '../bench/queueMode';
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { packMetadata, shortId } from '../scripts/n8n/pack';
import {
	editorRest,
	freePort,
	getExecution,
	spawnTracked,
	stopProcess,
	trackedProcesses,
} from '../scripts/n8n/runtime';
import type { Editor, N8nInstance, WorkflowJson } from '../scripts/n8n/runtime';
import { recordReliability } from '../test/harness/transcript';
import { FIRST_RUN_TIMEOUT_MS, packAndCreateN8n, realN8nDescribe } from './support';

const redisBin = redisServerPath();
const suite = realN8nDescribe(
	'queue e2e',
	redisBin
		? undefined
		: 'redis-server is not installed (apt-get install redis-server; .ci/run installs it)',
);

/** Collects a child's output (last 200 kB) and lets a test wait for a line. */
function capture(child: ChildProcess) {
	let text = '';
	const onData = (d: Buffer | string) => {
		text = (text + String(d)).slice(-200_000);
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	return {
		text: () => text,
		async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const match = pattern.exec(text);
				if (match) return match;
				if (child.exitCode !== null || child.signalCode !== null)
					throw new Error(
						`process exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${text.slice(-3000)}`,
					);
				if (Date.now() > deadline)
					throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${text.slice(-3000)}`);
				await new Promise((r) => setTimeout(r, 100));
			}
		},
	};
}

/** Whether the process group `pgid` is gone within `timeoutMs` (killed members may linger a moment as zombies). */
async function groupGone(pgid: number, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			process.kill(-pgid, 0);
		} catch {
			return true;
		}
		if (Date.now() > deadline) return false;
		await new Promise((r) => setTimeout(r, 100));
	}
}

suite('queue mode: n8n main + 1 worker over Redis', () => {
	let n8n: N8nInstance;
	let sandbox: Sandbox;
	let tarball: string;
	let redisDir: string;
	let redis: ChildProcess;
	let worker: ChildProcess;
	let editor: Editor;
	let workerLog: ReturnType<typeof capture>;
	const mainLog: string[] = [];
	const webhookPath = `rotate-${shortId('queue', String(process.pid))}`;
	let endpointId: string;
	const workflowId = shortId('queue-rotation', String(process.pid));

	beforeAll(async () => {
		({ n8n, tarball } = await packAndCreateN8n());
		const meta = packMetadata();
		await n8n.installPack(tarball);
		sandbox = await startSandbox({ port: 0 });

		// Redis on a free loopback port, nothing written to disk
		const redisPort = await freePort();
		redisDir = mkdtempSync(path.join(os.tmpdir(), 'sip-redis-'));
		redis = spawnTracked(
			redisBin!,
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				redisDir,
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		const redisLog = capture(redis);
		const deadline = Date.now() + 15_000;
		while (!(await redisAnswers(redisPort))) {
			if (Date.now() > deadline || redis.exitCode !== null)
				throw new Error(`redis-server did not answer PING:\n${redisLog.text()}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
		};

		// the sandbox credential and the webhook workflow (published once main runs)
		const vobiz = meta.nodes.find((n) => n.name === 'vobiz')!;
		const credential = {
			id: shortId('queue-credential', 'vobiz'),
			name: 'Vobiz (sandbox)',
			type: vobiz.credentialTypes[0],
			data: sandbox.endpoints().vobiz.credentials,
		};
		await n8n.importCredentials([credential]);
		[endpointId] = sandbox.endpoints().vobiz.seeded.endpointIds as string[];
		const workflow: WorkflowJson = {
			id: workflowId,
			name: 'Queue mode: rotate a Vobiz endpoint password on a webhook',
			nodes: [
				{
					id: 'q1',
					name: 'Rotation requested',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: shortId('queue-webhook', String(process.pid)),
					parameters: {
						httpMethod: 'POST',
						path: webhookPath,
						responseMode: 'lastNode',
						responseData: 'firstEntryJson',
						options: {},
					},
				},
				{
					id: 'q2',
					name: 'Rotate the endpoint password',
					type: vobiz.type,
					typeVersion: 1,
					position: [240, 0],
					parameters: {
						resource: 'endpoint',
						operation: 'rotatePassword',
						endpointId: { __rl: true, mode: 'id', value: '={{ $json.body.endpointId }}' },
						// The caller stores the pending password first and hands it in (Generate with the password
						// left out of the output is refused: it would be known nowhere).
						passwordSource: 'provided',
						newPassword: '={{ $json.body.newPassword }}',
						verification: 'readBack',
						includeNewPassword: false,
					},
					credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				},
			],
			connections: {
				'Rotation requested': {
					main: [[{ node: 'Rotate the endpoint password', type: 'main', index: 0 }]],
				},
			},
			settings: { executionOrder: 'v1' },
		};
		await n8n.importWorkflow(workflow);

		// the worker first, so a job never waits; its health server tells when it is ready
		const healthPort = await freePort();
		worker = spawnTracked(n8n.install.nodeBin, [n8n.install.n8nBin, 'worker', '--concurrency=2'], {
			cwd: n8n.userFolder,
			env: n8n.env({
				...queueEnv,
				N8N_LOG_LEVEL: 'info',
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		workerLog = capture(worker);
		const workerDeadline = Date.now() + 120_000;
		for (;;) {
			if (worker.exitCode !== null)
				throw new Error(
					`n8n worker exited (${worker.exitCode}):\n${workerLog.text().slice(-3000)}`,
				);
			try {
				if (
					(
						await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`, {
							signal: AbortSignal.timeout(2000),
						})
					).ok
				)
					break;
			} catch {
				/* not yet */
			}
			if (Date.now() > workerDeadline)
				throw new Error(`n8n worker not ready:\n${workerLog.text().slice(-3000)}`);
			await new Promise((r) => setTimeout(r, 250));
		}
		editor = await n8n.startEditor({ env: queueEnv, onLog: (l) => mainLog.push(l) });
		// publish (activate) it as the editor's Publish button does; main then serves its production webhook
		const stored = (await editorRest(editor, 'GET', `/workflows/${workflowId}`)) as {
			versionId: string;
		};
		const activated = (await editorRest(editor, 'POST', `/workflows/${workflowId}/activate`, {
			versionId: stored.versionId,
		})) as { active: boolean };
		expect(activated.active).toBe(true);
	}, FIRST_RUN_TIMEOUT_MS);

	afterAll(async () => {
		await editor?.stop();
		if (worker) await stopProcess(worker);
		if (redis) await stopProcess(redis, { graceMs: 3000 });
		await sandbox?.close();
		await n8n?.dispose();
		if (redisDir) rmSync(redisDir, { recursive: true, force: true });
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
		// nothing this suite started may outlive it: redis, main, worker and their task runners
		for (const child of [redis, worker, editor?.process].filter(Boolean) as ChildProcess[]) {
			expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
			expect(await groupGone(child.pid!, 10_000)).toBe(true);
		}
		expect(trackedProcesses()).toEqual([]);
	}, 120_000);

	test(
		'the pack is loaded by both processes and the worker executes the rotation',
		async () => {
			// main: its node types (what the editor lists) include the pack's nodes
			const types = await fetch(`${editor.url}/types/nodes.json`, {
				headers: { cookie: editor.cookie, 'browser-id': editor.browserId },
			});
			expect(types.status).toBe(200);
			const typeNames = ((await types.json()) as Array<{ name: string }>).map((t) => t.name);
			expect(typeNames).toEqual(
				expect.arrayContaining([
					'n8n-nodes-sip-credentials.vobiz',
					'n8n-nodes-sip-credentials.netSapiens',
				]),
			);

			const before = sandbox.requests('vobiz').length;
			const oldPassword = sandbox.devices.vendorPassword('vobiz', endpointId);
			const pendingPassword = 'Queue-Pending-7xK2mQ9vR4';
			// activation registers the production webhook a moment after the REST call answers
			let response: Response;
			for (let attempt = 0; ; attempt++) {
				response = await fetch(`${editor.url}/webhook/${webhookPath}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ endpointId, newPassword: pendingPassword }),
					signal: AbortSignal.timeout(120_000),
				});
				if (response.status !== 404 || attempt >= 40) break;
				await response.text();
				await new Promise((r) => setTimeout(r, 250));
			}
			const answerText = await response.text();
			const why = `${answerText}\n--- main ---\n${mainLog.slice(-40).join('\n')}\n--- worker ---\n${workerLog.text().slice(-2000)}`;
			expect({ status: response.status, why }).toEqual({ status: 200, why });
			const answer = JSON.parse(answerText) as Record<string, unknown>;
			// what the caller sees: the node's own output, run on the worker, without the password
			expect(answer).toEqual(
				expect.objectContaining({
					vendor: 'Vobiz',
					resource: 'endpoint',
					resourceId: endpointId,
					verification: 'notVerified',
				}),
			);
			expect(answer).not.toHaveProperty('newPassword');

			// main enqueued an execution, and the worker (not main) started and finished that same execution
			const enqueued = /Enqueued execution (\d+) \(job (\d+)\)/.exec(mainLog.join('\n'));
			expect(enqueued).not.toBeNull();
			const [, executionId, jobId] = enqueued!;
			await workerLog.waitFor(
				new RegExp(`Worker started execution ${executionId} \\(job ${jobId}\\)`),
				30_000,
			);
			await workerLog.waitFor(
				new RegExp(`Worker finished execution ${executionId} \\(job ${jobId}\\)`),
				30_000,
			);
			expect(mainLog.join('\n')).not.toMatch(new RegExp(`Worker started execution ${executionId}`));

			// the execution as n8n stored it: webhook mode, success, the pack node ran without error
			const execution = await getExecution(editor, executionId, n8n.install);
			expect({
				status: execution.status,
				mode: execution.mode,
				error: execution.error?.message,
			}).toEqual({ status: 'success', mode: 'webhook', error: undefined });
			const rotateRuns = execution.runData?.['Rotate the endpoint password'] ?? [];
			expect(rotateRuns).toHaveLength(1);
			expect(rotateRuns[0].error).toBeUndefined();

			// the sandbox received the rotation: one password change for that endpoint, then the read-back
			const received = sandbox.requests('vobiz').slice(before);
			const changes = received.filter((r) => r.method === 'POST');
			expect(changes.map((r) => r.path)).toEqual([
				expect.stringMatching(new RegExp(`/Endpoint/${endpointId}/$`)),
			]);
			const applied = (changes[0].body as { password: string }).password;
			expect(applied).toEqual(expect.any(String));
			expect(applied).not.toBe(oldPassword);
			expect(applied).toBe(pendingPassword);
			expect(sandbox.devices.vendorPassword('vobiz', endpointId)).toBe(applied);
			expect(
				received.some((r) => r.method === 'GET' && r.path.endsWith(`/Endpoint/${endpointId}/`)),
			).toBe(true);

			recordReliability('queue', {
				result:
					'main + 1 worker over Redis, pack loaded on both, rotation executed by the worker: passed',
			});
		},
		3 * 60_000,
	);
});
