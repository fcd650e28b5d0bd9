import { spawn } from 'node:child_process';
import path from 'node:path';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

/** Plain HTTP against the sandbox, the way any client sees it. */
async function call(
	sandbox: Sandbox,
	method: string,
	pathname: string,
	options: { key?: string | null; body?: unknown } = {},
): Promise<{ status: number; text: string; json: any; headers: Headers }> {
	const { credentials } = sandbox.endpoints().ultravox;
	const key = options.key === undefined ? (credentials.apiKey as string) : options.key;
	const response = await fetch(`${sandbox.url}/ultravox${pathname}`, {
		method,
		headers: { ...(key ? { 'X-API-Key': key } : {}), 'content-type': 'application/json' },
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json, headers: response.headers };
}

describe('vendor sandbox: Ultravox contract', () => {
	let sandbox: Sandbox;
	let id: string;
	beforeAll(async () => (sandbox = await startSandbox()));
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		id = (sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[])[0];
	});

	it('answers 401 for a missing or wrong X-API-Key', async () => {
		expect(await call(sandbox, 'GET', '/api/accounts/me', { key: null })).toMatchObject({
			status: 401,
			json: { detail: 'Authentication credentials were not provided.' },
		});
		expect(await call(sandbox, 'GET', '/api/accounts/me', { key: 'Zk9Ht7Lm.nope' })).toMatchObject({
			status: 401,
			json: { detail: 'Invalid API key.' },
		});
	});

	it('rejects what the spec forbids with a DRF-shaped 400: username over 60, unknown and read-only fields', async () => {
		const tooLong = await call(sandbox, 'PATCH', `/api/sip/registrations/${id}`, {
			body: { username: 'u'.repeat(61) },
		});
		expect(tooLong).toMatchObject({
			status: 400,
			json: { username: ['Ensure this field has no more than 60 characters.'] },
		});
		const unknown = await call(sandbox, 'PATCH', `/api/sip/registrations/${id}`, {
			body: { colour: 'red', successful: true },
		});
		expect(unknown.status).toBe(400);
		expect(Object.keys(unknown.json).sort()).toEqual(['colour', 'successful']);
		const missing = await call(sandbox, 'POST', '/api/sip/registrations', {
			body: { username: 'a' },
		});
		expect(missing).toMatchObject({
			status: 400,
			json: { password: ['This field is required.'], proxy: ['This field is required.'] },
		});
	});

	it('never returns a password and pages with absolute next URLs', async () => {
		const first = await call(sandbox, 'GET', '/api/sip/registrations?pageSize=100');
		expect(first.json.results).toHaveLength(100);
		expect(first.json.total).toBe(250);
		expect(first.text).not.toContain('"password"');
		expect(first.json.next).toMatch(
			new RegExp(`^${sandbox.url}/ultravox/api/sip/registrations\\?cursor=`),
		);
		const second = await fetch(first.json.next, {
			headers: { 'X-API-Key': sandbox.endpoints().ultravox.credentials.apiKey as string },
		});
		const secondPage = (await second.json()) as any;
		expect(secondPage.results[0].username).toBe('ext1100');
		expect(secondPage.previous).toBeTruthy();
	});

	it('limits each API key to its per-second budget with 429 and Retry-After', async () => {
		sandbox.configure({ rateLimits: { ultravox: 5 } });
		const answers = await Promise.all(
			Array.from({ length: 8 }, () => call(sandbox, 'GET', '/api/accounts/me')),
		);
		const limited = answers.filter((answer) => answer.status === 429);
		expect(limited).toHaveLength(3);
		expect(limited[0].headers.get('retry-after')).toBe('1');
		expect(limited[0].json.detail).toMatch(/^Request was throttled/);
		const otherKey = sandbox.endpoints().ultravox.seeded.secondApiKey as string;
		expect((await call(sandbox, 'GET', '/api/accounts/me', { key: otherKey })).status).toBe(200);
		sandbox.configure({ rateLimits: { ultravox: 200 } });
	});

	it('simulates registration: a new password unregisters the device until it is provisioned, then it registers after the delay', async () => {
		sandbox.configure({ registrationDelayMs: 150 });
		expect((await call(sandbox, 'GET', `/api/sip/registrations/${id}`)).json.successful).toBe(true);
		await call(sandbox, 'PATCH', `/api/sip/registrations/${id}`, {
			body: { password: 'Fresh-Pass-0001' },
		});
		expect((await call(sandbox, 'GET', `/api/sip/registrations/${id}`)).json.successful).toBe(
			false,
		);
		const provision = await fetch(`${sandbox.url}/__admin/devices/ultravox/${id}/provision`, {
			method: 'POST',
			body: JSON.stringify({ password: 'Fresh-Pass-0001' }),
		});
		expect(provision.status).toBe(200);
		expect((await call(sandbox, 'GET', `/api/sip/registrations/${id}`)).json.successful).toBe(
			false,
		);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect((await call(sandbox, 'GET', `/api/sip/registrations/${id}`)).json.successful).toBe(true);
		sandbox.configure({ registrationDelayMs: 0 });
	});
});

