/**
 * Shared helpers for the real-n8n suites (e2e/*.e2e.test.ts): what the pack declares, and running vendor
 * workflows in a real n8n against the in-process sandbox.
 */
import path from 'node:path';
import { bindWorkflow, exampleWorkflows, sandboxVendorFor, shortId } from '../scripts/n8n/pack';
import type { PackMetadata, PackNode } from '../scripts/n8n/pack';
import type { CredentialImport, ExecuteResult, N8nInstance, WorkflowJson } from '../scripts/n8n/runtime';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** Generous: the first run on a fresh machine installs n8n (~5 min) before anything else. */
export const FIRST_RUN_TIMEOUT_MS = 30 * 60_000;
export const RUN_TIMEOUT_MS = 5 * 60_000;

// ---------------------------------------------------------------------------------------------------------------
// what the pack declares: see scripts/n8n/pack.js (shared with `npm start`)

export { packMetadata, operationsOf, shortId, exampleWorkflows, sandboxVendorFor } from '../scripts/n8n/pack';
export type { PackMetadata, PackNode } from '../scripts/n8n/pack';

// ---------------------------------------------------------------------------------------------------------------
// the sandbox, as the suites use it

/** The part of `sandbox/` (sandbox/index.ts `startSandbox`) the real-n8n suites rely on. */
export interface SandboxLike {
	/** origin, e.g. http://127.0.0.1:41234 */
	readonly url: string;
	/** per vendor: base URL and ready-to-use credential data keyed by the pack's credential field names */
	endpoints(): Record<string, { baseUrl: string; credentials: Record<string, unknown>; seeded?: Record<string, unknown> }>;
	requests(vendor?: string): Array<{ vendor: string; method: string; path: string; headers: Record<string, unknown>; at: number }>;
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
	requests: ReturnType<SandboxLike['requests']>;
}

export function credentialIdFor(vendor: string): string {
	return shortId('credential', vendor);
}

/**
 * A workflow that always exists for a vendor: Manual Trigger → the vendor's node running its default resource's
 * "Get Many" (`getAll`, `returnAll: false`, `limit: 5`) — or its default operation when it has no getAll.
 */
export function smokeWorkflow(node: PackNode, credentialId: string, credentialName: string): WorkflowJson {
	const getAll = node.operations.find((o) => o.value === 'getAll');
	const parameters: Record<string, unknown> = getAll
		? { ...(getAll.resource ? { resource: getAll.resource } : {}), operation: 'getAll', returnAll: false, limit: 5 }
		: {};
	return {
		id: shortId('smoke', node.name),
		name: `E2E smoke: ${node.displayName}`,
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'node',
				name: node.displayName,
				type: node.type,
				typeVersion: 1,
				position: [240, 0],
				parameters,
				credentials: Object.fromEntries(node.credentialTypes.slice(0, 1).map((t) => [t, { id: credentialId, name: credentialName }])),
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
	if (!vendor) throw new Error(`the sandbox has no vendor for node "${node.name}" (it has: ${Object.keys(endpoints).join(', ')})`);
	const endpoint = endpoints[vendor];
	const type = node.credentialTypes[0];
	if (!type) throw new Error(`node ${node.type} declares no credential type`);
	return { id: credentialIdFor(node.name), name: `${node.displayName} (sandbox)`, type, data: endpoint.credentials };
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
): Promise<VendorRun[]> {
	const node = meta.nodes.find((n) => n.name.toLowerCase() === vendor.toLowerCase());
	if (!node) throw new Error(`the pack has no node "${vendor}" (it has: ${meta.nodes.map((n) => n.name).join(', ')})`);
	const sandboxVendor = sandboxVendorFor(node.name, Object.keys(sandbox.endpoints())) ?? vendor;
	const credential = sandboxCredential(sandbox, node);
	await n8n.importCredentials([credential]);

	const examples = exampleWorkflows({ nodeTypes: [node.type, ...(node.toolType ? [node.toolType] : [])] });
	const workflows = examples.length
		? examples.map(({ file, workflow }) => ({
				source: file,
				workflow: bindWorkflow(workflow, { [credential.type]: { id: credential.id, name: credential.name } }, file),
			}))
		: [{ source: 'generated', workflow: smokeWorkflow(node, credential.id, credential.name) }];
	await n8n.importWorkflow(workflows.map((w) => w.workflow));

	const runs: VendorRun[] = [];
	for (const { source, workflow } of workflows) {
		const before = sandbox.requests(sandboxVendor).length;
		const result = await n8n.execute(workflow.id!);
		runs.push({ vendor: sandboxVendor, workflow, source, result, requests: sandbox.requests(sandboxVendor).slice(before) });
	}
	return runs;
}

/** One line per run, for failure messages. */
export function describeRun(run: VendorRun): string {
	const status = Object.entries(run.result.runData ?? {})
		.map(([name, r]) => `${name}: ${r.map((x) => x.executionStatus ?? (x.error ? 'error' : 'success')).join(',')}`)
		.join('; ');
	const error = run.result.error ? ` error: ${run.result.error.message}` : '';
	const tail = run.result.ok ? '' : `\n--- n8n output ---\n${(run.result.stdout + run.result.stderr).split('\n').slice(-30).join('\n')}`;
	return `${run.source} (${run.workflow.name}) exit ${run.result.code}; ${status}; ${run.requests.length} sandbox requests${error}${tail}`;
}
