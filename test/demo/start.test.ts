/**
 * `npm start` (scripts/start.js) before it builds anything: the ports it refuses, with the exact command that works,
 * and one run per demo folder — a second `npm start` in the same clone is refused and the first one keeps running.
 * (The full demo, n8n included, runs in e2e/demo.e2e.test.ts.)
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const START = path.join(ROOT, 'scripts', 'start.js');

function listen(port = 0): Promise<Server> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}
const portOf = (server: Server) => (server.address() as { port: number }).port;
async function freePort(): Promise<number> {
	const server = await listen();
	const port = portOf(server);
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function runStart(
	args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [START, '--no-build', ...args], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`start.js did not exit within 30 s:\n${stdout}${stderr}`));
		}, 30_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

/** A process whose command line is a start script's, sleeping until killed: the first `npm start` of a test. */
function sleeper(...args: string[]): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', START, ...args], {
		detached: true,
		stdio: 'ignore',
	});
	return new Promise((resolve) => setTimeout(() => resolve(child), 200));
}
const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe('npm start, before it builds anything', () => {
	let folder: string;
	const started: ChildProcess[] = [];
	beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'sip-demo-'))));
	afterEach(() => {
		for (const child of started.splice(0))
			if (child.pid && isAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
		rmSync(folder, { recursive: true, force: true });
	});

	it('a port in use is refused with the exact command to run instead, `--` included', async () => {
		const busy = await listen();
		try {
			const sandboxPort = await freePort();
			const r = await runStart([
				'--port',
				String(portOf(busy)),
				'--sandbox-port',
				String(sandboxPort),
				'--demo-folder',
				folder,
			]);
			expect(r.code).toBe(1);
			const suggested = /npm start -- --port (\d+) --sandbox-port (\d+)\n$/.exec(r.stderr);
			expect(r.stderr).toContain(
				`[start] failed: port ${portOf(busy)} (n8n) is in use. Choose free ports, e.g.:\n  npm start -- --port `,
			);
			expect(suggested).not.toBeNull();
			expect(Number(suggested![1])).not.toBe(portOf(busy));
			expect(Number(suggested![2])).toBe(sandboxPort);
			expect(r.stdout).not.toContain('building');
			expect(existsSync(path.join(folder, 'start.lock'))).toBe(false); // a refused run leaves no lock behind
		} finally {
			busy.close();
		}
	});

	it('a second npm start in the same demo folder is refused and leaves the first one and its processes running', async () => {
		const first = await sleeper('--demo-folder', folder);
		const firstsSandbox = await sleeper('sandbox');
		started.push(first, firstsSandbox);
		const lock = {
			pid: first.pid,
			startedAt: new Date().toISOString(),
			processes: [{ pid: firstsSandbox.pid, marker: 'sandbox' }],
			n8nUrl: 'http://localhost:5678',
			sandboxUrl: 'http://127.0.0.1:4010',
		};
		writeFileSync(path.join(folder, 'start.lock'), JSON.stringify(lock));
		writeFileSync(path.join(folder, 'n8n.log'), "the first run's log\n");

		const second = await runStart([
			'--fresh',
			'--port',
			String(await freePort()),
			'--sandbox-port',
			String(await freePort()),
			'--demo-folder',
			folder,
		]);
		expect(second.code).toBe(1);
		expect(second.stderr).toContain(
			`[start] failed: another npm start (pid ${first.pid}) is running from this clone with the demo folder ${path.relative(ROOT, folder)}/ ` +
				`(n8n at http://localhost:5678, sandbox at http://127.0.0.1:4010). Use that one, or stop it first (Ctrl-C in its terminal, or kill ${first.pid}). It was left running.`,
		);
		expect(isAlive(first.pid!)).toBe(true);
		expect(isAlive(firstsSandbox.pid!)).toBe(true);
		expect(JSON.parse(readFileSync(path.join(folder, 'start.lock'), 'utf8'))).toEqual(lock);
		expect(readFileSync(path.join(folder, 'n8n.log'), 'utf8')).toBe("the first run's log\n"); // --fresh wiped nothing
	});

	it("a dead run's leftover processes are killed and its lock taken over", async () => {
		const leftover = await sleeper('sandbox');
		started.push(leftover);
		const deadPid = 2 ** 22 + 1234; // above pid_max's default: no such process
		writeFileSync(
			path.join(folder, 'start.lock'),
			JSON.stringify({ pid: deadPid, processes: [{ pid: leftover.pid, marker: 'sandbox' }] }),
		);
		const busy = await listen();
		try {
			const r = await runStart([
				'--port',
				String(portOf(busy)),
				'--sandbox-port',
				String(await freePort()),
				'--demo-folder',
				folder,
			]);
			expect(r.stdout).toContain(
				`[start] killing process group ${leftover.pid} left over from a previous run`,
			);
			expect(r.code).toBe(1); // then it stopped at the busy port
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(isAlive(leftover.pid!)).toBe(false);
			expect(existsSync(path.join(folder, 'start.lock'))).toBe(false);
		} finally {
			busy.close();
		}
	});
});
