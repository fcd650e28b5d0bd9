import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as runtime from '../scripts/n8n/runtime';

/**
 * A throwaway PostgreSQL for n8n's queue mode, from the machine's own server binaries (Debian's
 * `postgresql` package: /usr/lib/postgresql/<version>/bin). n8n warns against SQLite in queue mode, and
 * with it main and workers writing executions at once lose whole executions to `SQLITE_BUSY: database is
 * locked` (a 10,000-update run lost a batch of 500 that way), so the queue bench runs n8n on Postgres
 * whenever the machine has a server to start. The cluster lives in a temp folder, trusts local
 * connections, skips fsync (nothing of it is kept) and is removed by stop().
 */
export interface ThrowawayPostgres {
	/** n8n's database settings for this server. */
	env: Record<string, string>;
	version: string;
	stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';
const RUNNING_AS_ROOT = process.getuid?.() === 0;

/** The newest installed server's bin folder, or undefined. */
export function postgresBinDir(): string | undefined {
	if (!existsSync(PG_ROOT)) return undefined;
	const versions = readdirSync(PG_ROOT)
		.filter((version) => existsSync(path.join(PG_ROOT, version, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : undefined;
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
	return RUNNING_AS_ROOT ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function postgresUid(): { uid: number; gid: number } | undefined {
	try {
		const id = (flag: string) =>
			Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
		const [uid, gid] = [id('-u'), id('-g')];
		return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
	} catch {
		return undefined;
	}
}

/** Starts one; undefined when the machine has no PostgreSQL server (the caller falls back to SQLite). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | undefined> {
	const bin = postgresBinDir();
	if (!bin) return undefined;
	const owner = RUNNING_AS_ROOT ? postgresUid() : undefined;
	if (RUNNING_AS_ROOT && !owner) return undefined;
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sip-bench-pg-'));
	const data = path.join(dir, 'data');
	if (owner) chownSync(dir, owner.uid, owner.gid);
	const run = (name: string, args: string[]) => {
		const [cmd, argv] = asServerUser(path.join(bin, name), args);
		return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	};
	let server: ReturnType<typeof runtime.spawnTracked> | undefined;
	const stop = async () => {
		await runtime.stopProcess(server, { graceMs: 5000 });
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		run('initdb', ['-D', data, '-A', 'trust', '-U', 'n8n', '--no-sync', '-E', 'UTF8']);
		const port = await runtime.freePort();
		const [cmd, argv] = asServerUser(path.join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'max_connections=60',
		]);
		server = runtime.spawnTracked(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		server.stdout?.on('data', (chunk) => (output = (output + String(chunk)).slice(-5000)));
		server.stderr?.on('data', (chunk) => (output = (output + String(chunk)).slice(-5000)));
		// Bounded: 60 tries, 250 ms apart.
		for (let attempt = 0; ; attempt++) {
			if (server.exitCode !== null) throw new Error(`postgres exited:\n${output}`);
			try {
				run('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-q']);
				break;
			} catch {
				if (attempt >= 60) throw new Error(`postgres not ready:\n${output}`);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
		run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
		const version = run('postgres', ['--version']).trim();
		return {
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(port),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'n8n',
				DB_POSTGRESDB_PASSWORD: '',
				DB_POSTGRESDB_POOL_SIZE: '4',
			},
			version,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
