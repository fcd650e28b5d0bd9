import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { byId } from '../harness/locator';
import type { RunOptions, RunResult, TestEnvironment } from '../harness/run';
import { capturedLogLines } from '../harness/run';

export const VENDOR = 'opentact';
export const CREDENTIAL_TYPE = 'opentactSipApi';
export const MAIN_DOMAIN = 'acme.sip.opentact.org';
export const BRANCH_DOMAIN = 'branch.sip.opentact.org';
export const EMPTY_DOMAIN = 'empty.sip.opentact.org';

/** Keys whose values are SIP secrets: they must never reach an n8n output item. */
const FORBIDDEN_KEYS = new Set(['ha1', 'ha1b', 'password']);

export function forbiddenKeysIn(value: unknown, path = '$'): string[] {
	if (Array.isArray(value))
		return value.flatMap((entry, index) => forbiddenKeysIn(entry, `${path}[${index}]`));
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, nested]) => [
		...(FORBIDDEN_KEYS.has(key) ? [`${path}.${key}`] : []),
		...forbiddenKeysIn(nested, `${path}.${key}`),
	]);
}

/**
 * Every run of a test file goes through here, so one check covers the output of every test: no
 * item carries ha1/ha1b/password, and no item, error or n8n log line carries a secret the sandbox
 * knows (account passwords, API tokens, issued session tokens, SIP passwords and digests) or one a
 * test sent.
 */
export class OutputLedger {
	private readonly results: Array<{ items: INodeExecutionData[]; error?: RunResult['error'] }> = [];
	private readonly secrets = new Set<string>();

	constructor(private readonly env: () => TestEnvironment) {}

	/** A secret a test itself sends (a new SIP password), to look for in what n8n shows. */
	secret<T extends string>(value: T): T {
		this.secrets.add(value);
		return value;
	}

	async run(options: RunOptions): Promise<RunResult> {
		const result = await this.env().run(options);
		this.record(result);
		return result;
	}

	/** Also collects the sandbox's secrets as they are now (a reset replaces SIP passwords). */
	record(result: { items: INodeExecutionData[]; error?: RunResult['error'] }): void {
		this.results.push({ items: result.items, error: result.error });
		for (const secret of this.env().sandbox.secrets()) this.secrets.add(secret);
	}

	get count(): number {
		return this.results.length;
	}

	assertClean(): void {
		const secrets = [...this.env().sandbox.secrets(), ...this.secrets].filter(
			(secret) => secret.length >= 6,
		);
		const shown = this.results.map(({ items, error }) => ({
			items: items.map((item) => item.json),
			error: error ? { message: error.message, description: error.description } : undefined,
		}));
		expect(forbiddenKeysIn(shown.map((entry) => entry.items))).toEqual([]);
		const text = JSON.stringify(shown) + capturedLogLines().join('\n');
		expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
	}
}

/** Requests to the Opentact sandbox as "METHOD path" lines, for order-sensitive assertions. */
export function calls(env: TestEnvironment): string[] {
	return env.sandbox.requests(VENDOR).map((request) => `${request.method} ${request.path}`);
}

export function logins(env: TestEnvironment): number {
	return env.sandbox.requests(VENDOR).filter((request) => request.path === '/rest/auth').length;
}

/** One SIP user operation on the engine through the ledger, in the seeded main domain unless `parameters` names another. */
export async function runSipUser(
	ledger: OutputLedger,
	credential: { type: string; id: string },
	parameters: INodeParameters,
	options: Pick<RunOptions, 'items' | 'continueOnFail'> = {},
): Promise<RunResult> {
	return await ledger.run({
		node: 'opentact',
		credential,
		...options,
		parameters: { resource: 'sipUser', domain: byId(MAIN_DOMAIN), ...parameters },
	});
}
