import type { IDataObject } from 'n8n-workflow';
import type { RunResult } from './run';
import { sandboxSuite } from './sandboxSuite';
import type { SandboxSuite } from './sandboxSuite';

/** A sandboxSuite for one resource of a node: its seeded fixtures and a run of its operations. */
export interface ResourceSuite extends SandboxSuite {
	/** The vendor's seeded fixtures as they are after the reset before each test. */
	readonly seeded: Record<string, any>;
	run(
		parameters: IDataObject,
		extra?: { items?: IDataObject[]; continueOnFail?: boolean },
	): Promise<RunResult>;
}

/**
 * Call inside a `describe` (see sandboxSuite for the engine, credential and reset before each test);
 * `run` sends the resource with the operation's parameters, as the user's node would.
 */
export function resourceSuite(options: {
	vendor: string;
	node: string;
	credentialType: string;
	resource: string;
}): ResourceSuite {
	const suite = sandboxSuite(options.vendor, options.credentialType);
	return {
		get env() {
			return suite.env;
		},
		get credential() {
			return suite.credential;
		},
		get seeded() {
			return suite.env.seeded(options.vendor);
		},
		run: async (parameters, extra = {}) =>
			await suite.env.run({
				node: options.node,
				credential: suite.credential,
				parameters: { resource: options.resource, ...parameters },
				...extra,
			}),
	};
}
