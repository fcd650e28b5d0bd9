import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RELIABILITY_DIR } from '../harness/transcript';

/**
 * Second pass of `npm test`, after the suite: writes RELIABILITY.md from the figures the suite
 * recorded (faults tried, items in and out, secrets scanned and found, injection cases, fuzz runs,
 * the adversarial suite's cases and failures, queue mode) and checks them. RELIABILITY.md therefore always states the latest full run.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function jsonLines(file: string): Record<string, any>[] {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
}

const lines = (kind: string) => jsonLines(path.join(RELIABILITY_DIR, `${kind}.jsonl`));

function jsonFiles(prefix: string): Record<string, any>[] {
	if (!existsSync(RELIABILITY_DIR)) return [];
	return readdirSync(RELIABILITY_DIR)
		.filter((file) => file.startsWith(prefix) && file.endsWith('.json'))
		.map((file) => ({
			file,
			...JSON.parse(readFileSync(path.join(RELIABILITY_DIR, file), 'utf8')),
		}));
}

/** Rows `npm run fuzz` appends, one per operation it finished; the latest row of each operation counts. */
function extendedFuzzRuns(): Record<string, any>[] {
	const latest = new Map<string, Record<string, any>>();
	for (const row of jsonLines(path.join(ROOT, 'test', 'fuzz', 'extended-results.jsonl'))) {
		latest.set(`${row.vendor} ${row.operation}`, row);
	}
	return [...latest.values()].sort((a, b) =>
		`${a.vendor} ${a.operation}`.localeCompare(`${b.vendor} ${b.operation}`),
	);
}

/** Which of the operations this pass fuzzed have a 100,000-case row. */
function coverage(fuzz: Record<string, any>[], extended: Record<string, any>[]): string {
	if (!fuzz.length) return 'This pass fuzzed no operation, so coverage is not known.';
	const done = new Set(extended.map((row) => `${row.vendor} ${row.operation}`));
	const missing = fuzz
		.map((row) => `${row.vendor} ${row.operation}`)
		.filter((operation) => !done.has(operation));
	return missing.length
		? `${fuzz.length - missing.length} of the ${fuzz.length} operations this pass fuzzed have a 100,000-case run; still without one: ${missing.join(', ')}.`
		: `Each of the ${fuzz.length} operations this pass fuzzed has a 100,000-case run.`;
}

const combinationsOf = (row: Record<string, any>): number =>
	Array.isArray(row.combinations) ? row.combinations.length : Number(row.combinations ?? 0);

