import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { FaultSpec, RecordedRequest } from '../../sandbox';
import { TestEnvironment } from '../harness/run';
import type { RunResult } from '../harness/run';
import { RELIABILITY_DIR } from '../harness/transcript';

/**
 * The fault matrix: every operation of one vendor node × every way a call can fail (HTTP errors in
 * the vendor's own error shape, rate limits with and without Retry-After, server errors, a timeout,
 * a dropped connection, a 2xx whose body is cut off or missing). Faults are injected by the sandbox
 * on the operation's own call (method + path), so a Rotate Password's read-back or a login is not
 * disturbed. For every combination it checks what a user sees:
 *
 * - without Continue On Fail: the run fails with a NodeApiError whose message names the operation and
 *   what happened, and whose description carries the vendor's own words and what to do;
 * - with Continue On Fail: N input items give exactly N output items, each paired with its input;
 * - how many requests of each item reached the vendor: reads are retried on 5xx, timeouts and
 *   dropped connections up to "Retries on Server Errors", writes never; 429 is waited out up to
 *   "Max Rate-Limit Retries" (a 429 was not processed, so resending is safe for any method);
 * - no secret (API key, token, password) in any message or description.
 *
 * A vendor joins the matrix by adding `test/faults/<vendor>.test.ts` with a `VendorFaultConfig`.
 */

/** One operation of a vendor node, as the matrix drives it. */
export interface FaultOperation {
	/** The operation as the node names it in messages, e.g. "Get SIP Registration". */
	label: string;
	/** Node parameters (resource, operation, fields; `$json` expressions read the input items). */
	parameters: INodeParameters;
	/** The input items: each should address its own resource so requests can be told apart. */
	items: IDataObject[];
	/** The call that is faulted: method and vendor-relative path (a regular expression source). */
	method: string;
	path: RegExp;
	/**
	 * Which input item a recorded request belongs to (by its path or body), when the request says;
	 * otherwise the matrix checks the total for all items.
	 */
	itemOf?: (request: RecordedRequest) => number | undefined;
	/** The status a successful answer of this call has (used for the cut-off and empty 2xx faults). */
	successStatus: number;
	/**
	 * What a 2xx answer whose body is cut off or empty gives: an error where the operation needs the
	 * body (Get, Create, Update answering JSON), or a normal item where it does not (Delete, a 202 the
	 * vendor documents without a body, the apply step of Rotate Password). The function checks that item.
	 */
	unreadableBody: 'error' | ((json: IDataObject, itemIndex: number) => void);
	/**
	 * Rotate Password only: the vendor-relative path its read-back (GET) takes. The matrix then also
	 * fails the read-back after a successful apply, which must leave the item successful.
	 */
	readBack?: RegExp;
}

/** The vendor's own error answer for a status, and the words the node must quote from it. */
export interface VendorErrorAnswer {
	body: unknown;
	/** What must follow "<Vendor> said: " in the error description. */
	said: string;
}

export interface VendorFaultConfig {
	/** Sandbox simulator name, e.g. 'ultravox'. */
	vendor: string;
	/** Node name, e.g. 'ultravox'. */
	node: string;
	credentialType: string;
	/** The vendor's name in messages. */
	displayName: string;
	/** The vendor's error shape for a simple error with this status and text. */
	errorAnswer(status: number, text: string, operation: FaultOperation): VendorErrorAnswer;
	/** The vendor's own validation error (400 or 422) for an operation, in its documented shape. */
	validationAnswer(operation: FaultOperation): { status: number } & VendorErrorAnswer;
	/** The operations, built once the sandbox is up (seeded IDs are known then). */
	operations(env: TestEnvironment): FaultOperation[];
	/** Secrets the operations themselves send (passwords in parameters), to look for in messages. */
	sentSecrets?: string[];
}

