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
import type { ExportedNode, InstalledPack, N8nInstance } from '../scripts/n8n/runtime';
import type { Sandbox } from '../sandbox';
import { bindWorkflow } from '../scripts/n8n/pack';
import type { WorkflowJson } from '../scripts/n8n/runtime';
import {
	describeRun,
	executeWorkflow,
	exampleWorkflows,
	FIRST_RUN_TIMEOUT_MS,
	nodeOutput,
	packAndCreateN8n,
	packMetadata,
	realN8nDescribe,
	REPO_ROOT,
	RUN_TIMEOUT_MS,
	runVendorWorkflows,
	sandboxCredential,
	sandboxVendorFor,
	workflowEndingAt,
} from './support';
import type {
	PackMetadata,
	PackNode,
	SandboxLike,
	SandboxRequestRecord,
	VendorRun,
} from './support';

const suite = realN8nDescribe('n8n e2e');

/** package.json's `n8n.nodes`, readable before the build so each node file gets its own test. */
const nodeFiles: string[] = (
	JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	}
).n8n.nodes;

// ---------------------------------------------------------------------------------------------------------------
// per example: what n8n output and what the vendor (the sandbox) received

/** One example run, as the checks below read it. */
interface ExampleView {
	/** the `json` of the items a node output */
	out(nodeName: string): Array<Record<string, unknown>>;
	/** every call that changed something at the vendor (anything but GET), in order */
	writes(): Array<{ method: string; path: string; bodyKeys: string[] }>;
	/** the vendor's seeded view of the sandbox right before and right after the run (counts, IDs) */
	before: Record<string, unknown>;
	after: Record<string, unknown>;
	/** the credential data the workflow ran with */
	credentials: Record<string, unknown>;
}

function exampleView(run: VendorRun, sandbox: SandboxLike): ExampleView {
	const isWrite = (r: SandboxRequestRecord) => r.method !== 'GET';
	return {
		out: (nodeName) => nodeOutput(run.result, nodeName),
		writes: () =>
			run.requests.filter(isWrite).map((r) => ({
				method: r.method,
				path: r.path,
				bodyKeys: r.body && typeof r.body === 'object' ? Object.keys(r.body).sort() : [],
			})),
		before: run.seededBefore,
		after: run.seededAfter,
		credentials: sandbox.endpoints()[run.vendor].credentials,
	};
}

/** The vendor calls of a run that were not answered 2xx, as `METHOD path → status`. */
const callsNotAnswered2xx = (run: VendorRun) =>
	run.requests
		.filter((r) => !(r.status !== undefined && r.status >= 200 && r.status < 300))
		.map((r) => `${r.method} ${r.path} → ${r.status}`);

/**
 * A list reads, writes nothing and outputs every item the sandbox holds; an update sends the vendor's update call
 * with the fields set and outputs the change; a delete sends the vendor's delete call for the item the workflow
 * picked, outputs `{ deleted: true }` and the item is gone.
 */
