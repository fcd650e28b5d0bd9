import { TestEnvironment } from './run';

/** What a suite of one vendor's node on the engine against the sandbox shares. */
export interface SandboxSuite {
	/** The engine and the sandbox (started before the suite's first test). */
	readonly env: TestEnvironment;
	/** The sandbox's sample credential of the vendor, stored once for the suite. */
	readonly credential: { type: string; id: string };
}

export interface SandboxSuiteOptions {
	registrationDelayMs?: number;
	/**
	 * What happens before each test: `reset` the sandbox (seeded data, faults, requests; the default),
	 * or `clearRequests` only, for a suite whose tests build on state the sandbox keeps (sessions).
	 */
	betweenTests?: 'reset' | 'clearRequests';
	/** Runs after the suite's last test, before the sandbox closes: a check over every test's output. */
	beforeClose?: () => void;
}

/**
 * Call inside a `describe`: starts the engine against the sandbox and stores the vendor's sample credential before the
 * suite's tests, resets the sandbox (seeded data, faults, requests; `registrationDelayMs` set when given) before each
 * test (see `betweenTests`), and after the suite runs `beforeClose` and closes it. A suite's own `beforeAll` and
 * `beforeEach` run after these.
 */
export function sandboxSuite(
	vendor: string,
	credentialType: string,
	options: SandboxSuiteOptions = {},
): SandboxSuite {
	let env: TestEnvironment | undefined;
	let credential: { type: string; id: string } | undefined;
	beforeAll(async () => {
		env = await TestEnvironment.start();
		credential = env.credential(vendor, credentialType);
	});
	afterAll(async () => {
		try {
			if (env) options.beforeClose?.();
		} finally {
			await env?.close();
		}
	});
	beforeEach(() => {
		if (options.betweenTests === 'clearRequests') suite.env.sandbox.clearRequests();
		else suite.env.sandbox.reset();
		if (options.registrationDelayMs !== undefined)
			suite.env.sandbox.configure({ registrationDelayMs: options.registrationDelayMs });
	});
	const suite: SandboxSuite = {
		get env() {
			if (!env)
				throw new Error(
					'sandboxSuite: the environment is not started yet (use it inside a test or hook)',
				);
			return env;
		},
		get credential() {
			if (!credential)
				throw new Error(
					'sandboxSuite: the credential is not stored yet (use it inside a test or hook)',
				);
			return credential;
		},
	};
	return suite;
}