/** Settings that keep the matrix fast: one retry each, no pacing. */
const RATE_LIMITING = { maxRateLimitRetries: 1, serverErrorRetries: 1, requestsPerSecond: 1000 };
/**
 * The node's Timeout (n8n's Request Options) where a timeout is the fault under test: short, yet
 * long enough that an ordinary request on a busy machine (the login, a read-back) does not hit it.
 */
const TIMEOUT_MS = 1000;
/** Longer than that timeout: the sandbox holds the request, then drops it. */
const HANG_MS = 1600;
/** Every other fault: a timeout that only a hung request reaches, so no fault is mistaken for one. */
const GENEROUS_TIMEOUT_MS = 20_000;
/**
 * Rotate Password runs with a supplied password: with "Generate", several items and "On Error:
 * Stop Workflow" it is refused before any request (docs/rotation.md), and the matrix runs both.
 */
const ROTATION_PASSWORD = 'Matrix-Rotation-Pass-2026';
const isRotation = (operation: FaultOperation) =>
	operation.parameters.operation === 'rotatePassword';
/** What a failed Rotate Password's message adds after the failure, per outcome. */
const ROTATION_ADVICE = {
	notApplied: 'The password was not applied; the previous one is still live.',
	refused: 'refused this password; the previous one is still live. Do not retry this password',
	unknown: 'The outcome is unknown',
};

type Kind = 'read' | 'write';
const kindOf = (operation: FaultOperation): Kind => (operation.method === 'GET' ? 'read' : 'write');

interface FaultCase {
	name: string;
	spec(
		operation: FaultOperation,
		config: VendorFaultConfig,
	): Omit<FaultSpec, 'vendor' | 'method' | 'path' | 'count'>;
	/** Requests of one item that reach the faulted call. */
	attempts(operation: FaultOperation): number;
	/** Whether the operation fails with this fault. */
	fails(operation: FaultOperation): boolean;
	/** The part of the message after "<Vendor> <Operation> failed: ". */
	/** What follows "failed: " in the message (a pattern where it names the sandbox's port). */
	summary(operation: FaultOperation, config: VendorFaultConfig): string | RegExp;
	/** The vendor's words the description must quote, if the fault has a body. */
	said?(operation: FaultOperation, config: VendorFaultConfig): string;
	/** What the description must tell the user to do. */
	advice(operation: FaultOperation, vendor: string): Array<string | RegExp>;
	/** What a failed Rotate Password must say about the password (docs/rotation.md). */
	rotationOutcome?: 'notApplied' | 'refused' | 'unknown';
}

const serverErrorAdvice = (operation: FaultOperation, vendor: string): Array<string | RegExp> =>
	kindOf(operation) === 'read'
		? [
				`${vendor} had a server error; the node retried this read 1 time.`,
				'Retries on Server Errors',
			]
		: [
				`${vendor} had a server error.`,
				'Writes are not retried automatically',
				'may or may not have been applied',
				'read the resource back',
			];

function httpStatus(status: number, text: string): FaultCase {
	return {
		name: `HTTP ${status}`,
		spec: (operation, config) => ({
			mode: 'status',
			status,
			body: config.errorAnswer(status, text, operation).body,
		}),
		// n8n itself sends a request once more after a 401, having refreshed the credential (the
		// vendor refused it, so nothing was applied); no other status is resent.
		attempts: (operation) =>
			status === 401 ? 2 : status >= 500 && kindOf(operation) === 'read' ? 2 : 1,
		fails: () => true,
		rotationOutcome: status >= 500 ? 'unknown' : 'notApplied',
		summary: (_operation, config) => `${config.displayName} answered HTTP ${status}`,
		said: (operation, config) => config.errorAnswer(status, text, operation).said,
		advice: (operation, vendor) => {
			if (status === 401)
				return [
					`${vendor} rejected the credential.`,
					'Open the credential',
					'n8n tests a credential when it is saved',
				];
			if (status === 403) return ['lacks the scope or permission, or it is read-only'];
			if (status === 404) return ['Nothing was found at that ID or path'];
			if (status === 409) return ['conflicts with an existing resource'];
			return serverErrorAdvice(operation, vendor);
		},
	};
}

