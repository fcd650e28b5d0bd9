import type { IDataObject } from 'n8n-workflow';
import { TestEnvironment } from './run';
import type { RunResult } from './run';

/** One resource's test file on the engine: its environment, credential and a run of its operations. */
export interface ResourceSuite {
	readonly env: TestEnvironment;
	readonly credential: { type: string; id: string };
	/** The vendor's seeded fixtures as they are after the reset before each test. */
	readonly seeded: Record<string, any>;
	run(
		parameters: IDataObject,
		extra?: { items?: IDataObject[]; continueOnFail?: boolean },
	): Promise<RunResult>;
}

/**
 * Registers, in the calling `describe`, the setup every resource test file repeated: one engine and
 * sandbox for the file, the vendor's credential, and before each test a reset sandbox (fixtures as
 * seeded) with no recorded requests. `run` sends the resource with the operation's parameters.
 */
export function resourceSuite(options: {
	vendor: string;
	node: string;
	credentialType: string;
	resource: string;
}): ResourceSuite {
	let env: TestEnvironment | undefined;
	let credential: { type: string; id: string } | undefined;
	beforeAll(async () => {
		env = await TestEnvironment.start();
		credential = env.credential(options.vendor, options.credentialType);
	});
	afterAll(async () => await env?.close());
	beforeEach(() => {
		env!.sandbox.reset();
		env!.sandbox.clearRequests();
	});
	return {
		get env() {
			return env!;
		},
		get credential() {
			return credential!;
		},
		get seeded() {
			return env!.sandbox.endpoints()[options.vendor].seeded as Record<string, any>;
		},
		run: async (parameters, extra = {}) =>
			await env!.run({
				node: options.node,
				credential,
				parameters: { resource: options.resource, ...parameters },
				...extra,
			}),
	};
}