const EXAMPLE_EXPECTATIONS: Record<string, (v: ExampleView) => void> = {
	// Ultravox
	'examples/ultravox-list-registrations.json': (v) => {
		expect(v.out('List SIP registrations')).toHaveLength(v.before.sipRegistrationCount as number);
		expect(v.writes()).toEqual([]);
	},
	'examples/ultravox-update-registration.json': (v) => {
		const first = v.out('First registration');
		expect(first).toHaveLength(1);
		const id = first[0].registrationId;
		expect(v.writes()).toEqual([
			{ method: 'PATCH', path: `/api/sip/registrations/${id}`, bodyKeys: ['proxy'] },
		]);
		expect(v.out('Update proxy')).toEqual([
			expect.objectContaining({ registrationId: id, proxy: 'pbx2.example.com' }),
		]);
	},
	'examples/ultravox-delete-registration.json': (v) => {
		const id = v.out('First registration')[0].registrationId;
		expect(v.writes()).toEqual([
			{ method: 'DELETE', path: `/api/sip/registrations/${id}`, bodyKeys: [] },
		]);
		expect(v.out('Delete registration')).toEqual([{ deleted: true }]);
		expect(v.after.sipRegistrationCount).toBe((v.before.sipRegistrationCount as number) - 1);
		expect(v.after.sipRegistrationIds).not.toContain(id);
	},
	// Vobiz
	'examples/vobiz-list-endpoints.json': (v) => {
		expect(v.out('List SIP endpoints')).toHaveLength(v.before.endpointCount as number);
		expect(v.writes()).toEqual([]);
	},
	'examples/vobiz-update-endpoint.json': (v) => {
		const first = v.out('First endpoint');
		expect(first).toHaveLength(1);
		const id = first[0].endpoint_id;
		const endpointPath = `/api/v1/Account/${v.credentials.authId}/Endpoint/${id}/`;
		expect(v.writes()).toEqual([
			{ method: 'POST', path: endpointPath, bodyKeys: ['alias', 'allow_video'] },
		]);
		expect(v.out('Update endpoint')).toEqual([
			{ accepted: true, status: 202, endpointId: id, fieldsSent: ['alias', 'allow_video'] },
		]);
		expect(v.out('Read it back')).toEqual([
			expect.objectContaining({ endpoint_id: id, alias: 'Front-Desk', allow_video: true }),
		]);
	},
	'examples/vobiz-delete-endpoint.json': (v) => {
		const id = v.out('First endpoint')[0].endpoint_id;
		const endpointPath = `/api/v1/Account/${v.credentials.authId}/Endpoint/${id}/`;
		expect(v.writes()).toEqual([{ method: 'DELETE', path: endpointPath, bodyKeys: [] }]);
		expect(v.out('Delete endpoint')).toEqual([{ deleted: true }]);
		expect(v.after.endpointCount).toBe((v.before.endpointCount as number) - 1);
		expect(v.after.endpointIds).not.toContain(id);
	},
	// SignalWire
	'examples/signalwire-list-sip-endpoints.json': (v) => {
		expect(v.out('List SIP endpoints')).toHaveLength(v.before.sipEndpointCount as number);
		expect(v.writes()).toEqual([]);
	},
	'examples/signalwire-update-sip-profile.json': (v) => {
		expect(v.writes()).toEqual([
			{
				method: 'PUT',
				path: '/api/relay/rest/sip_profile',
				bodyKeys: ['default_codecs', 'default_encryption'],
			},
		]);
		expect(v.out('Update SIP profile')).toEqual([
			expect.objectContaining({
				default_codecs: ['OPUS', 'PCMU', 'PCMA'],
				default_encryption: 'required',
			}),
		]);
	},
	'examples/signalwire-delete-sip-endpoint.json': (v) => {
		const id = v.out('First SIP endpoint')[0].id;
		expect(v.writes()).toEqual([
			{ method: 'DELETE', path: `/api/relay/rest/endpoints/sip/${id}`, bodyKeys: [] },
		]);
		expect(v.out('Delete SIP endpoint')).toEqual([{ deleted: true }]);
		expect(v.after.sipEndpointCount).toBe((v.before.sipEndpointCount as number) - 1);
		expect(v.after.sipEndpointIds).not.toContain(id);
	},
	// Opentact (its login is a GET /rest/auth, so it is no write)
	'examples/opentact-list-sip-users.json': (v) => {
		expect(v.out('List SIP users')).toHaveLength(v.before.sipUserCount as number);
		expect(v.writes()).toEqual([]);
	},
	'examples/opentact-update-sip-user.json': (v) => {
		const first = v.out('First SIP user');
		expect(first).toHaveLength(1);
		const uuid = first[0].uuid;
		expect(v.writes()).toEqual([
			{
				method: 'PATCH',
				path: `/rest/sip/domain/acme.sip.opentact.org/user/${uuid}`,
				bodyKeys: ['same_domain_calls_only'],
			},
		]);
		expect(v.out('Update SIP user')).toEqual([
			expect.objectContaining({ uuid, same_domain_calls_only: true }),
		]);
	},
	'examples/opentact-delete-sip-user.json': (v) => {
		const uuid = v.out('First SIP user')[0].uuid;
		expect(v.writes()).toEqual([
			{
				method: 'DELETE',
				path: `/rest/sip/domain/acme.sip.opentact.org/user/${uuid}`,
				bodyKeys: [],
			},
		]);
		expect(v.out('Delete SIP user')).toEqual([{ deleted: true }]);
		expect(v.after.sipUserCount).toBe((v.before.sipUserCount as number) - 1);
		expect(v.after.sipUserIds).not.toContain(uuid);
	},
	// NetSapiens (its seeded view has no live count: the delete is checked by the call and the output)
	'examples/netsapiens-list-devices.json': (v) => {
		expect(v.out('List domain devices')).toHaveLength(v.before.domainDeviceCount as number);
		expect(v.writes()).toEqual([]);
	},
	'examples/netsapiens-update-device.json': (v) => {
		expect(v.out('My first device')).toEqual([
			expect.objectContaining({ domain: 'sandbox.example', user: '1000', device: '1000' }),
		]);
		expect(v.writes()).toEqual([
			{
				method: 'PUT',
				path: '/ns-api/v2/domains/sandbox.example/users/1000/devices/1000',
				bodyKeys: ['device-sip-registration-expiry-seconds', 'device-srtp-enabled'],
			},
		]);
		expect(v.out('Require SRTP')).toEqual([
			expect.objectContaining({
				accepted: true,
				device: '1000',
				fieldsSent: ['device-sip-registration-expiry-seconds', 'device-srtp-enabled'],
			}),
		]);
	},
	'examples/netsapiens-delete-device.json': (v) => {
		expect(v.writes()).toEqual([
			{
				method: 'DELETE',
				path: '/ns-api/v2/domains/sandbox.example/users/1000/devices/1000',
				bodyKeys: [],
			},
		]);
		expect(v.out('Delete device')).toEqual([
			{ deleted: true, domain: 'sandbox.example', user: '1000', device: '1000' },
		]);
	},
};