function rateLimited(retryAfter: boolean): FaultCase {
	return {
		name: retryAfter ? 'HTTP 429 with Retry-After' : 'HTTP 429 without Retry-After',
		spec: (operation, config) => ({
			mode: 'status',
			status: 429,
			body: config.errorAnswer(429, 'Too many requests, slow down', operation).body,
			...(retryAfter ? { headers: { 'retry-after': '0' } } : {}),
		}),
		attempts: () => 1 + RATE_LIMITING.maxRateLimitRetries,
		fails: () => true,
		rotationOutcome: 'notApplied',
		summary: () => 'rate limit exceeded (HTTP 429)',
		said: (operation, config) =>
			config.errorAnswer(429, 'Too many requests, slow down', operation).said,
		advice: (_operation, vendor) => [
			`${vendor} kept answering "too many requests" after the node waited 1 time.`,
			'Lower "Requests per Second"',
		],
	};
}

const validation: FaultCase = {
	name: "validation error (the vendor's own shape)",
	spec: (operation, config) => {
		const { status, body } = config.validationAnswer(operation);
		return { mode: 'status', status, body };
	},
	attempts: () => 1,
	fails: () => true,
	rotationOutcome: 'refused',
	summary: (operation, config) =>
		`${config.displayName} answered HTTP ${config.validationAnswer(operation).status}`,
	said: (operation, config) => config.validationAnswer(operation).said,
	advice: () => ['Correct the field the vendor names'],
};

const networkRetries = (operation: FaultOperation) => (kindOf(operation) === 'read' ? 2 : 1);

const timeout: FaultCase = {
	name: 'timeout',
	spec: () => ({ mode: 'timeout', delayMs: HANG_MS }),
	attempts: networkRetries,
	fails: () => true,
	rotationOutcome: 'unknown',
	summary: () => 'the request timed out',
	advice: (operation, vendor) =>
		kindOf(operation) === 'read'
			? [
					`No answer from ${vendor} in time; the node retried this read 1 time.`,
					'raise the Timeout under Request Options',
				]
			: [
					`No answer from ${vendor} in time.`,
					'may or may not have been applied',
					'read the resource back',
					'raise the Timeout under Request Options',
				],
};

const reset: FaultCase = {
	name: 'connection reset',
	spec: () => ({ mode: 'reset' }),
	attempts: networkRetries,
	fails: () => true,
	rotationOutcome: 'unknown',
	summary: () =>
		/^the connection to the host 127\.0\.0\.1:\d+ was closed before an answer \(ECONNRESET\)$/,
	advice: (operation) =>
		kindOf(operation) === 'read'
			? [
					'was closed before an answer (ECONNRESET); the node retried this read 1 time.',
					'Try again; if it keeps happening, check the network.',
				]
			: [
					'was closed before an answer (ECONNRESET).',
					'may or may not have been applied',
					'read the resource back',
				],
};

function unreadable(mode: 'malformed' | 'empty'): FaultCase {
	const what = mode === 'malformed' ? 'a body that is not valid JSON' : 'an empty body';
	return {
		name: mode === 'malformed' ? 'malformed JSON on 2xx' : 'empty body on 2xx',
		spec: (operation) => ({ mode, status: operation.successStatus }),
		attempts: () => 1,
		fails: (operation) => operation.unreadableBody === 'error',
		summary: (operation, config) =>
			`${config.displayName} answered HTTP ${operation.successStatus} with ${what}`,
		advice: (operation, vendor) =>
			kindOf(operation) === 'read'
				? [
						mode === 'malformed'
							? 'The answer was not valid JSON.'
							: 'The answer was empty where a JSON object was expected.',
						'Run it again',
						`points at ${vendor}'s API`,
					]
				: [
						mode === 'malformed'
							? 'The answer was not valid JSON.'
							: 'The answer was empty where a JSON object was expected.',
						`${vendor} accepted the request, so the change was probably applied`,
						'Read the resource back (Get) before running it again',
					],
	};
}

