import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setGlobalState } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { TestEnvironment } from '../harness/run';
import { recordReliability } from '../harness/transcript';

/**
 * Property-based fuzzing of one operation's parameters on the engine. Each generated case is one
 * input item: its values reach the node's fields by expression, so one execution covers many
 * cases, and cases are grouped by which optional fields they set. Properties checked for every
 * case: the run never throws an uncaught exception (each item gives exactly one output item,
 * success or error), no request goes anywhere but the sandbox (a decoy server whose URL appears
 * in the generated values must receive nothing), and no request carries a field the user did not set.
 */
export interface FuzzField {
	/** Node parameter path, e.g. 'updateFields.username' or 'registrationId'. */
	parameter: string;
	/** Body field the vendor receives for it, when it is sent in the body. */
	bodyField?: string;
	/** Whether this field is optional (a generated case may leave it out). */
	optional: boolean;
	/** Values to try; a function receives the decoy server's URL to plant in them. */
	arbitrary: fc.Arbitrary<unknown> | ((decoyUrl: string) => fc.Arbitrary<unknown>);
	/** Parameter value wrapping, e.g. a resource locator. */
	wrap?: (expression: string) => unknown;
}

export interface FuzzTarget {
	vendor: string;
	node: string;
	credentialType: string;
	/** Fixed parameters of the operation (resource, operation…). */
	parameters: INodeParameters;
	fields: FuzzField[];
	/** Body fields the node may add on its own (none for most operations). */
	alwaysSent?: string[];
	/** A list operation may output many items per input item; each input still yields at least one. */
	list?: boolean;
}

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 42);
const CASES_PER_EXECUTION = 2000;

// Every expression n8n evaluates builds a luxon DateTime in the workflow's timezone; a fixed-offset
// zone makes that cheap, and no fuzzed operation depends on the time of day.
setGlobalState({ defaultTimezone: 'UTC' });

/** Strings that try to break out: path tricks, URL tricks, header tricks, huge and odd Unicode. */
export function hostileString(decoyUrl: string): fc.Arbitrary<string> {
	return fc.oneof(
		fc.string({ maxLength: 80 }),
		fc.string({ unit: 'grapheme', maxLength: 40 }),
		fc.constantFrom(
			'..',
			'.',
			'../../admin',
			'%2F..%2F',
			'a/b',
			'a?b=c',
			'a#frag',
			'x\r\nX-Injected: 1',
			'\u0000',
			decoyUrl,
			`${decoyUrl}/steal`,
			'//evil.example.com/x',
			'@evil.example.com',
			'ｅｖｉｌ．ｃｏｍ',
			'',
			' ',
		),
		fc.string({ minLength: 55, maxLength: 130 }),
	);
}

