/**
 * What a person meets in the demo's sandbox (`npm start`, `npm run sandbox -- --fleet`): the admin index
 * at the URL `npm start` prints, and the simulated fleet whose phones get their new passwords.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

const CLI = path.join(__dirname, '..', '..', 'sandbox', 'cli.ts');
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Ultravox's registration state as its API shows it (`successful`), after a PATCH of the password. */
function ultravox(sandbox: Sandbox) {
	const { baseUrl, credentials } = sandbox.endpoints().ultravox;
	const headers = { 'X-API-Key': String(credentials.apiKey), 'content-type': 'application/json' };
	return {
		ids: () => sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[],
		/** Every registration, through Ultravox's own paging. */
		async all(): Promise<string[]> {
			const ids: string[] = [];
			for (let url: string | null = `${baseUrl}/api/sip/registrations?pageSize=100`; url;) {
				const page = (await (await fetch(url, { headers })).json()) as {
					results: Array<{ registrationId: string }>;
					next: string | null;
				};
				ids.push(...page.results.map((r) => r.registrationId));
				url = page.next;
			}
			return ids;
		},
		async changePassword(id: string, password: string) {
			const r = await fetch(`${baseUrl}/api/sip/registrations/${id}`, {
				method: 'PATCH',
				headers,
				body: JSON.stringify({ password }),
			});
			expect(r.status).toBe(200);
		},
		async registered(id: string): Promise<boolean> {
			const r = await fetch(`${baseUrl}/api/sip/registrations/${id}`, { headers });
			return ((await r.json()) as { successful: boolean }).successful;
		},
	};
}

describe('GET /__admin: the page `npm start` prints the URL of', () => {
	let sandbox: Sandbox;
	beforeAll(async () => (sandbox = await startSandbox()));
	afterAll(async () => await sandbox.close());

	it('a browser gets an HTML page listing every admin call and each vendor base URL', async () => {
		for (const url of [`${sandbox.url}/__admin`, `${sandbox.url}/__admin/`, `${sandbox.url}/`]) {
			const r = await fetch(url, {
				headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
			});
			expect({ url, status: r.status, type: r.headers.get('content-type') }).toEqual({
				url,
				status: 200,
				type: 'text/html; charset=utf-8',
			});
			const page = await r.text();
			for (const call of [
				'/__admin/requests',
				'/__admin/faults',
				'/__admin/config',
				'/__admin/reset',
				'/__admin/devices/&lt;vendor&gt;/&lt;id&gt;/provision',
			])
				expect(page).toContain(call);
			for (const endpoint of Object.values(sandbox.endpoints()))
				expect(page).toContain(endpoint.baseUrl);
			expect(page).not.toContain('sandboxError');
		}
	});

	it('a client gets the same as JSON, and every call it lists answers (none is a 404)', async () => {
		const r = await fetch(`${sandbox.url}/__admin`);
		expect(r.headers.get('content-type')).toBe('application/json');
		const index = (await r.json()) as {
			vendors: Record<string, string>;
			calls: Array<{ method: string; path: string }>;
			config: object;
		};
		expect(Object.keys(index.vendors).sort()).toEqual([
			'netsapiens',
			'opentact',
			'signalwire',
			'ultravox',
			'vobiz',
		]);
		expect(index.config).toEqual(expect.objectContaining({ fleet: null }));
		for (const call of index.calls) {
			const [registration] = ultravox(sandbox).ids(); // a reset call gives new IDs
			const concrete = call.path
				.replace('<vendor>', 'ultravox')
				.replace('<id>', registration)
				.replace('?vendor=ultravox', '');
			const body =
				call.method === 'POST'
					? JSON.stringify(
							concrete.endsWith('/faults') ? { vendor: 'ultravox', mode: 'delay', count: 0 } : {},
						)
					: undefined;
			const answer = await fetch(`${sandbox.url}${concrete}`, { method: call.method, body });
			expect({ call: `${call.method} ${concrete}`, status: answer.status < 400 }).toEqual({
				call: `${call.method} ${concrete}`,
				status: true,
			});
		}
	});

	it('an unknown admin call points at the index', async () => {
		const r = await fetch(`${sandbox.url}/__admin/nope`);
		expect(r.status).toBe(404);
		expect(((await r.json()) as { sandboxError: string }).sandboxError).toBe(
			`Unknown admin call GET /__admin/nope; GET ${sandbox.url}/__admin lists them`,
		);
	});
});