export const FAULTS: FaultCase[] = [
	httpStatus(401, 'Invalid credentials'),
	httpStatus(403, 'This key may not perform this action'),
	httpStatus(404, 'No such resource'),
	httpStatus(409, 'A resource with that name already exists'),
	validation,
	rateLimited(true),
	rateLimited(false),
	httpStatus(500, 'Internal server error'),
	httpStatus(502, 'Bad gateway'),
	httpStatus(503, 'Service temporarily unavailable'),
	timeout,
	reset,
	unreadable('malformed'),
	unreadable('empty'),
];

/** Every string the description must contain (a RegExp must match). */
function expectAll(text: string | undefined, parts: Array<string | RegExp>): void {
	for (const part of parts) {
		if (typeof part === 'string') expect(text).toContain(part);
		else expect(text).toMatch(part);
	}
}

/** The figures RELIABILITY.md reports (test/scan/reliability.scan.ts), plus what was tried. */
interface Summary {
	vendor: string;
	/** How many kinds of fault were injected into every operation. */
	faultsTried: number;
	faults: string[];
	/** Operation × fault combinations run (each twice: with and without Continue On Fail). */
	combinations: number;
	/** Input and output items of the Continue On Fail runs: every item in gives exactly one out. */
	itemsIn: number;
	itemsOut: number;
	operations: string[];
	/** Requests that reached the faulted calls. */
	requestsSeen: number;
	/** Rotate Password runs whose read-back was failed after a successful apply. */
	readBackFaults: number;
	results: Array<{
		operation: string;
		fault: string;
		outcome: 'error' | 'item';
		requestsPerItem: number;
	}>;
}