describe('vendor sandbox: fault injection (admin endpoint)', () => {
	let sandbox: Sandbox;
	let id: string;
	const inject = async (fault: object) =>
		await fetch(`${sandbox.url}/__admin/faults`, {
			method: 'POST',
			body: JSON.stringify({ vendor: 'ultravox', ...fault }),
		});

	beforeAll(async () => (sandbox = await startSandbox()));
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		id = (sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[])[0];
	});

	it('status: the next N matching requests answer with the given status, body and headers', async () => {
		expect(
			(
				await inject({
					mode: 'status',
					status: 503,
					count: 2,
					path: '^/api/accounts',
					body: { detail: 'down' },
					headers: { 'retry-after': '7' },
				})
			).status,
		).toBe(201);
		const first = await call(sandbox, 'GET', '/api/accounts/me');
		expect(first).toMatchObject({ status: 503, json: { detail: 'down' } });
		expect(first.headers.get('retry-after')).toBe('7');
		expect((await call(sandbox, 'GET', `/api/sip/registrations/${id}`)).status).toBe(200);
		expect((await call(sandbox, 'GET', '/api/accounts/me')).status).toBe(503);
		expect((await call(sandbox, 'GET', '/api/accounts/me')).status).toBe(200);
	});

	it('delay: the answer comes after the given delay', async () => {
		await inject({ mode: 'delay', delayMs: 300 });
		const started = Date.now();
		expect((await call(sandbox, 'GET', '/api/accounts/me')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('reset: the connection is dropped without an answer', async () => {
		await inject({ mode: 'reset' });
		await expect(call(sandbox, 'GET', '/api/accounts/me')).rejects.toThrow();
		expect((await call(sandbox, 'GET', '/api/accounts/me')).status).toBe(200);
	});

	it('malformed: a 200 whose JSON body is cut off', async () => {
		await inject({ mode: 'malformed' });
		const answer = await call(sandbox, 'GET', '/api/accounts/me');
		expect(answer.status).toBe(200);
		expect(answer.json).toBeUndefined();
		expect(answer.text).toBe('{"truncated": ');
	});

	it('empty: a 200 with no body where JSON is expected', async () => {
		await inject({ mode: 'empty' });
		const answer = await call(sandbox, 'GET', '/api/accounts/me');
		expect([answer.status, answer.text]).toEqual([200, '']);
	});

	it('timeout: the request hangs and is then dropped', async () => {
		await inject({ mode: 'timeout', delayMs: 200 });
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), 100);
		await expect(
			fetch(`${sandbox.url}/ultravox/api/accounts/me`, {
				headers: { 'X-API-Key': sandbox.endpoints().ultravox.credentials.apiKey as string },
				signal: controller.signal,
			}),
		).rejects.toThrow();
		clearTimeout(timer);
	});

	it('applyThenDrop: the change is applied, then the answer is lost', async () => {
		await inject({ mode: 'applyThenDrop', method: 'PATCH' });
		await expect(
			call(sandbox, 'PATCH', `/api/sip/registrations/${id}`, {
				body: { proxy: 'applied.example.com' },
			}),
		).rejects.toThrow();
		expect((await call(sandbox, 'GET', `/api/sip/registrations/${id}`)).json.proxy).toBe(
			'applied.example.com',
		);
	});
});

describe('npm run sandbox', () => {
	it('prints exactly one JSON line with each vendor baseUrl, sample credentials and seeded IDs, and runs until killed', async () => {
		const child = spawn(
			process.execPath,
			[
				require.resolve('ts-node/dist/bin.js'),
				'--transpile-only',
				path.join(__dirname, '..', '..', 'sandbox', 'cli.ts'),
				'--port',
				'0',
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let stdout = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no output: ${stdout}`)), 30000);
			child.stdout.on('data', () => {
				if (stdout.includes('\n')) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		const lines = stdout.trim().split('\n');
		expect(lines).toHaveLength(1);
		const printed = JSON.parse(lines[0]);
		expect(printed.vendors.ultravox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ultravox$/);
		expect(Object.keys(printed.vendors.ultravox.credentials).sort()).toEqual(['apiKey', 'baseUrl']);
		const me = await fetch(`${printed.vendors.ultravox.baseUrl}/api/accounts/me`, {
			headers: { 'X-API-Key': printed.vendors.ultravox.credentials.apiKey },
		});
		expect(me.status).toBe(200);
		expect(child.exitCode).toBeNull();
		child.kill('SIGTERM');
		await new Promise((resolve) => child.on('exit', resolve));
	});
});