describe('RELIABILITY.md from this run', () => {
	const fuzz = lines('fuzz');
	const faults = jsonFiles('faults-');
	const injection = jsonFiles('injection');
	const queue = lines('queue');
	const extended = extendedFuzzRuns();
	const scan = lines('secret-scan').at(-1);
	const adversarial = lines('adversarial');

	it('writes RELIABILITY.md and every figure holds', () => {
		const sum = (rows: Record<string, any>[], key: string) =>
			rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);
		const fuzzByVendor = new Map<string, { operations: number; cases: number; minimum: number }>();
		for (const row of fuzz) {
			const entry = fuzzByVendor.get(row.vendor) ?? { operations: 0, cases: 0, minimum: Infinity };
			entry.operations++;
			entry.cases += row.cases;
			entry.minimum = Math.min(entry.minimum, row.cases);
			fuzzByVendor.set(row.vendor, entry);
		}
		const text = `# Reliability

Written by \`npm test\` (its second pass, after the whole suite) on ${new Date().toISOString().slice(0, 10)}; every figure is from that run.

## Fault matrix

${
	faults.length
		? `| vendor | fault kinds | operation × fault combinations | items in | items out |\n|---|---|---|---|---|\n${faults
				.map(
					(row) =>
						`| ${row.vendor ?? row.file} | ${row.faultsTried} | ${combinationsOf(row)} | ${row.itemsIn} | ${row.itemsOut} |`,
				)
				.join(
					'\n',
				)}\n\nTotal: ${faults.reduce((total, row) => total + combinationsOf(row), 0)} combinations, ${sum(faults, 'itemsIn')} items in, ${sum(faults, 'itemsOut')} items out (Continue On Fail).`
		: 'Not run in this pass.'
}

## Secret-leak scan

${
	scan
		? `Scanned ${scan.outputs} output records, ${scan.errors} errors (message and description) and ${scan.logLines} log lines for ${scan.secretsScanned} known secrets (API keys, tokens, passwords, SIP digests, Basic header values): **${scan.found} found**.`
		: 'Not run in this pass.'
}

## Injection

${
	injection.length
		? injection
				.map(
					(row) =>
						`${row.cases} cases: ${row.refused} refused before any request, ${row.encoded} encoded so the request stayed on its path; requests to another host: ${row.reachedOtherHost ?? 0}.`,
				)
				.join('\n')
		: 'Not run in this pass.'
}

## Property-based fuzzing

${
	fuzzByVendor.size
		? `| vendor | operations | cases | fewest cases for one operation |\n|---|---|---|---|\n${[
				...fuzzByVendor,
			]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([vendor, row]) => `| ${vendor} | ${row.operations} | ${row.cases} | ${row.minimum} |`)
				.join(
					'\n',
				)}\n\nEvery case: no uncaught exception, no request to another host, no field the user did not set.`
		: 'Not run in this pass.'
}

### \`npm run fuzz\` (100,000 cases per operation)

${
	extended.length
		? `Not part of \`npm test\`: its figures come from \`test/fuzz/extended-results.jsonl\`, which each \`npm run fuzz\` appends to.\n\n| vendor | operation | cases | requests to the sandbox | seconds | finished | commit |\n|---|---|---|---|---|---|---|\n${extended
				.map(
					(row) =>
						`| ${row.vendor} | ${row.operation} | ${row.cases} | ${row.requests} | ${row.seconds} | ${String(row.finished).slice(0, 16)} | ${row.commit} |`,
				)
				.join(
					'\n',
				)}\n\nA row is appended only when every one of its cases held the three properties above. ${extended.length} operations, ${extended.reduce((total, row) => total + row.cases, 0)} cases. ${coverage(fuzz, extended)}`
		: 'No run recorded yet.'
}

## Adversarial suite

${
	adversarial.length
		? `Every parameter of every operation attacked with expression results of every type and size, and every operation's vendor call answered with hostile shapes (test/adversarial; seed ${adversarial[0].seed}, ${adversarial[0].runs} random values per parameter, ${adversarial[0].seconds} s). Each case runs on n8n-core's engine in a child process under a watchdog.\n\n| class | cases | hangs | lockouts | secrets found | short lists | items lost | crashes |\n|---|---|---|---|---|---|---|---|\n${adversarial
				.map(
					(row) =>
						`| ${row.class} | ${row.cases} | ${row.hangs} | ${row.lockouts} | ${row.secretsFound} | ${row.shortLists} | ${row.itemsLost} | ${row.crashes} |`,
				)
				.join(
					'\n',
				)}\n\nTotal: ${sum(adversarial, 'cases')} cases; **${sum(adversarial, 'hangs')} hangs, ${sum(adversarial, 'lockouts')} lockouts, ${sum(adversarial, 'secretsFound')} secrets found, ${sum(adversarial, 'shortLists')} short lists**, ${sum(adversarial, 'itemsLost')} cases with items lost, ${sum(adversarial, 'crashes')} crashes${adversarial[0].skippedAfterHangs ? `; ${adversarial[0].skippedAfterHangs} cases not run after repeated hangs` : ''}.`
		: 'Not run in this pass.'
}

## Queue mode

${queue.length ? queue.map((row) => `- ${row.result}`).join('\n') : 'Not run in this pass (needs redis-server).'}
`;
		writeFileSync(path.join(ROOT, 'RELIABILITY.md'), text);
		// The leak scan runs first in this pass (test/scan/sequencer.js); without its figures the report is not the run's.
		expect(scan).toEqual(expect.objectContaining({ found: 0 }));
		for (const [, row] of fuzzByVendor)
			expect(row.minimum).toBeGreaterThanOrEqual(Number(process.env.FUZZ_RUNS ?? 1000));
		for (const row of faults) expect(row.itemsOut).toBe(row.itemsIn);
		for (const row of extended) expect(row.cases).toBeGreaterThanOrEqual(100_000);
		for (const row of adversarial) {
			expect({
				class: row.class,
				hangs: row.hangs,
				lockouts: row.lockouts,
				secretsFound: row.secretsFound,
				shortLists: row.shortLists,
				itemsLost: row.itemsLost,
				crashes: row.crashes,
			}).toEqual({
				class: row.class,
				hangs: 0,
				lockouts: 0,
				secretsFound: 0,
				shortLists: 0,
				itemsLost: 0,
				crashes: 0,
			});
			expect(row.skippedAfterHangs).toBe(0);
		}
	});
});