export function describeFaultMatrix(config: VendorFaultConfig): void {
	describe(`${config.displayName}: fault matrix (every operation × ${FAULTS.length} faults) on the engine`, () => {
		let env: TestEnvironment;
		let credential: { type: string; id: string };
		let operations: FaultOperation[] = [];
		const summary: Summary = {
			vendor: config.vendor,
			faultsTried: FAULTS.length,
			faults: FAULTS.map((fault) => fault.name),
			combinations: 0,
			itemsIn: 0,
			itemsOut: 0,
			operations: [],
			requestsSeen: 0,
			readBackFaults: 0,
			results: [],
		};

		beforeAll(async () => {
			// The sandbox's own rate limit is off: every 429 here is an injected one.
			env = await TestEnvironment.start({ config: { rateLimits: { [config.vendor]: 0 } } });
			credential = env.credential(config.vendor, config.credentialType);
			operations = config.operations(env);
			summary.operations = operations.map((operation) => operation.label);
		});
		afterAll(async () => {
			await env?.close();
			mkdirSync(RELIABILITY_DIR, { recursive: true });
			writeFileSync(
				path.join(RELIABILITY_DIR, `faults-${config.vendor}.json`),
				`${JSON.stringify(summary, null, '\t')}\n`,
			);
		});

		/** Every secret the sandbox and the operations know: none may appear in a message, a description or an item. */
		let knownSecrets: string[] = [];

		const run = async (
			operation: FaultOperation,
			continueOnFail: boolean,
			timeout: number,
		): Promise<RunResult> =>
			await env.run({
				node: config.node,
				credential,
				continueOnFail,
				items: operation.items,
				parameters: {
					...(isRotation(operation)
						? { passwordSource: 'provided', newPassword: ROTATION_PASSWORD }
						: {}),
					...operation.parameters,
					rateLimiting: RATE_LIMITING,
					requestOptions: { timeout },
				},
			});

		/** The faulted call's requests, by input item (or all of them when requests do not say). */
		const countRequests = (operation: FaultOperation) => {
			const calls = env.sandbox
				.requests(config.vendor)
				.filter(
					(request) => request.method === operation.method && operation.path.test(request.path),
				);
			const perItem = operation.itemOf
				? operation.items.map(
						(_, index) => calls.filter((request) => operation.itemOf!(request) === index).length,
					)
				: undefined;
			return { total: calls.length, perItem };
		};

		const checkError = (
			error: { name?: string; message?: string; description?: string | null } | undefined,
			operation: FaultOperation,
			fault: FaultCase,
		) => {
			const vendor = config.displayName;
			expect(error?.name).toBe('NodeApiError');
			const prefix = `${vendor} ${operation.label} failed: `;
			const summary = fault.summary(operation, config);
			const afterPrefix = (message: string | undefined) =>
				message?.startsWith(prefix) ? message.slice(prefix.length) : message;
			if (isRotation(operation)) {
				// A failed rotation says, after the failure, what became of the password.
				const rest = afterPrefix(error?.message) ?? '';
				expect(error?.message?.startsWith(prefix)).toBe(true);
				if (typeof summary === 'string') expect(rest.startsWith(`${summary}. `)).toBe(true);
				else expect(rest).toMatch(new RegExp(`${summary.source.replace(/\$$/, '')}\\. `));
				expect(error?.message).toContain(ROTATION_ADVICE[fault.rotationOutcome!]);
				expect(error?.message).not.toContain(ROTATION_PASSWORD);
			} else if (typeof summary === 'string') {
				expect(error?.message).toBe(`${prefix}${summary}`);
			} else {
				expect(afterPrefix(error?.message)).toMatch(summary);
			}
			const description = error?.description ?? undefined;
			const said = fault.said?.(operation, config);
			if (said !== undefined) expect(description).toContain(`${vendor} said: ${said}`);
			else expect(description).not.toContain(`${vendor} said:`);
			expectAll(description, fault.advice(operation, vendor));
			const shown = `${error?.message}\n${description}`;
			expect(knownSecrets.filter((secret) => shown.includes(secret))).toEqual([]);
		};

		describeReadBackFaults(config, {
			env: () => env,
			credential: () => credential,
			operations: () => operations,
			record: (itemsIn, itemsOut) => {
				summary.readBackFaults++;
				summary.itemsIn += itemsIn;
				summary.itemsOut += itemsOut;
			},
		});

		it('covers every operation of the node', () => {
			expect(operations.length).toBeGreaterThan(0);
			for (const operation of operations) expect(operation.items.length).toBeGreaterThanOrEqual(2);
		});

		for (const fault of FAULTS) {
			it(`${fault.name}: every operation fails or succeeds as documented, items stay paired, only safe requests are retried`, async () => {
				for (const operation of operations) {
					// Re-read per operation: logins issue new session tokens as the matrix runs.
					knownSecrets = [...env.sandbox.secrets(), ...(config.sentSecrets ?? [])].filter(
						(secret) => secret.length >= 6,
					);
					const n = operation.items.length;
					const spec = fault.spec(operation, config);
					const inject = () =>
						env.sandbox.injectFault({
							vendor: config.vendor,
							method: operation.method,
							path: operation.path.source,
							count: 1000,
							...spec,
						} as FaultSpec);
					const context = `${operation.label} × ${fault.name}`;

					// The same items run twice at once, as two executions would: without Continue On Fail
					// (the run fails with the operation's NodeApiError) and with it (one output item per
					// input item, paired with it). An injected fault answers instead of the simulator, so
					// no combination changes the sandbox's state.
					env.sandbox.clearRequests();
					inject();
					const timeoutMs = fault === timeout ? TIMEOUT_MS : GENEROUS_TIMEOUT_MS;
					const [plain, tolerant] = await Promise.all([
						run(operation, false, timeoutMs),
						run(operation, true, timeoutMs),
					]);
					const counts = countRequests(operation);
					env.sandbox.clearFaults();

					try {
						// Requests of each item that reached the vendor, in both runs together.
						const attempts = 2 * fault.attempts(operation);
						expect(counts.total).toBe(n * attempts);
						if (counts.perItem) expect(counts.perItem).toEqual(operation.items.map(() => attempts));

						expect(tolerant.error).toBeUndefined();
						expect(tolerant.items).toHaveLength(n);
						expect(tolerant.items.map((item) => item.pairedItem)).toEqual(
							operation.items.map((_, item) => ({ item })),
						);

						if (fault.fails(operation)) {
							checkError(plain.error, operation, fault);
							expect(plain.items).toHaveLength(0);
							for (const item of tolerant.items) {
								if (isRotation(operation)) {
									// n8n keeps an item's json only when it carries no Error object: the failure is in the json.
									const details = item.json.details as IDataObject;
									expect(item.error).toBeUndefined();
									expect(details.outcome).toBe(fault.rotationOutcome);
									// Unknown, or refused (should the vendor have kept it all the same): n8n still has the password.
									if (fault.rotationOutcome === 'unknown' || fault.rotationOutcome === 'refused')
										expect(details.pendingPassword).toBe(ROTATION_PASSWORD);
									else expect(details).not.toHaveProperty('pendingPassword');
									const shown = {
										name: 'NodeApiError',
										message: String(item.json.error),
										description: String(details.description),
									};
									checkError(shown, operation, fault);
									continue;
								}
								checkError(item.error as Parameters<typeof checkError>[0], operation, fault);
								expect(item.json.error).toBe(item.error?.message);
							}
						} else {
							expect(plain.error).toBeUndefined();
							expect(plain.items).toHaveLength(n);
							const check = operation.unreadableBody as (
								json: IDataObject,
								itemIndex: number,
							) => void;
							tolerant.items.forEach((item: INodeExecutionData, index) => {
								expect(item.error).toBeUndefined();
								check(item.json, index);
							});
							const shown = JSON.stringify(
								tolerant.items.map((item) => ({ ...item.json, newPassword: undefined })),
							);
							expect(knownSecrets.filter((secret) => shown.includes(secret))).toEqual([]);
						}
					} catch (failure) {
						(failure as Error).message = `${context}:\n${(failure as Error).message}`;
						throw failure;
					}
					summary.combinations++;
					summary.itemsIn += n;
					summary.itemsOut += tolerant.items.length;
					summary.requestsSeen += counts.total;
					summary.results.push({
						operation: operation.label,
						fault: fault.name,
						outcome: fault.fails(operation) ? 'error' : 'item',
						requestsPerItem: fault.attempts(operation),
					});
				}
			});
		}
	});
}

