/**
 * The per-vendor packages and the umbrella side by side in a real n8n, on every n8n version of the tested range:
 * the pinned 2.x (scripts/n8n/install.js PINNED_N8N_VERSION) and the newest 1.x (LATEST_N8N_1X_VERSION).
 *
 * Per version: the umbrella and the five per-vendor packages, each from its own tarball, installed the way n8n's
 * community installer does; then per vendor one workflow: Get Many through the umbrella's node, Get Many through
 * the vendor package's node, and Rotate Password through the vendor package's node, against the sandbox.
 *
 * N8N_E2E_VERSIONS=2.41.1,1 picks the versions (`1` = the newest 1.x). A version that is not installed is
 * installed first when CI is set (.ci/run installs both beforehand), else skipped with a message: a 1.x install
 * takes ~13 minutes (`node scripts/n8n/install.js --version 1`). SKIP_N8N_E2E=1 skips the whole file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import {
	checkInstalled,
	installDir,
	LATEST_N8N_1X_VERSION,
	PINNED_N8N_VERSION,
	resolveVersion,
} from '../scripts/n8n/install';
import { exampleWorkflows, shortId } from '../scripts/n8n/pack';
import { createN8n, packProject } from '../scripts/n8n/runtime';
import type { ExecuteResult, N8nInstance, WorkflowJson } from '../scripts/n8n/runtime';
import { buildPackages } from '../scripts/packages/build';
import { OUTPUT_DIR, VENDORS } from '../scripts/packages/vendors';
import type { Vendor } from '../scripts/packages/vendors';
import {
	FIRST_RUN_TIMEOUT_MS,
	N8N_E2E_SKIP_REASON,
	nodeOutput,
	packMetadata,
	REPO_ROOT,
	RUN_TIMEOUT_MS,
	sandboxVendorFor,
} from './support';
import type { PackMetadata, PackNode } from './support';

const requested = (process.env.N8N_E2E_VERSIONS ?? `${PINNED_N8N_VERSION},${LATEST_N8N_1X_VERSION}`)
	.split(',')
	.map((version) => resolveVersion(version.trim()));

/** Why a version is skipped, or undefined. The pinned one installs on demand, as in the other e2e suites. */
function skipReasonFor(version: string): string | undefined {
	if (N8N_E2E_SKIP_REASON) return N8N_E2E_SKIP_REASON;
	if (
		version === PINNED_N8N_VERSION ||
		process.env.CI ||
		checkInstalled(installDir(version), version)
	)
		return undefined;
	return `n8n ${version} is not installed (node scripts/n8n/install.js --version ${version}, ~13 min; .ci/run installs it)`;
}

const versions = requested.map((version) => ({ version, skip: skipReasonFor(version) }));
for (const { version, skip } of versions)
	if (skip) process.stdout.write(`[packages e2e] n8n ${version} skipped: ${skip}\n`);

/** Node parameters that pick the sandbox's first seeded resource of a vendor, for Rotate Password. */
const locator = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });
const ROTATION_TARGETS: Record<string, (seeded: Record<string, any>) => Record<string, unknown>> = {
	signalwire: (s) => ({ resource: 'sipEndpoint', endpointId: locator(s.sipEndpointIds[0]) }),
	ultravox: (s) => ({
		resource: 'sipRegistration',
		registrationId: locator(s.sipRegistrationIds[0]),
	}),
	opentact: (s) => ({
		resource: 'sipUser',
		domain: locator(s.sipDomains[0]),
		userId: locator(s.sipUserIds[0]),
	}),
	vobiz: (s) => ({ resource: 'endpoint', endpointId: locator(s.endpointIds[0]) }),
	netsapiens: (s) => ({
		resource: 'device',
		domain: locator(s.domain),
		user: locator(s.user),
		device: locator(s.userDevices[0]),
	}),
};

/** The parameters of the vendor's list example (examples/<vendor>-list-*.json): a Get Many that works on the sandbox. */
function getManyParameters(umbrellaNode: PackNode, slug: string): Record<string, unknown> {
	const example = exampleWorkflows({ nodeTypes: [umbrellaNode.type] }).find(({ file }) =>
		file.startsWith(`examples/${slug}-list-`),
	);
	const node = example?.workflow.nodes.find((n) => n.type === umbrellaNode.type);
	if (!node) throw new Error(`no examples/${slug}-list-*.json using ${umbrellaNode.type}`);
	return node.parameters;
}

/** What names a listed resource, whichever vendor listed it. */
const identity = (item: Record<string, unknown>) =>
	String(
		item.id ??
			item.uuid ??
			item.registrationId ??
			item.endpoint_id ??
			`${item.domain}/${item.user}/${item.device}`,
	);

