/**
 * Shared helpers for the real-n8n suites (e2e/*.e2e.test.ts): what the pack declares, and running vendor
 * workflows in a real n8n against the in-process sandbox.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CredentialImport, ExecuteResult, N8nInstance, WorkflowJson } from '../scripts/n8n/runtime';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** Generous: the first run on a fresh machine installs n8n (~5 min) before anything else. */
export const FIRST_RUN_TIMEOUT_MS = 30 * 60_000;
export const RUN_TIMEOUT_MS = 5 * 60_000;

// ---------------------------------------------------------------------------------------------------------------
// what the pack declares

export interface PackNode {
	/** node name in the description, e.g. `ultravox` */
	name: string;
	displayName: string;
	/** full type in n8n: `<package>.<name>` */
	type: string;
	/** `<type>Tool` when the node is usableAsTool */
	toolType?: string;
	/** dist file the node class lives in (from package.json `n8n.nodes`) */
	sourcePath: string;
	credentialTypes: string[];
	/** resource value → operation values and their display names */
	operations: Array<{ resource?: string; value: string; name: string }>;
	icon?: unknown;
}

export interface PackMetadata {
	packageName: string;
	nodeFiles: string[];
	credentialFiles: string[];
	nodes: PackNode[];
	credentials: Array<{ name: string; displayName: string; sourcePath: string }>;
}

interface DescriptionProperty {
	name: string;
	type: string;
	options?: Array<{ name: string; value: unknown }>;
	displayOptions?: { show?: Record<string, unknown[]> };
}

function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Operations of a node description: every `operation` options property, per resource it is shown for. */
export function operationsOf(properties: DescriptionProperty[]): PackNode['operations'] {
	const out: PackNode['operations'] = [];
	for (const p of properties) {
		if (p.name !== 'operation' || p.type !== 'options' || !p.options) continue;
		const resources = (p.displayOptions?.show?.resource as string[] | undefined) ?? [undefined];
		for (const resource of resources)
			for (const o of p.options) out.push({ resource, value: String(o.value), name: o.name });
	}
	return out;
}

/**
 * The pack as package.json's `n8n` attribute and the built lazy-loading metadata (dist/known, dist/types) describe
 * it. Needs `npm run build` first. Throws when the two disagree (a node listed in package.json but missing from the
 * metadata, or the other way round).
 */
export function packMetadata(root = REPO_ROOT): PackMetadata {
	const pkg = readJson<{ name: string; n8n: { nodes: string[]; credentials?: string[] } }>(path.join(root, 'package.json'));
	const known = readJson<Record<string, { className: string; sourcePath: string }>>(path.join(root, 'dist/known/nodes.json'));
	const knownCreds = readJson<Record<string, { className: string; sourcePath: string }>>(
		path.join(root, 'dist/known/credentials.json'),
	);
	const types = readJson<Array<{ name: string; displayName: string; usableAsTool?: boolean; credentials?: Array<{ name: string }>; properties: DescriptionProperty[]; icon?: unknown }>>(
		path.join(root, 'dist/types/nodes.json'),
	);
	const credTypes = readJson<Array<{ name: string; displayName: string }>>(path.join(root, 'dist/types/credentials.json'));
	const norm = (p: string) => p.replace(/^\.\//, '');

	const listed = new Set(pkg.n8n.nodes.map(norm));
	const inMetadata = new Set(Object.values(known).map((k) => norm(k.sourcePath)));
	const missing = [...listed].filter((f) => !inMetadata.has(f));
	const extra = [...inMetadata].filter((f) => !listed.has(f));
	if (missing.length || extra.length)
		throw new Error(`package.json n8n.nodes and dist/known/nodes.json disagree: missing ${missing} extra ${extra}`);

	const nodes: PackNode[] = types
		// dist/types can hold several versions of one node; keep one entry per name
		.filter((d, i, all) => all.findIndex((o) => o.name === d.name) === i)
		.map((d) => {
			const k = known[d.name];
			if (!k) throw new Error(`dist/types/nodes.json has ${d.name}, dist/known/nodes.json does not`);
			const type = `${pkg.name}.${d.name}`;
			return {
				name: d.name,
				displayName: d.displayName,
				type,
				toolType: d.usableAsTool ? `${type}Tool` : undefined,
				sourcePath: norm(k.sourcePath),
				credentialTypes: (d.credentials ?? []).map((c) => c.name),
				operations: operationsOf(d.properties),
				icon: d.icon,
			};
		});
	const credentials = credTypes.map((c) => ({
		name: c.name,
		displayName: c.displayName,
		sourcePath: norm(knownCreds[c.name]?.sourcePath ?? ''),
	}));
	return {
		packageName: pkg.name,
		nodeFiles: pkg.n8n.nodes.map(norm),
		credentialFiles: (pkg.n8n.credentials ?? []).map(norm),
		nodes,
		credentials,
	};
}

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

/** Short stable ids: n8n's `execute --id` only accepts workflow ids of at most 21 characters. */
export function shortId(...parts: string[]): string {
	return `e2e${createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 13)}`;
}

export function credentialIdFor(vendor: string): string {
	return shortId('credential', vendor);
}

/** Every `examples/*.json` workflow that uses one of the given node types. */
export function exampleWorkflowsUsing(nodeTypes: string[], root = REPO_ROOT): Array<{ file: string; workflow: WorkflowJson }> {
	const dir = path.join(root, 'examples');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ file: `examples/${f}`, workflow: readJson<WorkflowJson>(path.join(dir, f)) }))
		.filter(({ workflow }) => Array.isArray(workflow.nodes) && workflow.nodes.some((n) => nodeTypes.includes(n.type)));
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