/**
 * Rotate Password whose apply step succeeds and whose read-back fails. The password is live at the
 * vendor, so the item must still succeed and hand on the new password, reporting "notVerified" with
 * why, never claiming that the resource was read back or registered.
 */
const READ_BACK_FAULTS: Array<{
	name: string;
	spec: Omit<FaultSpec, 'vendor' | 'method' | 'path' | 'count'>;
	reads: number;
	detail: string;
}> = [
	{
		name: 'HTTP 500',
		spec: { mode: 'status', status: 500, body: { error: 'Internal Server Error' } },
		reads: 2,
		detail: 'answered HTTP 500',
	},
	{
		name: 'timeout',
		spec: { mode: 'timeout', delayMs: HANG_MS },
		reads: 2,
		detail: 'the request timed out',
	},
	{
		name: 'malformed JSON',
		spec: { mode: 'malformed', status: 200 },
		reads: 1,
		detail: 'The answer was not valid JSON.',
	},
	{
		name: 'empty body',
		spec: { mode: 'empty', status: 200 },
		reads: 1,
		detail: 'The answer was empty where a JSON object was expected.',
	},
];

interface MatrixState {
	env(): TestEnvironment;
	credential(): { type: string; id: string };
	operations(): FaultOperation[];
	/** Counts one Continue On Fail run in the summary. */
	record(itemsIn: number, itemsOut: number): void;
}