interface VendorSetup {
	vendor: Vendor;
	umbrellaNode: PackNode;
	packageNode: PackNode;
	workflow: WorkflowJson;
}

/** Start → Get Many (umbrella); Start → Get Many (package) → Rotate Password (package). */
function vendorWorkflow(
	vendor: Vendor,
	umbrellaNode: PackNode,
	packageNode: PackNode,
	sandbox: Sandbox,
): WorkflowJson {
	const sandboxKey = sandboxVendorFor(umbrellaNode.name, Object.keys(sandbox.endpoints()))!;
	const { seeded } = sandbox.endpoints()[sandboxKey] as { seeded: Record<string, unknown> };
	const getMany = getManyParameters(umbrellaNode, vendor.slug);
	const node = (
		name: string,
		type: string,
		x: number,
		parameters: Record<string, unknown>,
		credentialType: string,
	) => ({
		id: name.replace(/\W+/g, '-').toLowerCase(),
		name,
		type,
		typeVersion: 1,
		position: [x, 0] as [number, number],
		parameters,
		credentials: {
			[credentialType]: { id: shortId('packages-e2e', credentialType), name: credentialType },
		},
	});
	return {
		id: `pkg${vendor.slug}`.slice(0, 16),
		name: `Packages e2e: ${vendor.service}`,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			node('Umbrella Get Many', umbrellaNode.type, 240, getMany, umbrellaNode.credentialTypes[0]),
			node('Package Get Many', packageNode.type, 240, getMany, packageNode.credentialTypes[0]),
			{
				...node(
					'Package Rotate Password',
					packageNode.type,
					480,
					{
						...ROTATION_TARGETS[vendor.slug](seeded),
						operation: 'rotatePassword',
						verification: 'none',
					},
					packageNode.credentialTypes[0],
				),
				// once, whatever Get Many returned: one resource rotated
				executeOnce: true,
			},
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'Umbrella Get Many', type: 'main', index: 0 },
						{ node: 'Package Get Many', type: 'main', index: 0 },
					],
				],
			},
			'Package Get Many': { main: [[{ node: 'Package Rotate Password', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

describe.each(versions)(
	'n8n $version: the umbrella and the five per-vendor packages side by side',
	({ version, skip }) => {
		const run = skip ? test.skip : test;
		let n8n: N8nInstance;
		let sandbox: Sandbox;
		let scratch: string;
		let umbrella: PackMetadata;
		const packages = new Map<string, PackMetadata>();
		const setups = new Map<string, VendorSetup>();
		const outDir = path.join(REPO_ROOT, OUTPUT_DIR, `.e2e-${process.pid}-${version}`);

		beforeAll(async () => {
			if (skip) return;
			scratch = mkdtempSync(path.join(tmpdir(), 'sip-packages-e2e-'));
			// the per-vendor packages are built into a folder of this run's own: packages-dist/ may be read by
			// test/package meanwhile
			const [built, umbrellaTarball, instance] = await Promise.allSettled([
				buildPackages({ outDir }),
				packProject({ destDir: scratch }),
				createN8n({ version }),
			]);
			if (instance.status === 'fulfilled') n8n = instance.value;
			for (const r of [built, umbrellaTarball, instance])
				if (r.status === 'rejected') throw r.reason;
			const dirs = (built as PromiseFulfilledResult<string[]>).value;
			await n8n.installPack((umbrellaTarball as PromiseFulfilledResult<string>).value);
			umbrella = packMetadata(REPO_ROOT);
			for (const dir of dirs) {
				await n8n.installPack(await packProject({ cwd: dir, build: false, destDir: scratch }));
				const meta = packMetadata(dir);
				packages.set(meta.packageName, meta);
			}
			sandbox = await startSandbox({ port: 0 });
			const endpoints = sandbox.endpoints();
			const credentials = [];
			for (const vendor of VENDORS) {
				const packageNode = packages.get(vendor.packageName)!.nodes[0];
				const umbrellaNode = umbrella.nodes.find((n) => n.sourcePath === packageNode.sourcePath)!;
				const data =
					endpoints[sandboxVendorFor(umbrellaNode.name, Object.keys(endpoints))!].credentials;
				for (const type of [umbrellaNode.credentialTypes[0], packageNode.credentialTypes[0]])
					credentials.push({ id: shortId('packages-e2e', type), name: type, type, data });
				setups.set(vendor.slug, {
					vendor,
					umbrellaNode,
					packageNode,
					workflow: vendorWorkflow(vendor, umbrellaNode, packageNode, sandbox),
				});
			}
			await n8n.importCredentials(credentials);
			await n8n.importWorkflow([...setups.values()].map((s) => s.workflow));
		}, FIRST_RUN_TIMEOUT_MS);

		afterAll(async () => {
			await sandbox?.close();
			await n8n?.dispose();
			for (const dir of [scratch, outDir]) if (dir) rmSync(dir, { recursive: true, force: true });
		}, 60_000);

		run('each package holds one node and one credential, and no type name is shared', () => {
			expect(n8n.install.n8nVersion).toBe(version);
			expect([...packages.keys()].sort()).toEqual(VENDORS.map((v) => v.packageName).sort());
			const nodeTypes = [...umbrella.nodes, ...[...packages.values()].flatMap((p) => p.nodes)].map(
				(n) => n.type,
			);
			const credentialTypes = [
				...umbrella.credentials,
				...[...packages.values()].flatMap((p) => p.credentials),
			].map((c) => c.name);
			expect(new Set(nodeTypes).size).toBe(nodeTypes.length);
			expect(new Set(credentialTypes).size).toBe(credentialTypes.length);
			for (const meta of packages.values()) {
				expect(meta.nodes).toHaveLength(1);
				expect(meta.credentials.map((c) => c.name)).toEqual(meta.nodes[0].credentialTypes);
			}
		});

		// n8n 1.x has no `export:nodes`; there the workflows below are what shows the nodes loaded
		(skip || Number(version.split('.')[0]) < 2 ? test.skip : test)(
			'n8n lists every node of the six packages',
			async () => {
				const loaded = new Set((await n8n.exportNodes()).map((n) => n.name));
				const expected = [umbrella, ...packages.values()].flatMap((meta) =>
					meta.nodes.flatMap((n) => [n.type, ...(n.toolType ? [n.toolType] : [])]),
				);
				expect(expected.filter((type) => !loaded.has(type))).toEqual([]);
			},
		);

		describe.each(VENDORS.map((v) => v.slug))('%s', (slug) => {
			let result: ExecuteResult;
			let writes: Array<{ method: string; body: unknown }>;
			let calls: string[];
			const why = () =>
				`exit ${result.code}; run data of [${Object.keys(result.runData ?? {}).join(', ')}] read from ${result.stdout.length} B of stdout; vendor calls: ${calls.join(', ')}\n${(result.stdout + result.stderr).split('\n').slice(-30).join('\n')}`;

			beforeAll(async () => {
				if (skip) return;
				const { workflow, umbrellaNode } = setups.get(slug)!;
				const sandboxKey = sandboxVendorFor(umbrellaNode.name, Object.keys(sandbox.endpoints()))!;
				const before = sandbox.requests(sandboxKey).length;
				result = await n8n.execute(workflow.id!);
				const requests = sandbox.requests(sandboxKey).slice(before);
				calls = requests.map((r) => `${r.method} ${r.path} → ${r.status}`);
				writes = requests
					.filter((r) => r.method !== 'GET')
					.map((r) => ({ method: r.method, body: r.body }));
			}, RUN_TIMEOUT_MS);

			run(
				'the workflow runs: Get Many through both packages, Rotate Password through its own',
				() => {
					expect({ ok: result.ok, error: result.error?.message, why: why() }).toEqual({
						ok: true,
						error: undefined,
						why: why(),
					});
					// the same resources through either node (their registration state and modification time may move
					// between the two reads: the sandbox simulates devices, and the branches run in either order)
					const umbrellaItems = nodeOutput(result, 'Umbrella Get Many').map(identity);
					const packageItems = nodeOutput(result, 'Package Get Many').map(identity);
					expect({ listed: umbrellaItems.length > 0, why: why() }).toEqual({
						listed: true,
						why: why(),
					});
					expect(packageItems.sort()).toEqual(umbrellaItems.sort());
				},
			);

			run(
				'Rotate Password applied a new password with the vendor update call and output it in newPassword',
				() => {
					const items = nodeOutput(result, 'Package Rotate Password');
					expect(items).toHaveLength(1);
					const password = items[0].newPassword;
					expect(typeof password).toBe('string');
					expect(String(password).length).toBeGreaterThanOrEqual(8);
					// the one write of the run is the update call, carrying that password
					expect(writes).toHaveLength(1);
					expect(JSON.stringify(writes[0].body)).toContain(JSON.stringify(password).slice(1, -1));
				},
			);
		});
	},
);

// a bound for this file: the packages are built, packed and installed once per version (n8n CLI boots: ~12 per version)
jest.setTimeout(RUN_TIMEOUT_MS);
