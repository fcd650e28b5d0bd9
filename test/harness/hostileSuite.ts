import { randomUUID } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { HostileServer } from './hostile';
import type { HostileVendor } from './hostileVendors';
import { TestEnvironment } from './run';
import type { RunOptions, RunResult } from './run';

/** What a suite against the vendor impostor (harness/hostile.ts) shares: the engine, the impostor, credentials. */
export interface HostileSuite {
	/** The engine (started before the suite's first test). */
	readonly env: TestEnvironment;
	/** The vendor impostor on 127.0.0.1 (started before the suite's first test). */
	readonly hostile: HostileServer;
	/** Stores a credential under a fresh id `<prefix>-<uuid>`; returns the reference a node run names it by. */
	addCredential(
		prefix: string,
		type: string,
		data: ICredentialDataDecryptedObject,
		name?: string,
	): { type: string; id: string };
	/** A vendor's credential pointing at `url` (default: the impostor). */
	credentialFor(config: HostileVendor, url?: string): { type: string; id: string };
	/** The vendor's Get Many (`config.list`) with a fresh credential at the impostor. */
	runList(config: HostileVendor, options?: Pick<RunOptions, 'continueOnFail'>): Promise<RunResult>;
}

/**
 * Call inside a `describe`: starts an engine environment and a hostile server before the suite's tests and closes
 * both after them.
 */
export function hostileSuite(): HostileSuite {
	let env: TestEnvironment | undefined;
	let hostile: HostileServer | undefined;
	beforeAll(async () => {
		env = await TestEnvironment.start();
		hostile = await HostileServer.start();
	});
	afterAll(async () => {
		await hostile?.close();
		await env?.close();
	});
	const suite: HostileSuite = {
		get env() {
			if (!env)
				throw new Error(
					'hostileSuite: the environment is not started yet (use it inside a test or hook)',
				);
			return env;
		},
		get hostile() {
			if (!hostile)
				throw new Error(
					'hostileSuite: the hostile server is not started yet (use it inside a test or hook)',
				);
			return hostile;
		},
		addCredential(prefix, type, data, name = 'hostile') {
			const id = `${prefix}-${randomUUID()}`;
			suite.env.credentials.add({ id, name, type, data });
			return { type, id };
		},
		credentialFor(config, url = suite.hostile.url) {
			return suite.addCredential(config.vendor, config.credentialType, config.credential(url));
		},
		async runList(config, options = {}) {
			return await suite.env.run({
				node: config.node,
				credential: suite.credentialFor(config),
				parameters: config.list,
				...options,
			});
		},
	};
	return suite;
}