function describeReadBackFaults(config: VendorFaultConfig, state: MatrixState): void {
	it.each(READ_BACK_FAULTS)(
		'Rotate Password whose read-back fails ($name): the item succeeds with the new password, reported "notVerified" with why',
		async ({ name, spec, reads, detail }) => {
			const env = state.env();
			for (const operation of state.operations().filter((candidate) => candidate.readBack)) {
				env.sandbox.clearRequests();
				env.sandbox.injectFault({
					vendor: config.vendor,
					method: 'GET',
					path: operation.readBack!.source,
					count: 1000,
					...spec,
				} as FaultSpec);
				const result = await env.run({
					node: config.node,
					credential: state.credential(),
					continueOnFail: true,
					items: operation.items,
					parameters: {
						...operation.parameters,
						verification: 'readBack',
						rateLimiting: RATE_LIMITING,
						requestOptions: { timeout: name === 'timeout' ? TIMEOUT_MS : GENEROUS_TIMEOUT_MS },
					},
				});
				env.sandbox.clearFaults();
				const requests = env.sandbox.requests(config.vendor);
				const applied = requests.filter(
					(request) => request.method === operation.method && operation.path.test(request.path),
				);
				const readBacks = requests.filter(
					(request) => request.method === 'GET' && operation.readBack!.test(request.path),
				);
				expect(result.error).toBeUndefined();
				expect(applied.map((request) => request.status)).toEqual(
					operation.items.map(() => operation.successStatus),
				);
				expect(readBacks).toHaveLength(operation.items.length * reads);
				expect(result.items.map((item) => item.pairedItem)).toEqual(
					operation.items.map((_, item) => ({ item })),
				);
				state.record(operation.items.length, result.items.length);
				for (const item of result.items) {
					expect(item.error).toBeUndefined();
					expect(item.json.verification).toBe('notVerified');
					expect(item.json.verificationDetail).toMatch(
						/^The password was applied, but reading the .+ back failed: /,
					);
					expect(item.json.verificationDetail).toContain(detail);
					expect(typeof item.json.newPassword).toBe('string');
				}
			}
		},
	);
}

/** The input item whose value is the last path segment of a request, e.g. an ID in the URL. */
export function byLastSegment(values: string[]): (request: RecordedRequest) => number | undefined {
	return (request) => {
		const segments = request.path.replace(/\/$/, '').split('/');
		const index = values.indexOf(decodeURIComponent(segments[segments.length - 1]));
		return index === -1 ? undefined : index;
	};
}

/** The input item whose value is in a body field of a request. */
export function byBodyField(
	field: string,
	values: string[],
): (request: RecordedRequest) => number | undefined {
	return (request) => {
		const value = (request.body as IDataObject | undefined)?.[field];
		const index = values.indexOf(String(value));
		return index === -1 ? undefined : index;
	};
}

/** The input item whose value is in a query parameter of a request. */
export function byQuery(
	parameter: string,
	values: string[],
): (request: RecordedRequest) => number | undefined {
	return (request) => {
		const index = values.indexOf(request.query[parameter]);
		return index === -1 ? undefined : index;
	};
}

/** Checks for the item a Rotate Password gives when the apply step's answer had no readable body. */
export function rotatedItem(vendor: string, resourceIds: string[]) {
	return (json: IDataObject, itemIndex: number) => {
		// The matrix rotates with Verification "None": the apply step is what is under test.
		expect(json).toMatchObject({
			vendor,
			resourceId: resourceIds[itemIndex],
			verification: 'skipped',
		});
		expect(typeof json.newPassword).toBe('string');
	};
}
