/**
 * The password-rotation example workflows (examples/rotation-*.json) in a real n8n (scripts/n8n/install.js) against
 * the in-process vendor sandbox: each is imported as a user would import it, bound to sandbox credentials, run inside
 * `n8n start` (the editor's "Execute workflow" from "Run now", or as a production run: published, started by a webhook
 * that stands in for the schedule), and checked on what n8n reports, on what the sandbox received and on the alerts a
 * local sink (e2e/support.ts startAlertSink) caught. While a workflow waits for a
 * device to re-register, a watcher in this test plays the phone: it sees the password change arrive at the sandbox and
 * provisions the simulated device with it (as someone re-provisioning the phone would).
 *
 * Set SKIP_N8N_E2E=1 to skip this suite.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import type { FleetSimulation, Sandbox } from '../sandbox';
import { neverProvisioned } from '../sandbox/core/devices';
import { bindWorkflow, packMetadata, shortId } from '../scripts/n8n/pack';
import type { PackMetadata } from '../scripts/n8n/pack';
import { editorRest, runManually, waitForExecution } from '../scripts/n8n/runtime';
import type { Editor, N8nInstance, StoredExecution, WorkflowJson } from '../scripts/n8n/runtime';
import {
	activateWorkflow,
	FIRST_RUN_TIMEOUT_MS,
	packAndCreateN8n,
	realN8nDescribe,
	REPO_ROOT,
	startAlertSink,
} from './support';
import type { AlertSink } from './support';
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

/** `HH:mm` of `date` on the wall clock of `timeZone`. */
function wallClock(date: Date, timeZone: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(date);
}

/**
 * The sandbox's demo fleet (provisioned at once) with the smallest never-provisioned share that leaves exactly `count`
 * of `ids` never provisioned (the share is fixed per device by a hash of its ID; searched in steps of 0.001, bounded).
 */
function shareLeavingOut(ids: string[], count: number): FleetSimulation {
	for (let step = 1; step < 1000; step++) {
		const fleet = { provisionDelayMs: 0, neverProvisionedShare: step / 1000 };
		if (ids.filter((id) => neverProvisioned('vobiz', id, fleet)).length === count) return fleet;
	}
	throw new Error(
		`no never-provisioned share leaves exactly ${count} of ${ids.join(', ')} unprovisioned`,
	);
}

/** The headers of a call to the Vobiz API of `sandbox`, as its seeded account. */
function vobizHeaders(sandbox: Sandbox): Record<string, string> {
	const { credentials } = sandbox.endpoints().vobiz;
	return {
		'X-Auth-ID': String(credentials.authId),
		'X-Auth-Token': String(credentials.authToken),
		'Content-Type': 'application/json',
	};
}

/**
 * Plays the phones: every password change the sandbox receives for `vendor` (a request whose JSON body carries
 * `field`) is provisioned onto the simulated device `idOf(path)`, unless that device is in `skip`.
 */