export async function fuzzOperation(
	target: FuzzTarget,
	runs = FUZZ_RUNS,
): Promise<{ cases: number; requests: number }> {
	const startedAt = Date.now();
	const decoyHits: string[] = [];
	const decoy = createServer((request, response) => {
		decoyHits.push(`${request.method} ${request.url}`);
		response.end();
	});
	await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.2', resolve));
	const decoyUrl = `http://127.0.0.2:${(decoy.address() as AddressInfo).port}`;
	const env = await TestEnvironment.start({
		maxRecordedRequests: 1_000_000,
		config: { rateLimits: { [target.vendor]: 0 } },
	});
	try {
		const credential = env.credential(target.vendor, target.credentialType);
		const caseArbitrary = fc.record(
			Object.fromEntries(
				target.fields.map((field) => [
					field.parameter,
					(() => {
						const arbitrary =
							typeof field.arbitrary === 'function' ? field.arbitrary(decoyUrl) : field.arbitrary;
						return field.optional ? fc.option(arbitrary, { nil: undefined }) : arbitrary;
					})(),
				]),
			),
		);
		const cases = fc.sample(caseArbitrary, { numRuns: runs, seed: FUZZ_SEED }) as IDataObject[];
		// Group by which optional fields are set: the node's collection holds exactly those fields.
		const groups = new Map<string, IDataObject[]>();
		for (const generated of cases) {
			const shape = target.fields
				.filter((field) => generated[field.parameter] !== undefined)
				.map((field) => field.parameter)
				.join(',');
			const group = groups.get(shape);
			if (group) group.push(generated);
			else groups.set(shape, [generated]);
		}
		// RoutingNode keeps every item's context until the node finishes, so a 100,000-case group runs
		// as several executions of at most CASES_PER_EXECUTION items each.
		const executions: Array<[string, IDataObject[]]> = [];
		for (const [shape, group] of groups) {
			for (let start = 0; start < group.length; start += CASES_PER_EXECUTION) {
				executions.push([shape, group.slice(start, start + CASES_PER_EXECUTION)]);
			}
		}
		let requests = 0;
		for (const [shape, items] of executions) {
			const present = new Set(shape ? shape.split(',') : []);
			// Pacing is the node's politeness toward the vendor, not under test here; the sandbox's limit is off too.
			const parameters: INodeParameters = {
				...JSON.parse(JSON.stringify(target.parameters)),
				rateLimiting: { requestsPerSecond: 100_000 },
			};
			for (const field of target.fields.filter((candidate) => present.has(candidate.parameter))) {
				const expression = `={{ $json[${JSON.stringify(field.parameter)}] }}`;
				const value = field.wrap ? field.wrap(expression) : expression;
				const pathParts = field.parameter.split('.');
				let holder = parameters as IDataObject;
				for (const part of pathParts.slice(0, -1)) holder = (holder[part] ??= {}) as IDataObject;
				holder[pathParts[pathParts.length - 1]] = value as IDataObject[string];
			}
			env.sandbox.clearRequests();
			const result = await env.run({
				node: target.node,
				credential,
				continueOnFail: true,
				items,
				parameters,
			});
			if (result.error)
				throw new Error(`The run failed as a whole (shape ${shape}): ${result.error.message}`);
			const pairedTo = result.items.map(
				(item) => (item.pairedItem as { item: number } | undefined)?.item,
			);
			if (!target.list && result.items.length !== items.length) {
				throw new Error(`${items.length} items in, ${result.items.length} out (shape ${shape})`);
			}
			if (!target.list && pairedTo.some((index, position) => index !== position)) {
				throw new Error(`Output items are not paired with their input items (shape ${shape})`);
			}
			// A list that finds nothing legitimately outputs nothing for that item; every output, and every
			// error item in particular, must still point at a real input item.
			if (pairedTo.some((index) => index === undefined || index < 0 || index >= items.length)) {
				throw new Error(`An output item is not paired with an input item (shape ${shape})`);
			}
			if (!target.list) {
				const answered = new Set(pairedTo);
				const lost = items.map((_, index) => index).filter((index) => !answered.has(index));
				if (lost.length)
					throw new Error(
						`Input items without an output item: ${lost.join(', ')} (shape ${shape})`,
					);
			}
			const allowed = new Set([
				...target.fields
					.filter((field) => present.has(field.parameter) && field.bodyField)
					.map((field) => field.bodyField!),
				...(target.alwaysSent ?? []),
			]);
			for (const request of env.sandbox.requests(target.vendor)) {
				requests++;
				const body =
					request.body && typeof request.body === 'object'
						? Object.keys(request.body as object)
						: [];
				const unexpected = body.filter((key) => !allowed.has(key));
				if (unexpected.length)
					throw new Error(
						`Sent fields the user did not set: ${unexpected.join(', ')} (shape ${shape})`,
					);
			}
		}
		if (decoyHits.length) throw new Error(`Requests reached another host: ${decoyHits.join('; ')}`);
		const figures = {
			vendor: target.vendor,
			operation: `${target.parameters.resource}:${target.parameters.operation}`,
			cases: cases.length,
			requests,
		};
		recordReliability('fuzz', figures);
		if (process.env.FUZZ_RECORD) {
			appendFileSync(
				path.resolve(__dirname, '..', '..', process.env.FUZZ_RECORD),
				`${JSON.stringify({
					...figures,
					seed: FUZZ_SEED,
					seconds: Math.round((Date.now() - startedAt) / 1000),
					finished: new Date().toISOString(),
					commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
						encoding: 'utf8',
					}).trim(),
				})}\n`,
			);
		}
		return { cases: cases.length, requests };
	} finally {
		await env.close({ recordSecrets: false });
		await new Promise<void>((resolve) => decoy.close(() => resolve()));
	}
}
