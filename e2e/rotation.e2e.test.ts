/**
 * The password-rotation example workflows (examples/rotation-*.json) in a real n8n (scripts/n8n/install.js) against
 * the in-process vendor sandbox: each is imported as a user would import it, bound to sandbox credentials, run with
 * `n8n execute`, and checked on what n8n reports and on what the sandbox received. While a workflow waits for a
 * device to re-register, a watcher in this test plays the phone: it sees the password change arrive at the sandbox and
 * provisions the simulated device with it (as someone re-provisioning the phone would).
 *
 * Set SKIP_N8N_E2E=1 to skip this suite.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { bindWorkflow, packMetadata, shortId } from '../scripts/n8n/pack';
import type { PackMetadata } from '../scripts/n8n/pack';
import { runManually } from '../scripts/n8n/runtime';
import type { Editor, N8nInstance, StoredExecution, WorkflowJson } from '../scripts/n8n/runtime';
import { FIRST_RUN_TIMEOUT_MS, packAndCreateN8n, realN8nDescribe, REPO_ROOT } from './support';
const TABLE = 'sip-password-rotation';

const suite = realN8nDescribe('rotation e2e');

function example(file: string): WorkflowJson {
	return JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as WorkflowJson;
}

type Item = Record<string, unknown>;

/** The JSON items a node output on its first output, per run. */
function outputOf(run: StoredExecution, node: string): Item[][] {
	return (run.runData?.[node] ?? []).map((r) => (r.data?.main?.[0] ?? []).map((i) => i.json));
}

function ranNodes(run: StoredExecution): string[] {
	return Object.keys(run.runData ?? {});
}

function summary(run: StoredExecution): string {
	const nodes = Object.entries(run.runData ?? {})
		.map(([name, r]) => `${name} ×${r.length}${r.some((x) => x.error) ? ' (error)' : ''}`)
		.join('; ');
	return `execution ${run.id} ${run.status}; ${nodes}${run.error ? `; error: ${run.error.message}` : ''}`;
}

/**
 * Plays the phones: every password change the sandbox receives for `vendor` (a request whose JSON body carries
 * `field`) is provisioned onto the simulated device `idOf(path)`, unless that device is in `skip`.
 */
function provisionWatcher(sandbox: Sandbox, vendor: string, field: string, idOf: (p: string) => string | undefined, skip: string[] = []) {
	let seen = sandbox.requests(vendor).length;
	const provisioned: string[] = [];
	const timer = setInterval(() => {
		const all = sandbox.requests(vendor);
		for (const request of all.slice(seen)) {
			const body = request.body as Record<string, unknown> | undefined;
			const id = idOf(request.path);
			if (request.method === 'GET' || !id || typeof body?.[field] !== 'string' || request.status === undefined || request.status >= 300) continue;
			if (skip.includes(id)) continue;
			if (sandbox.devices.provision(vendor, id, body[field] as string)) provisioned.push(id);
		}
		seen = all.length;
	}, 25);
	return { provisioned, stop: () => clearInterval(timer) };
}