/**
 * Per vendor: the vendor's own error answer injected once on the update call of its update example. `message` is
 * what the node says (`<Vendor> <Operation> <Resource> failed: …`), `vendorWords` what it quotes from the answer.
 */
interface FaultCase {
	vendor: string;
	node: string;
	example: string;
	failingNode: string;
	inject: { method: string; path: string; status: number; body?: unknown };
	message: string;
	vendorWords?: string;
}

const FAULTS: FaultCase[] = [
	{
		vendor: 'ultravox',
		node: 'ultravox',
		example: 'examples/ultravox-update-registration.json',
		failingNode: 'Update proxy',
		inject: {
			method: 'PATCH',
			path: '^/api/sip/registrations/',
			status: 404,
			body: { detail: 'Not found.' },
		},
		message: 'Ultravox Update SIP Registration failed: Ultravox answered HTTP 404',
		vendorWords: 'Not found.',
	},
	{
		vendor: 'vobiz',
		node: 'vobiz',
		example: 'examples/vobiz-update-endpoint.json',
		failingNode: 'Update endpoint',
		inject: {
			method: 'POST',
			path: '/Endpoint/[^/]+/$',
			status: 500,
			body: {
				status: 'error',
				error: { code: 'internal_error', message: 'Unexpected error, please retry' },
			},
		},
		message: 'Vobiz Update Endpoint failed: Vobiz answered HTTP 500',
		vendorWords: 'Unexpected error, please retry',
	},
	{
		vendor: 'signalwire',
		node: 'signalWire',
		example: 'examples/signalwire-update-sip-profile.json',
		failingNode: 'Update SIP profile',
		inject: {
			method: 'PUT',
			path: '^/api/relay/rest/sip_profile',
			status: 404,
			body: { error: 'Not Found' },
		},
		message: 'SignalWire Update SIP Profile failed: SignalWire answered HTTP 404',
		vendorWords: 'Not Found',
	},
	{
		vendor: 'opentact',
		node: 'opentact',
		example: 'examples/opentact-update-sip-user.json',
		failingNode: 'Update SIP user',
		inject: {
			method: 'PATCH',
			path: '^/rest/sip/domain/[^/]+/user/',
			status: 404,
			body: { success: false, message: 'SIP user not found', status: 404 },
		},
		message: 'Opentact Update SIP User failed: Opentact answered HTTP 404',
		vendorWords: 'SIP user not found',
	},
	{
		vendor: 'netsapiens',
		node: 'netSapiens',
		example: 'examples/netsapiens-update-device.json',
		failingNode: 'Require SRTP',
		inject: {
			method: 'PUT',
			path: '/devices/[^/]+$',
			status: 404,
			body: {
				code: 404,
				message: 'Device 1000 does not exist for user 1000 in domain sandbox.example',
			},
		},
		message: 'NetSapiens Update Device failed: NetSapiens answered HTTP 404',
		vendorWords: 'Device 1000 does not exist for user 1000 in domain sandbox.example',
	},
];