/**
 * Points every credential reference of `credentialType` in a workflow at the imported sandbox credential, and
 * gives the workflow a short id when it has none (or one n8n's CLI would refuse).
 */
export function bindWorkflow(workflow: WorkflowJson, credentialType: string, credentialId: string, credentialName: string, idSeed: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const n of copy.nodes) {
		if (n.credentials?.[credentialType]) n.credentials[credentialType] = { id: credentialId, name: credentialName };
	}
	if (!copy.id || copy.id.length > 21) copy.id = shortId('workflow', idSeed);
	return copy;
}

/** The sandbox credential of one vendor, ready for `n8n import:credentials`. */
export function sandboxCredential(sandbox: SandboxLike, node: PackNode): CredentialImport {
	const endpoint = sandbox.endpoints()[node.name];
	if (!endpoint) throw new Error(`the sandbox has no vendor "${node.name}" (it has: ${Object.keys(sandbox.endpoints()).join(', ')})`);
	const type = node.credentialTypes[0];
	if (!type) throw new Error(`node ${node.type} declares no credential type`);
	return { id: credentialIdFor(node.name), name: `${node.displayName} (sandbox)`, type, data: endpoint.credentials };
}

/**
 * Extension point for every vendor: imports the vendor's sandbox credential into `n8n`, then imports and executes
 * (one after the other) each `examples/*.json` workflow that uses the vendor's node — or, when there is none yet, the
 * generated smoke workflow. Returns one entry per workflow with n8n's run and the sandbox requests it caused.
 */
export async function runVendorWorkflows(
	n8n: N8nInstance,
	sandbox: SandboxLike,
	meta: PackMetadata,
	vendor: string,
): Promise<VendorRun[]> {
	const node = meta.nodes.find((n) => n.name === vendor);
	if (!node) throw new Error(`the pack has no node "${vendor}" (it has: ${meta.nodes.map((n) => n.name).join(', ')})`);
	const credential = sandboxCredential(sandbox, node);
	await n8n.importCredentials([credential]);

	const examples = exampleWorkflowsUsing([node.type, ...(node.toolType ? [node.toolType] : [])]);
	const workflows = examples.length
		? examples.map(({ file, workflow }) => ({
				source: file,
				workflow: bindWorkflow(workflow, credential.type, credential.id, credential.name, file),
			}))
		: [{ source: 'generated', workflow: smokeWorkflow(node, credential.id, credential.name) }];
	await n8n.importWorkflow(workflows.map((w) => w.workflow));

	const runs: VendorRun[] = [];
	for (const { source, workflow } of workflows) {
		const before = sandbox.requests(vendor).length;
		const result = await n8n.execute(workflow.id!);
		runs.push({ vendor, workflow, source, result, requests: sandbox.requests(vendor).slice(before) });
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