function provisionWatcher(
	sandbox: Sandbox,
	vendor: string,
	field: string,
	idOf: (p: string) => string | undefined,
	skip: string[] = [],
) {
	let seen = sandbox.requests(vendor).length;
	const provisioned: string[] = [];
	const timer = setInterval(() => {
		const all = sandbox.requests(vendor);
		for (const request of all.slice(seen)) {
			const body = request.body as Record<string, unknown> | undefined;
			const id = idOf(request.path);
			if (
				request.method === 'GET' ||
				!id ||
				typeof body?.[field] !== 'string' ||
				request.status === undefined ||
				request.status >= 300
			)
				continue;
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
			const vendor = Object.keys(endpoints).find(
				(k) => k.toLowerCase() === node.name.toLowerCase(),
			)!;
			const type = node.credentialTypes[0];
			byType[type] = {
				id: shortId('rotation-credential', vendor),
				name: `${node.displayName} (sandbox)`,
			};
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

	/** Imports `workflow` bound to the sandbox credentials (`credentials`, by type) and runs it from "Run now". */
	async function importAndRun(
		workflow: WorkflowJson,
		seed: string,
		credentials = byType,
	): Promise<StoredExecution> {
		const bound = bindWorkflow(workflow, credentials, seed);
		const [id] = await n8n.importWorkflow(bound);
		return await runManually(editor, id, 'Run now', n8n.install, { timeoutMs: 3 * 60_000 });
	}

	describe('rotation-vobiz-monthly.json (window, pause switch, summary, alert) and rotation-error-alert.json', () => {
		const file = 'rotation-vobiz-monthly.json';
		const endpointPath = /^\/api\/v1\/Account\/[^/]+\/Endpoint\/(\d+)\/$/;
		const endpointOf = (p: string) => endpointPath.exec(p)?.[1];
		const ZONE = 'Asia/Kolkata'; // +05:30: a window written in a zone other than n8n's (UTC here)
		let fleet: string[];
		let sink: AlertSink;

		/** The IDs of every endpoint `at` holds, listed page by page through Vobiz's own API. */
		async function endpointIds(at: Sandbox): Promise<string[]> {
			const { baseUrl, credentials } = at.endpoints().vobiz;
			const ids: string[] = [];
			// bounded by the sandbox's seeded fleet: the last page has no `next`
			for (let offset = 0; ; offset += 100) {
				const r = await fetch(
					`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/?limit=100&offset=${offset}`,
					{ headers: vobizHeaders(at) },
				);
				const page = (await r.json()) as {
					objects: Array<{ endpoint_id: string }>;
					meta: { next: string | null };
				};
				ids.push(...page.objects.map((o) => o.endpoint_id));
				if (!page.meta.next) return ids;
			}
		}

		/** Deletes endpoints `ids` at `at` through Vobiz's own API. */
		async function deleteEndpoints(at: Sandbox, ids: string[]): Promise<void> {
			const { baseUrl, credentials } = at.endpoints().vobiz;
			for (const id of ids) {
				const r = await fetch(`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/${id}/`, {
					method: 'DELETE',
					headers: vobizHeaders(at),
				});
				expect(r.status).toBe(204);
			}
		}

		beforeAll(async () => {
			// A small fleet keeps the run short: delete all but four of the seeded endpoints.
			await deleteEndpoints(sandbox, (await endpointIds(sandbox)).slice(4));
			fleet = await endpointIds(sandbox);
			expect(fleet).toHaveLength(4);
			sink = await startAlertSink();
		});
		afterAll(async () => {
			sandbox.configure({ fleet: null });
			sandbox.clearFaults();
			await sink?.close();
		});

		/** The example's Rotation settings with a window from `fromMinutes` to `toMinutes` around now (in ZONE) and the sink as alertUrl. */
		function monthly(
			fromMinutes: number,
			toMinutes: number,
			extra: Record<string, unknown> = {},
		): WorkflowJson {
			const at = (minutes: number) => wallClock(new Date(Date.now() + minutes * 60_000), ZONE);
			return withSettings(example(file), 'Rotation settings', {
				windowStart: at(fromMinutes),
				windowEnd: at(toMinutes),
				windowTimeZone: ZONE,
				alertUrl: sink.url,
				...extra,
			});
		}

		/** What the data table `sip-password-rotation` holds for Vobiz, read by a one-node workflow. */
		async function storedRows(): Promise<Map<string, Item>> {
			const read: WorkflowJson = {
				id: shortId('rotation-read-table'),
				name: 'Read the rotation table',
				nodes: [
					{
						id: 'r1',
						name: 'Run now',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'r2',
						name: 'Rows',
						type: 'n8n-nodes-base.dataTable',
						typeVersion: 1.1,
						position: [220, 0],
						parameters: {
							resource: 'row',
							operation: 'get',
							dataTableId: { __rl: true, mode: 'name', value: TABLE },
							matchType: 'allConditions',
							filters: { conditions: [{ keyName: 'vendor', condition: 'eq', keyValue: 'Vobiz' }] },
							returnAll: true,
						},
					},
				],
				connections: { 'Run now': { main: [[{ node: 'Rows', type: 'main', index: 0 }]] } },
			};
			const run = await importAndRun(read, 'read-table');
			expect({ status: run.status, why: summary(run) }).toEqual({
				status: 'success',
				why: summary(run),
			});
			return new Map(
				outputOf(run, 'Rows')
					.flat()
					.map((row) => [String(row.resourceId), row]),
			);
		}

		/**
		 * Runs a copy of `workflow` as production runs it: its Schedule Trigger swapped for a Webhook trigger (so that the
		 * test need not wait for the 1st at 03:00), published, started by one POST, then unpublished. Resolves the copy and
		 * its execution once finished.
		 */
		async function runInProduction(
			workflow: WorkflowJson,
			seed: string,
		): Promise<{ workflow: WorkflowJson; execution: StoredExecution }> {
			const copy = bindWorkflow(workflow, byType, seed);
			copy.id = shortId('production', seed);
			const webhookPath = `rotation-${copy.id}`;
			const schedule = copy.nodes.findIndex((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
			const scheduleName = copy.nodes[schedule].name;
			copy.nodes[schedule] = {
				id: 'webhook-trigger',
				name: 'Rotation requested',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: copy.nodes[schedule].position,
				webhookId: shortId('production-webhook', seed),
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'onReceived',
					options: {},
				},
			};
			const connections = copy.connections as Record<string, unknown>;
			connections['Rotation requested'] = connections[scheduleName];
			delete connections[scheduleName];
			await n8n.importWorkflow(copy);
			const executions = async (): Promise<string[]> => {
				const listed = (await editorRest(
					editor,
					'GET',
					`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: copy.id }))}`,
				)) as { results: Array<{ id: string }> };
				return listed.results.map((e) => String(e.id));
			};
			const earlier = await executions();
			await activateWorkflow(editor, copy.id);
			try {
				// activation registers the production webhook a moment after the REST call answers (bounded: 40 × 250 ms)
				for (let attempt = 0; ; attempt++) {
					const response = await fetch(`${editor.url}/webhook/${webhookPath}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: '{}',
					});
					await response.text();
					if (response.status !== 404 || attempt >= 40) {
						expect(response.status).toBe(200);
						break;
					}
					await new Promise((r) => setTimeout(r, 250));
				}
				// the execution is listed once it starts (bounded: 60 s)
				for (const deadline = Date.now() + 60_000; ;) {
					const started = (await executions()).filter((id) => !earlier.includes(id));
					expect(started.length).toBeLessThanOrEqual(1);
					if (started.length === 1)
						return {
							workflow: copy,
							execution: await waitForExecution(editor, started[0], n8n.install, {
								timeoutMs: 3 * 60_000,
							}),
						};
					if (Date.now() > deadline)
						throw new Error(`no execution of ${copy.name} started within 60 s`);
					await new Promise((r) => setTimeout(r, 250));
				}
			} finally {
				await editorRest(editor, 'POST', `/workflows/${copy.id}/deactivate`, {});
			}
		}

		test(
			'paused, or a scheduled run outside its window, ends without a single request to Vobiz; invalid settings stop it',
			async () => {
				const before = sandbox.requests('vobiz').length;
				const alertsBefore = sink.alerts.length;
				const paused = await importAndRun(monthly(-60, 60, { paused: true }), `${file}#paused`);
				expect({ status: paused.status, why: summary(paused) }).toEqual({
					status: 'success',
					why: summary(paused),
				});
				expect(ranNodes(paused)).toContain('Paused: nothing rotated');
				expect(ranNodes(paused)).not.toContain('List every Vobiz endpoint');

				const { execution: outside } = await runInProduction(monthly(60, 120), `${file}#outside`);
				expect({ status: outside.status, mode: outside.mode, why: summary(outside) }).toEqual({
					status: 'success',
					mode: 'webhook',
					why: summary(outside),
				});
				expect(ranNodes(outside)).toContain('Outside the window: nothing rotated');
				expect(ranNodes(outside)).not.toContain('List every Vobiz endpoint');
				// the window is read in its own time zone, not n8n's
				const ran = [outside.raw.startedAt, outside.raw.stoppedAt].map((t: string) =>
					wallClock(new Date(t), ZONE),
				);
				expect(ran).toContain(outputOf(outside, 'Where is now in the window?').flat()[0].localTime);

				const invalid = await importAndRun(
					monthly(-60, 60, { windowTimeZone: 'Mars/Olympus' }),
					`${file}#invalid`,
				);
				expect(invalid.status).toBe('error');
				expect(invalid.error?.message).toBe(
					'The rotation did not start: in "Rotation settings", windowTimeZone "Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin, UTC). Nothing was changed at Vobiz.',
				);

				expect(sandbox.requests('vobiz').slice(before)).toEqual([]);
				expect(sink.alerts.slice(alertsBefore)).toEqual([]);
			},
			4 * 60_000,
		);

		test(
			'a mixed night: the summary counts what the sandbox holds, and one alert names the endpoints that did not verify',
			async () => {
				// The sandbox's fleet: a provisioning server gives each phone its new password at once, except a share of
				// phones (fixed per device) that never get it; the share is picked so that exactly one of the four is one.
				const share = shareLeavingOut(fleet, 1);
				const [unprovisioned] = fleet.filter((id) => neverProvisioned('vobiz', id, share));
				const [refusedOn, failedOn, verifiedOn] = fleet.filter((id) => id !== unprovisioned);
				const passwordsBefore = new Map(
					fleet.map((id) => [id, sandbox.devices.vendorPassword('vobiz', id)!]),
				);
				sandbox.configure({ fleet: share });
				// Vobiz refuses every password for one endpoint (4 = the first and the 3 replacements the flow allows), and
				// answers another's change with a 500 (outcome unknown)
				sandbox.injectFault({
					vendor: 'vobiz',
					mode: 'status',
					method: 'POST',
					path: `^/api/v1/Account/[^/]+/Endpoint/${refusedOn}/$`,
					count: 4,
					status: 400,
					body: {
						error: 'invalid request parameters',
						details: { password: 'Password does not meet the policy' },
					},
				});
				sandbox.injectFault({
					vendor: 'vobiz',
					mode: 'status',
					method: 'POST',
					path: `^/api/v1/Account/[^/]+/Endpoint/${failedOn}/$`,
					count: 1,
					status: 500,
					body: { error: 'internal error' },
				});
				const before = sandbox.requests('vobiz').length;
				const alertsBefore = sink.alerts.length;
				let run: StoredExecution;
				try {
					// Run now, and outside the window: a person rotating on purpose is not held to the schedule's window
					run = await importAndRun(monthly(60, 120), `${file}#mixed`);
				} finally {
					sandbox.configure({ fleet: null });
					sandbox.clearFaults();
				}
				const why = summary(run);
				expect({ status: run.status, why }).toEqual({ status: 'success', why });
				expect(ranNodes(run)).not.toContain('Outside the window: nothing rotated');

				// exactly one summary item, its counts what happened at the sandbox
				const summaries = outputOf(run, 'Summary').flat();
				expect(summaries).toHaveLength(1);
				const [night] = summaries;
				expect(night).toEqual(
					expect.objectContaining({
						devices: 4,
						rotated: 2,
						verified: 1,
						notVerified: 1,
						refused: 1,
						failed: 1,
					}),
				);
				expect((night.needsAttention as Item[]).map((r) => [r.resourceId, r.result])).toEqual(
					fleet
						.filter((id) => id !== verifiedOn)
						.map((id) => [
							id,
							id === unprovisioned ? 'notVerified' : id === refusedOn ? 'refused' : 'failed',
						]),
				);
				const rows = await storedRows();
				// verified: Vobiz and the phone hold the stored current password
				expect(sandbox.devices.state('vobiz', verifiedOn).registered).toBe(true);
				expect(rows.get(verifiedOn)).toEqual(
					expect.objectContaining({
						status: 'current',
						verification: 'verified',
						newPassword: sandbox.devices.vendorPassword('vobiz', verifiedOn),
					}),
				);
				// not verified: Vobiz holds the stored new password, the phone never got it
				expect(sandbox.devices.state('vobiz', unprovisioned).registered).toBe(false);
				expect(rows.get(unprovisioned)).toEqual(
					expect.objectContaining({
						status: 'unverified',
						verification: 'notVerified',
						newPassword: sandbox.devices.vendorPassword('vobiz', unprovisioned),
					}),
				);
				// refused and failed: Vobiz kept its old password; the row says why
				for (const [id, status] of [
					[refusedOn, 'refused'],
					[failedOn, 'unknown'],
				]) {
					expect(sandbox.devices.vendorPassword('vobiz', id)).toBe(passwordsBefore.get(id));
					expect(sandbox.devices.state('vobiz', id).registered).toBe(true);
					expect(rows.get(id)?.status).toBe(status);
				}
				const changes = sandbox
					.requests('vobiz')
					.slice(before)
					.filter((r) => r.method === 'POST' && endpointOf(r.path));
				const refusals = changes.filter((r) => endpointOf(r.path) === refusedOn);
				expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400]);
				expect(new Set(refusals.map((r) => (r.body as { password: string }).password)).size).toBe(
					4,
				); // never the refused one again
				expect(changes.filter((r) => endpointOf(r.path) === failedOn).map((r) => r.status)).toEqual(
					[500],
				);

				// one alert, carrying the summary, no password
				const alerts = sink.alerts.slice(alertsBefore);
				expect(alerts).toHaveLength(1);
				expect(alerts[0]).toEqual(
					expect.objectContaining({
						alert: 'SIP password rotation: 3 of 4 Vobiz endpoints did not verify',
						executionId: run.id,
						summary: night,
					}),
				);
				const passwords = [...rows.values(), ...changes.map((r) => r.body as Item)]
					.flatMap((r) => [r.newPassword, r.previousPassword, r.password])
					.filter((p): p is string => typeof p === 'string' && p !== '');
				expect(passwords.length).toBeGreaterThan(6);
				for (const password of passwords)
					expect(JSON.stringify({ alerts, summaries })).not.toContain(password);
			},
			4 * 60_000,
		);

		test(
			'an empty fleet: one summary item, every count 0, and no alert',
			async () => {
				// An account with no endpoint at all (a second sandbox, every seeded endpoint deleted), and an n8n
				// credential for it, as a team sets up rotation before its first phone is provisioned.
				const empty = await startSandbox({ port: 0 });
				try {
					await deleteEndpoints(empty, await endpointIds(empty));
					expect(await endpointIds(empty)).toEqual([]);
					const type = meta.nodes.find((node) => node.name.toLowerCase() === 'vobiz')!
						.credentialTypes[0];
					const credential = {
						id: shortId('rotation-credential', 'vobiz-empty'),
						name: 'Vobiz (empty sandbox)',
					};
					await n8n.importCredentials([
						{ ...credential, type, data: empty.endpoints().vobiz.credentials },
					]);
					const before = empty.requests('vobiz').length;
					const alertsBefore = sink.alerts.length;
					const run = await importAndRun(monthly(-60, 60), `${file}#empty`, {
						...byType,
						[type]: credential,
					});
					const why = summary(run);
					expect({ status: run.status, why }).toEqual({ status: 'success', why });

					expect(outputOf(run, 'Summary').flat()).toEqual([
						expect.objectContaining({
							devices: 0,
							rotated: 0,
							verified: 0,
							notVerified: 0,
							refused: 0,
							failed: 0,
							needsAttention: [],
						}),
					]);
					expect(ranNodes(run)).toContain('Every endpoint rotated and verified');
					expect(ranNodes(run)).not.toContain('Alert: not every phone verified');
					expect(sink.alerts.slice(alertsBefore)).toEqual([]);
					// nothing was read per endpoint or written: the one list call was all
					expect(ranNodes(run)).not.toContain('Its stored passwords');
					expect(
						empty
							.requests('vobiz')
							.slice(before)
							.map((r) => r.method),
					).toEqual(['GET']);
				} finally {
					await empty.close();
				}
			},
			4 * 60_000,
		);

		test(
			'a scheduled run inside its window where every phone picks up its password: all verified, no alert; each row keeps current and previous',
			async () => {
				const rowsBefore = await storedRows();
				const before = sandbox.requests('vobiz').length;
				const alertsBefore = sink.alerts.length;
				const watcher = provisionWatcher(sandbox, 'vobiz', 'password', endpointOf);
				let run: StoredExecution;
				try {
					// a scheduled (production) run inside its window
					({ execution: run } = await runInProduction(monthly(-60, 60), `${file}#all`));
				} finally {
					watcher.stop();
				}
				const why = summary(run);
				expect({ status: run.status, mode: run.mode, why }).toEqual({
					status: 'success',
					mode: 'webhook',
					why,
				});
				expect(outputOf(run, 'Summary').flat()).toEqual([
					expect.objectContaining({
						devices: 4,
						rotated: 4,
						verified: 4,
						notVerified: 0,
						refused: 0,
						failed: 0,
						needsAttention: [],
					}),
				]);
				expect(ranNodes(run)).toContain('Every endpoint rotated and verified');
				expect(ranNodes(run)).not.toContain('Alert: not every phone verified');
				expect(sink.alerts.slice(alertsBefore)).toEqual([]);
				for (const item of outputOf(run, 'Apply the pending password').flat())
					expect(item).not.toHaveProperty('newPassword');

				// one change per endpoint with the password stored as pending; the row now holds it as current, and as
				// previous the one that was current before (none where the last rotation did not end current)
				const changes = sandbox
					.requests('vobiz')
					.slice(before)
					.filter((r) => r.method === 'POST' && endpointOf(r.path));
				expect(changes.map((r) => endpointOf(r.path))).toEqual(fleet);
				const rows = await storedRows();
				for (const id of fleet) {
					const password = sandbox.devices.vendorPassword('vobiz', id);
					expect(changes.find((r) => endpointOf(r.path) === id)!.body).toEqual({ password });
					expect(sandbox.devices.state('vobiz', id).registered).toBe(true);
					const was = rowsBefore.get(id)!;
					expect(rows.get(id)).toEqual(
						expect.objectContaining({
							status: 'current',
							newPassword: password,
							previousPassword: was.status === 'current' ? was.newPassword : was.previousPassword,
						}),
					);
				}
				expect(
					rows.get(fleet.find((id) => rowsBefore.get(id)!.status === 'current')!)!.previousPassword,
				).not.toBe('');
			},
			4 * 60_000,
		);

		test(
			'when the rotation itself fails in a production run, the error workflow alerts once: workflow, execution, error, no secret',
			async () => {
				const errorWorkflow = bindWorkflow(
					withSettings(example('rotation-error-alert.json'), 'Alert settings', {
						alertUrl: sink.url,
					}),
					byType,
					'rotation-error-alert.json',
				);
				// the monthly example names its error workflow by this id
				expect(example(file).settings).toEqual(
					expect.objectContaining({ errorWorkflow: errorWorkflow.id }),
				);
				await n8n.importWorkflow(errorWorkflow);
				await activateWorkflow(editor, errorWorkflow.id); // n8n 2.x runs an error workflow only while it is published

				// Vobiz answers the list with 500s: the run fails on its first Vobiz node. It runs as production runs it (n8n
				// calls no error workflow for a manual run).
				sandbox.injectFault({
					vendor: 'vobiz',
					mode: 'status',
					method: 'GET',
					path: '^/api/v1/Account/[^/]+/Endpoint/$',
					count: 100,
					status: 500,
					body: { error: 'internal error' },
				});
				const before = sandbox.requests('vobiz').length;
				const alertsBefore = sink.alerts.length;
				let rotation: WorkflowJson;
				let failed: StoredExecution;
				try {
					({ workflow: rotation, execution: failed } = await runInProduction(
						monthly(-60, 60),
						`${file}#fails`,
					));
					await sink.waitFor(alertsBefore + 1, 90_000);
					// and no second alert follows
					await new Promise((r) => setTimeout(r, 3000));
				} finally {
					sandbox.clearFaults();
				}
				const alerts = sink.alerts.slice(alertsBefore);
				expect(alerts).toHaveLength(1);
				const [alert] = alerts;
				expect({
					status: failed.status,
					mode: failed.mode,
					workflowId: failed.raw.workflowId,
				}).toEqual({ status: 'error', mode: 'webhook', workflowId: rotation.id });
				expect(failed.error?.message).toEqual(expect.stringContaining('500'));
				expect(alert).toEqual({
					alert: `SIP password rotation workflow failed: ${rotation.name}`,
					workflow: rotation.name,
					workflowId: rotation.id,
					executionId: failed.id,
					executionUrl: `${editor.url}/workflow/${rotation.id}/executions/${failed.id}`,
					mode: 'webhook',
					failedNode: 'List every Vobiz endpoint',
					error: failed.error!.message,
				});
				// the run never got past the list: no write
				expect(
					sandbox
						.requests('vobiz')
						.slice(before)
						.filter((r) => r.method !== 'GET'),
				).toEqual([]);
				for (const secret of [
					...sandbox.secrets(),
					...fleet.map((id) => sandbox.devices.vendorPassword('vobiz', id)!),
				])
					expect(JSON.stringify(alert)).not.toContain(secret);
			},
			4 * 60_000,
		);
	});
	describe('reconcile-vobiz-daily.json (after the monthly rotation left every endpoint current)', () => {
		const file = 'reconcile-vobiz-daily.json';
		const endpointPath = /^\/api\/v1\/Account\/[^/]+\/Endpoint\/(\d+)\/$/;
		const endpointOf = (p: string) => endpointPath.exec(p)?.[1];

		test(
			're-applies the stored password where Vobiz drifted from the store, and alerts the sink only for the phone it cannot repair',
			async () => {
				const { baseUrl, credentials } = sandbox.endpoints().vobiz;
				const headers = vobizHeaders(sandbox);
				const listed = await fetch(
					`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/?limit=100&offset=0`,
					{ headers },
				);
				const fleet = (
					(await listed.json()) as { objects: Array<{ endpoint_id: string }> }
				).objects.map((o) => o.endpoint_id);
				expect(fleet).toHaveLength(4);
				const [drifted, lost, ...untouched] = fleet;
				for (const id of fleet) expect(sandbox.devices.state('vobiz', id).registered).toBe(true);
				const stored = sandbox.devices.vendorPassword('vobiz', drifted)!;
				// Drift at the vendor: someone changed the password at Vobiz; the phone keeps the stored current one.
				const changed = await fetch(
					`${baseUrl}/api/v1/Account/${credentials.authId}/Endpoint/${drifted}/`,
					{
						method: 'POST',
						headers,
						body: JSON.stringify({ password: 'Changed-behind-the-store-1' }),
					},
				);
				expect(changed.status).toBe(202);
				// Drift at the phone: it lost its password; only re-provisioning the phone can fix that.
				sandbox.devices.provision('vobiz', lost, 'Lost-its-password-1');
				expect(sandbox.devices.state('vobiz', drifted).registered).toBe(false);
				expect(sandbox.devices.state('vobiz', lost).registered).toBe(false);

				const sink = await startAlertSink();
				const before = sandbox.requests('vobiz').length;
				let run: StoredExecution;
				try {
					run = await importAndRun(
						withSettings(example(file), 'Alert settings', { alertUrl: sink.url }),
						file,
					);
				} finally {
					await sink.close();
				}
				const alerts = sink.alerts;
				const why = summary(run);
				expect({ status: run.status, why }).toEqual({ status: 'success', why });

				// Get Many kept only the two endpoints not registered; the others were never written to.
				expect(
					outputOf(run, 'Endpoints not registered since yesterday')
						.flat()
						.map((i) => i.endpoint_id)
						.sort(),
				).toEqual([drifted, lost].sort());
				const writes = sandbox
					.requests('vobiz')
					.slice(before)
					.filter((r) => r.method === 'POST' && endpointOf(r.path));
				expect(writes.map((r) => endpointOf(r.path)).sort()).toEqual([drifted, lost].sort());
				for (const id of untouched) expect(writes.map((r) => endpointOf(r.path))).not.toContain(id);
				// The drifted endpoint holds the stored password again, and its phone registered with it.
				expect(sandbox.devices.vendorPassword('vobiz', drifted)).toBe(stored);
				expect(sandbox.devices.state('vobiz', drifted).registered).toBe(true);
				const reapplied = outputOf(run, 'Re-apply the stored password').flat();
				expect(reapplied.find((i) => i.resourceId === drifted)?.verification).toBe('verified');
				// Exactly one alert, for the phone that lost its password; no password in it.
				expect(alerts.map((a) => [a.vendor, a.endpointId])).toEqual([['Vobiz', lost]]);
				expect(String(alerts[0].reason)).toContain('did not register');
				expect(JSON.stringify(alerts)).not.toContain(stored);
				expect(JSON.stringify(alerts)).not.toContain(
					sandbox.devices.vendorPassword('vobiz', lost)!,
				);
			},
			4 * 60_000,
		);
	});

	/** The example with the values of its settings (Set) node replaced, as a user fills them in. */
	function withSettings(
		workflow: WorkflowJson,
		node: string,
		values: Record<string, unknown>,
	): WorkflowJson {
		const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
		const settings = copy.nodes.find((n) => n.name === node)!;
		const assignments = (
			settings.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }
		).assignments;
		for (const [name, value] of Object.entries(values)) {
			const assignment = assignments.find((a) => a.name === name);
			expect(assignment).toBeDefined();
			assignment!.value = value;
		}
		return copy;
	}

	describe('rotation-netsapiens-to-ultravox.json', () => {
		const file = 'rotation-netsapiens-to-ultravox.json';

		test(
			'one generated password reaches the NetSapiens device and the Ultravox registration that logs in as it; both verify',
			async () => {
				const { domain, user, userDevices } = sandbox.endpoints().netsapiens.seeded as {
					domain: string;
					user: string;
					userDevices: string[];
				};
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
				const ultravox = provisionWatcher(sandbox, 'ultravox', 'password', (p) =>
					p === registrationPath ? registrationId : undefined,
				);
				const phone = setInterval(() => {
					for (const r of sandbox.requests('ultravox').slice(uvBefore)) {
						const password = (r.body as { password?: string } | undefined)?.password;
						if (
							r.method === 'PATCH' &&
							r.path === registrationPath &&
							password &&
							!netsapiensSeen.includes(password)
						) {
							netsapiensSeen.push(password);
							sandbox.devices.provision('netsapiens', `${device}@${domain}`, password);
						}
					}
				}, 25);
				let run: StoredExecution;
				try {
					run = await importAndRun(
						withSettings(example(file), 'Which device and registration', {
							domain,
							user,
							device,
							ultravoxRegistrationId: registrationId,
						}),
						file,
					);
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
					expect.objectContaining({
						vendor: 'NetSapiens',
						resourceId: `${domain}/${user}/${device}`,
						verification: 'skipped',
					}),
				]);
				const [uv] = outputOf(run, 'Ultravox: apply the same password').flat();
				expect(uv).toEqual(
					expect.objectContaining({
						vendor: 'Ultravox',
						resourceId: registrationId,
						verification: 'verified',
					}),
				);
				for (const node of [
					'NetSapiens: apply it to the device',
					'Ultravox: apply the same password',
				])
					for (const item of outputOf(run, node).flat())
						expect(item).not.toHaveProperty('newPassword');
				expect(
					outputOf(run, 'Promote: mark it current')
						.flat()
						.map((r) => r.status),
				).toEqual(['current']);
				expect(ranNodes(run)).not.toContain('Stop: not registered with the new password');

				// the sandbox: the same password, once each, at both vendors
				const nsPuts = sandbox
					.requests('netsapiens')
					.slice(nsBefore)
					.filter((r) => r.method === 'PUT');
				const uvPatches = sandbox
					.requests('ultravox')
					.slice(uvBefore)
					.filter((r) => r.method === 'PATCH');
				expect(
					nsPuts.map((r) => [
						r.path,
						(r.body as Record<string, unknown>)['device-sip-registration-password'],
					]),
				).toEqual([[devicePath, password]]);
				expect(
					uvPatches.map((r) => [r.path, (r.body as Record<string, unknown>).password]),
				).toEqual([[registrationPath, password]]);
				expect(sandbox.devices.vendorPassword('netsapiens', `${device}@${domain}`)).toBe(password);
				expect(sandbox.devices.vendorPassword('ultravox', registrationId)).toBe(password);
				expect(sandbox.devices.state('netsapiens', `${device}@${domain}`).registered).toBe(true);
			},
			4 * 60_000,
		);
	});

	describe('rotation-signalwire-rollback.json', () => {
		const file = 'rotation-signalwire-rollback.json';

		test(
			'a new password that is not verified (SignalWire: notVerifiable) is rolled back to the stored previous one',
			async () => {
				const [endpointId] = sandbox.endpoints().signalwire.seeded.sipEndpointIds as string[];
				const previous = sandbox.devices.vendorPassword('signalwire', endpointId)!;
				expect(previous).toEqual(expect.any(String));

				// The store as an earlier rotation leaves it: the endpoint's current password in the data table.
				const seed: WorkflowJson = {
					id: shortId('rotation-seed', endpointId),
					name: 'Seed the rotation table',
					nodes: [
						{
							id: 's1',
							name: 'Run now',
							type: 'n8n-nodes-base.manualTrigger',
							typeVersion: 1,
							position: [0, 0],
							parameters: {},
						},
						{
							...example(file).nodes.find(
								(n) => n.type === 'n8n-nodes-base.dataTable' && n.parameters.operation === 'upsert',
							)!,
							id: 's2',
							name: 'Store the current password',
							position: [220, 0],
						},
					],
					connections: {
						'Run now': { main: [[{ node: 'Store the current password', type: 'main', index: 0 }]] },
					},
				};
				const store = seed.nodes[1].parameters as {
					filters: { conditions: Array<{ keyValue: string }> };
					columns: { value: Record<string, string> };
				};
				store.filters.conditions[1].keyValue = endpointId;
				store.columns.value = {
					...store.columns.value,
					resourceId: endpointId,
					newPassword: previous,
					previousPassword: '',
					status: 'current',
					updated: '',
				};
				// the table exists once any rotation example ran; make sure it does when this test runs alone
				const table = example('rotation-vobiz-monthly.json').nodes.find(
					(n) => n.name === 'Make sure the rotation table exists',
				)!;
				seed.nodes.splice(1, 0, { ...table, id: 's0', position: [110, 0] });
				seed.connections = {
					'Run now': { main: [[{ node: table.name, type: 'main', index: 0 }]] },
					[table.name]: {
						main: [[{ node: 'Store the current password', type: 'main', index: 0 }]],
					},
				};
				const seeded = await importAndRun(seed, 'seed');
				expect({ status: seeded.status, why: summary(seeded) }).toEqual({
					status: 'success',
					why: summary(seeded),
				});

				const before = sandbox.requests('signalwire').length;
				const run = await importAndRun(
					withSettings(example(file), 'Which SIP endpoint', { endpointId }),
					file,
				);
				const why = summary(run);
				expect({ status: run.status, why }).toEqual({ status: 'success', why });

				// n8n: applied, not verifiable → the IF took the rollback branch, which re-applied the previous password
				const [applied] = outputOf(run, 'Apply the new password').flat();
				expect(applied).toEqual(
					expect.objectContaining({
						vendor: 'SignalWire',
						resourceId: endpointId,
						verification: 'notVerifiable',
					}),
				);
				expect(ranNodes(run)).not.toContain('Promote: mark it current');
				const [rolledBack] = outputOf(run, 'Roll back to the previous password').flat();
				expect(rolledBack).toEqual(
					expect.objectContaining({ resourceId: endpointId, verification: 'notVerifiable' }),
				);
				for (const item of [applied, rolledBack]) expect(item).not.toHaveProperty('newPassword');
				const [row] = outputOf(run, 'Record the rollback').flat();
				expect(row).toEqual(
					expect.objectContaining({
						resourceId: endpointId,
						status: 'current',
						verification: 'rolled back: the new password was notVerifiable',
					}),
				);
				expect(row.newPassword).toBe(previous);

				// the sandbox: two PUTs — the new password, then the previous one — and the endpoint ends on the previous one
				const generated = outputOf(run, 'Generate a new password').flat()[0].newPassword as string;
				const puts = sandbox
					.requests('signalwire')
					.slice(before)
					.filter((r) => r.method === 'PUT');
				expect(puts.map((r) => [r.path, (r.body as { password: string }).password])).toEqual([
					[`/api/relay/rest/endpoints/sip/${endpointId}`, generated],
					[`/api/relay/rest/endpoints/sip/${endpointId}`, previous],
				]);
				expect(generated).not.toBe(previous);
				expect(sandbox.devices.vendorPassword('signalwire', endpointId)).toBe(previous);
			},
			4 * 60_000,
		);
	});
});