describe('demo fleet: a provisioning server gives the phones their new passwords', () => {
	it('off (the default the tests use): a phone stays unregistered until provisioned', async () => {
		const sandbox = await startSandbox();
		try {
			const api = ultravox(sandbox);
			const [id] = api.ids();
			await api.changePassword(id, 'Fresh-Pass-0001');
			await sleep(150);
			expect(await api.registered(id)).toBe(false);
		} finally {
			await sandbox.close();
		}
	});

	it('on: the phone registers with the new password the provisioning delay after the change', async () => {
		const sandbox = await startSandbox({
			config: {
				fleet: { provisionDelayMs: 300, neverProvisionedShare: 0 },
				registrationDelayMs: 100,
			},
		});
		try {
			const api = ultravox(sandbox);
			const [id] = api.ids();
			expect(await api.registered(id)).toBe(true);
			await api.changePassword(id, 'Fresh-Pass-0002');
			expect(await api.registered(id)).toBe(false);
			await sleep(250);
			expect(await api.registered(id)).toBe(false); // not provisioned yet
			await sleep(300);
			expect(await api.registered(id)).toBe(true); // provisioned at 300 ms, registered 100 ms later
			expect(sandbox.devices.vendorPassword('ultravox', id)).toBe('Fresh-Pass-0002');
		} finally {
			await sandbox.close();
		}
	});

	it('with no delay, a Read Back right after the change sees the phone registered after the change', async () => {
		const sandbox = await startSandbox({
			config: { fleet: { provisionDelayMs: 0, neverProvisionedShare: 0 } },
		});
		try {
			const api = ultravox(sandbox);
			const [id] = api.ids();
			const changedAt = Date.now();
			await api.changePassword(id, 'Fresh-Pass-0003');
			expect(await api.registered(id)).toBe(true);
			expect(
				Date.parse(sandbox.devices.state('ultravox', id).registeredAt!),
			).toBeGreaterThanOrEqual(changedAt);
		} finally {
			await sandbox.close();
		}
	});

	it('a configured share of the phones never comes back, the same phones on every change', async () => {
		// 250 phones × 2 rounds: Ultravox's 200 requests/s limit is not what this test is about
		const sandbox = await startSandbox({
			config: {
				fleet: { provisionDelayMs: 0, neverProvisionedShare: 0.1 },
				rateLimits: { ultravox: 0 },
			},
		});
		try {
			const api = ultravox(sandbox);
			const ids = await api.all();
			expect(ids.length).toBe(250);
			const stuckAfter = async (round: number) => {
				for (const id of ids) await api.changePassword(id, `Round-${round}-Pass-${id.slice(0, 8)}`);
				const stuck: string[] = [];
				for (const id of ids) if (!(await api.registered(id))) stuck.push(id);
				return stuck;
			};
			const first = await stuckAfter(1);
			// 10 % of 250, give or take what a hash of the IDs picks
			expect(first.length).toBeGreaterThanOrEqual(10);
			expect(first.length).toBeLessThanOrEqual(45);
			expect(await stuckAfter(2)).toEqual(first);
			// someone fixes one of them by hand: it registers
			sandbox.devices.provision('ultravox', first[0], `Round-2-Pass-${first[0].slice(0, 8)}`);
			expect(await api.registered(first[0])).toBe(true);
		} finally {
			await sandbox.close();
		}
	}, 60_000);
});

describe('npm run sandbox: demo flags', () => {
	function run(
		args: string[],
	): Promise<{ code: number | null; stdout: string; stderr: string; kill: () => Promise<void> }> {
		const child = spawn(
			process.execPath,
			[require.resolve('ts-node/dist/bin.js'), '--transpile-only', CLI, '--port', '0', ...args],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const kill = async () => {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await new Promise((resolve) => child.once('exit', resolve));
			}
		};
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`no output within 30 s: ${stdout}${stderr}`)),
				30_000,
			);
			child.stdout.on('data', () => {
				if (!stdout.includes('\n')) return;
				clearTimeout(timer);
				resolve({ code: null, stdout, stderr, kill });
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				resolve({ code, stdout, stderr, kill });
			});
		});
	}

	it('--fleet --provision-delay-ms 1500 --never-provisioned-percent 10 turns the fleet on and says so in its JSON line', async () => {
		const r = await run([
			'--fleet',
			'--provision-delay-ms',
			'1500',
			'--never-provisioned-percent',
			'10',
		]);
		try {
			const printed = JSON.parse(r.stdout.trim());
			expect(printed.fleet).toEqual({ provisionDelayMs: 1500, neverProvisionedShare: 0.1 });
			const config = (await (await fetch(`${printed.admin}/config`)).json()) as { fleet: unknown };
			expect(config.fleet).toEqual({ provisionDelayMs: 1500, neverProvisionedShare: 0.1 });
		} finally {
			await r.kill();
		}
	});

	it('a fleet option without --fleet, or a share over 100, is refused with words', async () => {
		const without = await run(['--provision-delay-ms', '1500']);
		expect({ code: without.code, stderr: without.stderr.trim() }).toEqual({
			code: 1,
			stderr:
				"sandbox failed to start: --provision-delay-ms needs --fleet (the demo's simulated fleet)",
		});
		const tooMuch = await run(['--fleet', '--never-provisioned-percent', '150']);
		expect({ code: tooMuch.code, stderr: tooMuch.stderr.trim() }).toEqual({
			code: 1,
			stderr:
				'sandbox failed to start: --never-provisioned-percent must be a number from 0 to 100 (got "150")',
		});
	});
});