/** The sandbox credential of a node, as `bindWorkflow` takes it (credential type → reference). */
function credentialBinding(
	sandbox: SandboxLike,
	node: PackNode,
): Record<string, { id: string; name: string }> {
	const credential = sandboxCredential(sandbox, node);
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

suite('the pack in a real n8n', () => {
	let n8n: N8nInstance;
	let meta: PackMetadata;
	let installed: InstalledPack;
	let exported: ExportedNode[];
	let sandbox: Sandbox;
	let tarball: string;

	beforeAll(async () => {
		({ n8n, tarball } = await packAndCreateN8n());
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
		const manifest = JSON.parse(
			readFileSync(path.join(n8n.n8nFolder, 'nodes', 'package.json'), 'utf8'),
		);
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

	test('every action n8n lists reads right ("an endpoint", "a SIP user", never "a endpoint")', () => {
		const actions = exported
			.filter((n) => meta.nodes.some((node) => node.type === n.name))
			.flatMap((n) =>
				n.properties.filter((p) => p.name === 'operation').flatMap((p) => p.options ?? []),
			)
			.map((o) => String((o as { action?: string }).action ?? ''))
			.filter(Boolean);
		expect(actions).toContain('Generate a password for an endpoint');
		expect(actions.filter((a) => /\ba [aeiou]/i.test(a) || /\ban [^aeiou\s]/i.test(a))).toEqual([]);
	});

	test.each(nodeFiles)(
		'%s: its workflows run in n8n against the sandbox',
		async (file) => {
			const node = meta.nodes.find((n) => n.sourcePath === file.replace(/^\.\//, ''));
			expect(node).toBeDefined();
			// the vendor's own examples (examples/<vendor>-*.json), each from the sandbox's seeded data whatever the one
			// before it deleted; the rotation examples that chain vendors and Data tables (examples/rotation-*.json) are
			// e2e/rotation.e2e.test.ts's
			const vendorKey = sandboxVendorFor(node!.name, Object.keys(sandbox.endpoints()))!;
			const runs = await runVendorWorkflows(n8n, sandbox, meta, node!.name, {
				resetSandbox: true,
				examples: (file) => file.startsWith(`examples/${vendorKey}-`),
			});
			process.stdout.write(
				`[n8n e2e] ${node!.name}:\n${runs.map((r) => `  ${describeRun(r)} (${r.result.durationMs} ms)`).join('\n')}\n`,
			);
			expect(runs.length).toBeGreaterThan(0);
			for (const run of runs) {
				const why = describeRun(run);
				expect({ ok: run.result.ok, why }).toEqual({ ok: true, why });
				expect(run.result.error).toBeUndefined();
				// every node of the pack in the workflow ran and succeeded
				const packNodeNames = run.workflow.nodes
					.filter((n) => n.type.startsWith(`${meta.packageName}.`))
					.map((n) => n.name);
				for (const name of packNodeNames) {
					const runsOfNode = run.result.runData?.[name] ?? [];
					expect({ name, ran: runsOfNode.length > 0, why }).toEqual({ name, ran: true, why });
					for (const r of runsOfNode)
						expect({ name, error: r.error?.message, why }).toEqual({ name, error: undefined, why });
				}
				expect({ requests: run.requests.length > 0, why }).toEqual({ requests: true, why });
				// what n8n output and what the vendor received, per example (examples/<vendor>-*.json must have an entry)
				const expectation = EXAMPLE_EXPECTATIONS[run.source];
				expect({ source: run.source, hasExpectation: expectation !== undefined }).toEqual({
					source: run.source,
					hasExpectation: true,
				});
				if (expectation) {
					expect({ source: run.source, not2xx: callsNotAnswered2xx(run) }).toEqual({
						source: run.source,
						not2xx: [],
					});
					expectation(exampleView(run, sandbox));
				}
			}
			// issue 3: every vendor's examples read, write and delete
			const operations = new Set(
				runs.flatMap((r) =>
					r.workflow.nodes
						.filter((n) => n.type === node!.type)
						.map((n) => String(n.parameters.operation)),
				),
			);
			expect({
				read: ['get', 'getAll'].some((o) => operations.has(o)),
				write: ['create', 'update', 'rotatePassword'].some((o) => operations.has(o)),
				delete: operations.has('delete'),
			}).toEqual({ read: true, write: true, delete: true });
		},
		RUN_TIMEOUT_MS * 4,
	);

	describe('a failing vendor call', () => {
		/** per vendor: its update example ending at the failing node, as is and with On Error "Continue" */
		const workflows = new Map<
			string,
			{ failing: WorkflowJson; continuing: WorkflowJson; node: PackNode }
		>();

		beforeAll(async () => {
			// one import of every credential and one of every workflow: each n8n CLI call boots n8n (seconds)
			for (const fault of FAULTS) {
				const node = meta.nodes.find((n) => n.name === fault.node);
				if (!node) throw new Error(`the pack has no node ${fault.node}`);
				const example = exampleWorkflows({ nodeTypes: [node.type] }).find(
					(e) => e.file === fault.example,
				);
				if (!example) throw new Error(`${fault.example} is not an example of ${node.type}`);
				const bound = bindWorkflow(
					example.workflow,
					credentialBinding(sandbox, node),
					example.file,
				);
				workflows.set(fault.vendor, {
					node,
					failing: workflowEndingAt(bound, fault.failingNode, 'stopWorkflow'),
					continuing: workflowEndingAt(bound, fault.failingNode, 'continueRegularOutput'),
				});
			}
			await n8n.importCredentials(
				[...workflows.values()].map(({ node }) => sandboxCredential(sandbox, node)),
			);
			await n8n.importWorkflow(
				[...workflows.values()].flatMap(({ failing, continuing }) => [failing, continuing]),
			);
		}, RUN_TIMEOUT_MS);

		describe.each(FAULTS)('$vendor', (fault) => {
			afterEach(() => sandbox.clearFaults());

			/** Runs a workflow with the vendor's own error answer injected once on the failing call. */
			const runWithFault = async (workflow: WorkflowJson) => {
				const result = await executeWorkflow(n8n, workflow.id!, () => {
					sandbox.reset();
					sandbox.injectFault({ vendor: fault.vendor, mode: 'status', count: 1, ...fault.inject });
				});
				const faulted = sandbox
					.requests(fault.vendor)
					.filter(
						(r) => r.method === fault.inject.method && new RegExp(fault.inject.path).test(r.path),
					);
				return { result, faulted };
			};

			test(
				`stops the execution with the node's own message (exit code 1)`,
				async () => {
					const { result, faulted } = await runWithFault(workflows.get(fault.vendor)!.failing);
					const output = result.stdout + result.stderr;
					const why = `exit ${result.code}\n${output.split('\n').slice(-25).join('\n')}`;
					expect({ code: result.code, why }).toEqual({ code: 1, why });
					// the vendor got the call once (a write is never retried) and answered with the injected error
					expect(faulted.map((r) => r.status)).toEqual([fault.inject.status]);
					// what the user reads: the node's message in n8n's output, on the failing node
					expect(output).toContain(fault.message);
					expect(result.error?.message).toBe(fault.message);
					expect(result.error?.node?.name).toBe(fault.failingNode);
					// and the vendor's own words in its description
					expect(result.error?.description).toContain(
						`${workflows.get(fault.vendor)!.node.displayName} said:`,
					);
					if (fault.vendorWords) expect(result.error?.description).toContain(fault.vendorWords);
					expect(result.runData?.[fault.failingNode]?.[0]?.error?.message).toBe(fault.message);
				},
				RUN_TIMEOUT_MS,
			);

			test(
				'with On Error "Continue" the same workflow succeeds and outputs an error item',
				async () => {
					const { result, faulted } = await runWithFault(workflows.get(fault.vendor)!.continuing);
					const why = `exit ${result.code}\n${(result.stdout + result.stderr).split('\n').slice(-25).join('\n')}`;
					expect({ code: result.code, why }).toEqual({ code: 0, why });
					expect(result.error).toBeUndefined();
					expect(faulted.map((r) => r.status)).toEqual([fault.inject.status]);
					const items = nodeOutput(result, fault.failingNode);
					expect(items).toEqual([{ error: fault.message }]);
				},
				RUN_TIMEOUT_MS,
			);
		});
	});
});