suite('password rotation example workflows in a real n8n', () => {
	let n8n: N8nInstance;
	let sandbox: Sandbox;
	let meta: PackMetadata;
	let tarball: string;
	let editor: Editor;
	/** credential type → the imported sandbox credential */
	const byType: Record<string, { id: string; name: string }> = {};

	beforeAll(async () => {
		({ n8n, tarball } = await packAndCreateN8n());
		meta = packMetadata();
		await n8n.installPack(tarball);
		// A phone takes a moment to re-register: the node sees it signed out first, and a registration time lands in a
		// later second than the change (the only evidence that counts as "verified", docs/rotation.md).
		sandbox = await startSandbox({ port: 0, config: { registrationDelayMs: 1500 } });
		const endpoints = sandbox.endpoints();
		const credentials = meta.nodes.map((node) => {
			const vendor = Object.keys(endpoints).find((k) => k.toLowerCase() === node.name.toLowerCase())!;
			const type = node.credentialTypes[0];
			byType[type] = { id: shortId('rotation-credential', vendor), name: `${node.displayName} (sandbox)` };
			return { ...byType[type], type, data: endpoints[vendor].credentials };
		});
		await n8n.importCredentials(credentials);
		// `n8n execute` does not load n8n's backend modules, so the Data table node cannot run there ("the module is
		// disabled"); the editor's own "Execute workflow" path inside `n8n start` can.
		editor = await n8n.startEditor();
	}, FIRST_RUN_TIMEOUT_MS);

	afterAll(async () => {
		await editor?.stop();
		await sandbox?.close();
		await n8n?.dispose();
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
	}, 60_000);

	async function importAndRun(workflow: WorkflowJson, seed: string): Promise<StoredExecution> {
		const bound = bindWorkflow(workflow, byType, seed);
		const [id] = await n8n.importWorkflow(bound);
		return await runManually(editor, id, 'Run now', n8n.install, { timeoutMs: 3 * 60_000 });
	}

	describe('rotation-vobiz-monthly.json', () => {
		const file = 'rotation-vobiz-monthly.json';
		const endpointPath = /^\/api\/v1\/Account\/[^/]+\/Endpoint\/(\d+)\/$/;
		const endpointOf = (p: string) => endpointPath.exec(p)?.[1];
		let fleet: string[];

		beforeAll(async () => {
			// A small fleet keeps the run short: delete all but three of the seeded endpoints through Vobiz's own API.
			const { baseUrl, credentials } = sandbox.endpoints().vobiz;
			const headers = { 'X-Auth-ID': String(credentials.authId), 'X-Auth-Token': String(credentials.authToken) };
			const list = async (): Promise<string[]> => {
				const ids: string[] = [];
				for (let offset = 0; ; offset += 100) {
					const r = await fetch(`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/?limit=100&offset=${offset}`, { headers });
					const page = (await r.json()) as { objects: Array<{ endpoint_id: string }>; meta: { next: string | null } };
					ids.push(...page.objects.map((o) => o.endpoint_id));
					if (!page.meta.next) return ids;
				}
			};
			for (const id of (await list()).slice(3)) {
				const r = await fetch(`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/${id}/`, { method: 'DELETE', headers });
				expect(r.status).toBe(204);
			}
			fleet = await list();
			expect(fleet).toHaveLength(3);
		});

		test('the monthly rotation rotates, verifies and promotes every endpoint when the phones pick up their new passwords', async () => {
			const workflow = example(file);
			expect(workflow.nodes.map((n) => n.type)).toEqual(
				expect.arrayContaining(['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.manualTrigger', 'n8n-nodes-base.dataTable', 'n8n-nodes-base.stopAndError']),
			);
			const before = sandbox.requests('vobiz').length;
			const watcher = provisionWatcher(sandbox, 'vobiz', 'password', endpointOf);
			let run: StoredExecution;
			try {
				run = await importAndRun(workflow, file);
			} finally {
				watcher.stop();
			}
			const why = summary(run);
			expect({ status: run.status, why }).toEqual({ status: 'success', why });

			// what n8n reports: each endpoint applied once, verified, promoted; the stop never reached
			const applied = outputOf(run, 'Apply the pending password').flat();
			expect(applied.map((i) => i.resourceId).sort()).toEqual([...fleet].sort());
			for (const item of applied) {
				expect(item.verification).toBe('verified');
				expect(item).not.toHaveProperty('newPassword'); // the workflow stored it first, so the node does not output it
			}
			const promoted = outputOf(run, 'Promote: mark it current').flat();
			expect(promoted.map((r) => [r.resourceId, r.status])).toEqual(expect.arrayContaining(fleet.map((id) => [id, 'current'])));
			expect(ranNodes(run)).not.toContain('Stop: endpoint did not re-register');
			expect(ranNodes(run)).toContain('Every endpoint rotated and verified');

			// what the sandbox received: one password change per endpoint, with the password the workflow stored as pending
			const changes = sandbox.requests('vobiz').slice(before).filter((r) => r.method === 'POST' && endpointOf(r.path));
			expect(changes.map((r) => endpointOf(r.path)).sort()).toEqual([...fleet].sort());
			const stored = new Map(outputOf(run, 'Store it as pending').flat().map((r) => [r.resourceId, r.newPassword]));
			for (const change of changes) {
				const id = endpointOf(change.path)!;
				const password = (change.body as { password: string }).password;
				expect(password).toBe(stored.get(id));
				expect(sandbox.devices.vendorPassword('vobiz', id)).toBe(password);
				expect(sandbox.devices.state('vobiz', id).registered).toBe(true);
			}
			expect(watcher.provisioned.sort()).toEqual([...fleet].sort());
		}, 4 * 60_000);

		test('a phone that never re-registers stops the rotation loudly, before the endpoints after it', async () => {
			const workflow = example(file);
			const [first, stuck] = fleet;
			const before = sandbox.requests('vobiz').length;
			const watcher = provisionWatcher(sandbox, 'vobiz', 'password', endpointOf, [stuck]);
			let run: StoredExecution;
			try {
				run = await importAndRun(workflow, `${file}#stuck`);
			} finally {
				watcher.stop();
			}
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(new RegExp(`^Vobiz endpoint ${stuck} \\(\\S+\\) did not re-register with its new password, so the rotation stopped`));
			expect(run.error?.message).toContain(`"pending" in the data table "${TABLE}"`);
			expect(run.error?.message).toContain('did not register with the new password within 15 s');
			expect(ranNodes(run)).toContain('Stop: endpoint did not re-register');
			expect(outputOf(run, 'Record it as unverified').flat().map((r) => [r.resourceId, r.status])).toEqual([[stuck, 'unverified']]);

			const changed = sandbox.requests('vobiz').slice(before).filter((r) => r.method === 'POST' && endpointOf(r.path));
			// the third endpoint was never touched
			expect(changed.map((r) => endpointOf(r.path))).toEqual([first, stuck]);
			expect(sandbox.devices.state('vobiz', stuck).registered).toBe(false);
			expect(sandbox.devices.state('vobiz', first).registered).toBe(true);
		}, 4 * 60_000);

		test('a password Vobiz refuses (validation 400) is not retried: a new pending one is generated, stored and applied', async () => {
			const [refusedOn] = fleet;
			const before = sandbox.requests('vobiz').length;
			sandbox.injectFault({
				vendor: 'vobiz',
				mode: 'status',
				method: 'POST',
				path: `^/api/v1/Account/[^/]+/Endpoint/${refusedOn}/$`,
				count: 1,
				status: 400,
				body: { error: 'invalid request parameters', details: { password: 'Password does not meet the policy' } },
			});
			const watcher = provisionWatcher(sandbox, 'vobiz', 'password', endpointOf);
			let run: StoredExecution;
			try {
				run = await importAndRun(example(file), `${file}#refused`);
			} finally {
				watcher.stop();
			}
			const why = summary(run);
			expect({ status: run.status, why }).toEqual({ status: 'success', why });

			// n8n: the refusal reached the error output with outcome "refused" and no password, then one new password
			const [refusal, ...more] = (run.runData?.['Apply the pending password'] ?? []).flatMap((r) => (r.data?.main?.[1] ?? []).map((i) => i.json));
			expect(more).toEqual([]);
			expect(refusal.details).toEqual(expect.objectContaining({ outcome: 'refused', resourceId: refusedOn }));
			expect(refusal.details).not.toHaveProperty('pendingPassword');
			expect(refusal.error).toContain('Vobiz refused this password');
			expect(ranNodes(run)).toContain('Refused? Generate another (at most 3 per run)');
			expect(ranNodes(run)).not.toContain('Stop: the password change failed');
			const promoted = outputOf(run, 'Promote: mark it current').flat();
			expect(promoted.map((r) => [r.resourceId, r.status])).toEqual(expect.arrayContaining(fleet.map((id) => [id, 'current'])));

			// the sandbox: the refused endpoint got the refused password once, then a different one, which it holds
			const changes = sandbox.requests('vobiz').slice(before).filter((r) => r.method === 'POST' && endpointOf(r.path) === refusedOn);
			expect(changes.map((r) => r.status)).toEqual([400, 202]);
			const [refused, replacement] = changes.map((r) => (r.body as { password: string }).password);
			expect(replacement).not.toBe(refused);
			expect(sandbox.devices.vendorPassword('vobiz', refusedOn)).toBe(replacement);
			const stored = outputOf(run, 'Store it as pending').flat().filter((r) => r.resourceId === refusedOn).map((r) => r.newPassword);
			expect(stored).toEqual([refused, replacement]);
			// (the error item's json also holds its input item, the stored row; the node's own fields never show the password)
			expect(JSON.stringify({ error: refusal.error, details: refusal.details })).not.toContain(refused);
		}, 4 * 60_000);
	});
	describe('reconcile-vobiz-daily.json (after the monthly rotation left every endpoint current)', () => {
		const file = 'reconcile-vobiz-daily.json';
		const endpointPath = /^\/api\/v1\/Account\/[^/]+\/Endpoint\/(\d+)\/$/;
		const endpointOf = (p: string) => endpointPath.exec(p)?.[1];

		test('re-applies the stored password where Vobiz drifted from the store, and alerts the sink only for the phone it cannot repair', async () => {
			const { baseUrl, credentials } = sandbox.endpoints().vobiz;
			const headers = { 'X-Auth-ID': String(credentials.authId), 'X-Auth-Token': String(credentials.authToken), 'Content-Type': 'application/json' };
			const listed = await fetch(`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/?limit=100&offset=0`, { headers });
			const fleet = ((await listed.json()) as { objects: Array<{ endpoint_id: string }> }).objects.map((o) => o.endpoint_id);
			expect(fleet).toHaveLength(3);
			const [drifted, lost, untouched] = fleet;
			for (const id of fleet) expect(sandbox.devices.state('vobiz', id).registered).toBe(true);
			const stored = sandbox.devices.vendorPassword('vobiz', drifted)!;
			// Drift at the vendor: someone changed the password at Vobiz; the phone keeps the stored current one.
			const changed = await fetch(`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/${drifted}/`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ password: 'Changed-behind-the-store-1' }),
			});
			expect(changed.status).toBe(202);
			// Drift at the phone: it lost its password; only re-provisioning the phone can fix that.
			sandbox.devices.provision('vobiz', lost, 'Lost-its-password-1');
			expect(sandbox.devices.state('vobiz', drifted).registered).toBe(false);
			expect(sandbox.devices.state('vobiz', lost).registered).toBe(false);

			const alerts: Array<Record<string, unknown>> = [];
			const sink = createServer((request, response) => {
				let body = '';
				request.on('data', (chunk) => (body += chunk));
				request.on('end', () => {
					alerts.push(JSON.parse(body) as Record<string, unknown>);
					response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
				});
			});
			await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
			const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/alerts`;
			const before = sandbox.requests('vobiz').length;
			let run: StoredExecution;
			try {
				run = await importAndRun(withSettings(example(file), 'Alert settings', { alertUrl: sinkUrl }), file);
			} finally {
				sink.close();
			}
			const why = summary(run);
			expect({ status: run.status, why }).toEqual({ status: 'success', why });

			// Get Many kept only the two endpoints not registered; the third was never written to.
			expect(outputOf(run, 'Endpoints not registered since yesterday').flat().map((i) => i.endpoint_id).sort()).toEqual([drifted, lost].sort());
			const writes = sandbox.requests('vobiz').slice(before).filter((r) => r.method === 'POST' && endpointOf(r.path));
			expect(writes.map((r) => endpointOf(r.path)).sort()).toEqual([drifted, lost].sort());
			expect(writes.map((r) => endpointOf(r.path))).not.toContain(untouched);
			// The drifted endpoint holds the stored password again, and its phone registered with it.
			expect(sandbox.devices.vendorPassword('vobiz', drifted)).toBe(stored);
			expect(sandbox.devices.state('vobiz', drifted).registered).toBe(true);
			const reapplied = outputOf(run, 'Re-apply the stored password').flat();
			expect(reapplied.find((i) => i.resourceId === drifted)?.verification).toBe('verified');
			// Exactly one alert, for the phone that lost its password; no password in it.
			expect(alerts.map((a) => [a.vendor, a.endpointId])).toEqual([['Vobiz', lost]]);
			expect(String(alerts[0].reason)).toContain('did not register');
			expect(JSON.stringify(alerts)).not.toContain(stored);
			expect(JSON.stringify(alerts)).not.toContain(sandbox.devices.vendorPassword('vobiz', lost)!);
		}, 4 * 60_000);
	});

	/** The example with the values of its settings (Set) node replaced, as a user fills them in. */
	function withSettings(workflow: WorkflowJson, node: string, values: Record<string, string>): WorkflowJson {
		const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
		const settings = copy.nodes.find((n) => n.name === node)!;
		const assignments = (settings.parameters.assignments as { assignments: Array<{ name: string; value: string }> }).assignments;
		for (const [name, value] of Object.entries(values)) {
			const assignment = assignments.find((a) => a.name === name);
			expect(assignment).toBeDefined();
			assignment!.value = value;
		}
		return copy;
	}

	describe('rotation-netsapiens-to-ultravox.json', () => {
		const file = 'rotation-netsapiens-to-ultravox.json';

		test('one generated password reaches the NetSapiens device and the Ultravox registration that logs in as it; both verify', async () => {
			const { domain, user, userDevices } = sandbox.endpoints().netsapiens.seeded as { domain: string; user: string; userDevices: string[] };
			const device = userDevices[1];
			const [registrationId] = sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[];
			const devicePath = `/ns-api/v2/domains/${domain}/users/${user}/devices/${device}`;
			const registrationPath = `/api/sip/registrations/${registrationId}`;
			expect(sandbox.devices.state('netsapiens', `${device}@${domain}`).registered).toBe(true);
			const nsBefore = sandbox.requests('netsapiens').length;
			const uvBefore = sandbox.requests('ultravox').length;
			// Ultravox *is* the phone of that NetSapiens device: once Ultravox has the new password, its REGISTER makes
			// both the Ultravox registration successful and the NetSapiens device registered.
			const netsapiensSeen: string[] = [];
			const ultravox = provisionWatcher(sandbox, 'ultravox', 'password', (p) => (p === registrationPath ? registrationId : undefined));
			const phone = setInterval(() => {
				for (const r of sandbox.requests('ultravox').slice(uvBefore)) {
					const password = (r.body as { password?: string } | undefined)?.password;
					if (r.method === 'PATCH' && r.path === registrationPath && password && !netsapiensSeen.includes(password)) {
						netsapiensSeen.push(password);
						sandbox.devices.provision('netsapiens', `${device}@${domain}`, password);
					}
				}
			}, 25);
			let run: StoredExecution;
			try {
				run = await importAndRun(withSettings(example(file), 'Which device and registration', { domain, user, device, ultravoxRegistrationId: registrationId }), file);
			} finally {
				ultravox.stop();
				clearInterval(phone);
			}
			const why = summary(run);
			expect({ status: run.status, why }).toEqual({ status: 'success', why });

			// n8n: generated once, applied to both, Ultravox verified, NetSapiens registered after the change, promoted
			const [generated] = outputOf(run, 'Generate one new password').flat();
			const password = generated.newPassword as string;
			expect(outputOf(run, 'NetSapiens: apply it to the device').flat()).toEqual([
				expect.objectContaining({ vendor: 'NetSapiens', resourceId: `${domain}/${user}/${device}`, verification: 'skipped' }),
			]);
			const [uv] = outputOf(run, 'Ultravox: apply the same password').flat();
			expect(uv).toEqual(expect.objectContaining({ vendor: 'Ultravox', resourceId: registrationId, verification: 'verified' }));
			for (const node of ['NetSapiens: apply it to the device', 'Ultravox: apply the same password'])
				for (const item of outputOf(run, node).flat()) expect(item).not.toHaveProperty('newPassword');
			expect(outputOf(run, 'Promote: mark it current').flat().map((r) => r.status)).toEqual(['current']);
			expect(ranNodes(run)).not.toContain('Stop: not registered with the new password');

			// the sandbox: the same password, once each, at both vendors
			const nsPuts = sandbox.requests('netsapiens').slice(nsBefore).filter((r) => r.method === 'PUT');
			const uvPatches = sandbox.requests('ultravox').slice(uvBefore).filter((r) => r.method === 'PATCH');
			expect(nsPuts.map((r) => [r.path, (r.body as Record<string, unknown>)['device-sip-registration-password']])).toEqual([[devicePath, password]]);
			expect(uvPatches.map((r) => [r.path, (r.body as Record<string, unknown>).password])).toEqual([[registrationPath, password]]);
			expect(sandbox.devices.vendorPassword('netsapiens', `${device}@${domain}`)).toBe(password);
			expect(sandbox.devices.vendorPassword('ultravox', registrationId)).toBe(password);
			expect(sandbox.devices.state('netsapiens', `${device}@${domain}`).registered).toBe(true);
		}, 4 * 60_000);
	});

	describe('rotation-signalwire-rollback.json', () => {
		const file = 'rotation-signalwire-rollback.json';

		test('a new password that is not verified (SignalWire: notVerifiable) is rolled back to the stored previous one', async () => {
			const [endpointId] = sandbox.endpoints().signalwire.seeded.sipEndpointIds as string[];
			const previous = sandbox.devices.vendorPassword('signalwire', endpointId)!;
			expect(previous).toEqual(expect.any(String));

			// The store as an earlier rotation leaves it: the endpoint's current password in the data table.
			const seed: WorkflowJson = {
				id: shortId('rotation-seed', endpointId),
				name: 'Seed the rotation table',
				nodes: [
					{ id: 's1', name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{ ...example(file).nodes.find((n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.operation === 'upsert')!, id: 's2', name: 'Store the current password', position: [220, 0] },
				],
				connections: { 'Run now': { main: [[{ node: 'Store the current password', type: 'main', index: 0 }]] } },
			};
			const store = seed.nodes[1].parameters as { filters: { conditions: Array<{ keyValue: string }> }; columns: { value: Record<string, string> } };
			store.filters.conditions[1].keyValue = endpointId;
			store.columns.value = { ...store.columns.value, resourceId: endpointId, newPassword: previous, previousPassword: '', status: 'current', updated: '' };
			// the table exists once any rotation example ran; make sure it does when this test runs alone
			const table = example('rotation-vobiz-monthly.json').nodes.find((n) => n.name === 'Make sure the rotation table exists')!;
			seed.nodes.splice(1, 0, { ...table, id: 's0', position: [110, 0] });
			seed.connections = {
				'Run now': { main: [[{ node: table.name, type: 'main', index: 0 }]] },
				[table.name]: { main: [[{ node: 'Store the current password', type: 'main', index: 0 }]] },
			};
			const seeded = await importAndRun(seed, 'seed');
			expect({ status: seeded.status, why: summary(seeded) }).toEqual({ status: 'success', why: summary(seeded) });

			const before = sandbox.requests('signalwire').length;
			const run = await importAndRun(withSettings(example(file), 'Which SIP endpoint', { endpointId }), file);
			const why = summary(run);
			expect({ status: run.status, why }).toEqual({ status: 'success', why });

			// n8n: applied, not verifiable → the IF took the rollback branch, which re-applied the previous password
			const [applied] = outputOf(run, 'Apply the new password').flat();
			expect(applied).toEqual(expect.objectContaining({ vendor: 'SignalWire', resourceId: endpointId, verification: 'notVerifiable' }));
			expect(ranNodes(run)).not.toContain('Promote: mark it current');
			const [rolledBack] = outputOf(run, 'Roll back to the previous password').flat();
			expect(rolledBack).toEqual(expect.objectContaining({ resourceId: endpointId, verification: 'notVerifiable' }));
			for (const item of [applied, rolledBack]) expect(item).not.toHaveProperty('newPassword');
			const [row] = outputOf(run, 'Record the rollback').flat();
			expect(row).toEqual(expect.objectContaining({ resourceId: endpointId, status: 'current', verification: 'rolled back: the new password was notVerifiable' }));
			expect(row.newPassword).toBe(previous);

			// the sandbox: two PUTs — the new password, then the previous one — and the endpoint ends on the previous one
			const generated = outputOf(run, 'Generate a new password').flat()[0].newPassword as string;
			const puts = sandbox.requests('signalwire').slice(before).filter((r) => r.method === 'PUT');
			expect(puts.map((r) => [r.path, (r.body as { password: string }).password])).toEqual([
				[`/api/relay/rest/endpoints/sip/${endpointId}`, generated],
				[`/api/relay/rest/endpoints/sip/${endpointId}`, previous],
			]);
			expect(generated).not.toBe(previous);
			expect(sandbox.devices.vendorPassword('signalwire', endpointId)).toBe(previous);
		}, 4 * 60_000);
	});
});
