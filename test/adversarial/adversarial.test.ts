import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { recordReliability } from '../harness/transcript';
import { ADVERSARIAL_RUNS, ADVERSARIAL_SEED, LONG_RUN } from './cases';
import { plan } from './plan';
import type { Attack } from './plan';
import type { Finding } from './protocol';
import { Watchdog } from './watchdog';

/**
 * The adversarial suite (issue 16, item 9): every parameter of every operation of every node
 * attacked with expression results of every type and size, and every operation's vendor call
 * answered with hostile shapes, each run on n8n-core's engine in a child process under a watchdog.
 * Properties, for every case: no hang (bounded time, event loop never blocked), items in = items out
 * with Continue On Fail, no password the sandbox holds that n8n does not have, no secret in any
 * output, error or log line (except the new password in its named field), no short list without an
 * error. `npm test` runs it at CI size; `npm run fuzz` (ADVERSARIAL_RUNS) adds random values, 10 MB
 * strings on every parameter, every answer on every operation and the default Timeout.
 * A failure names the vendor, the operation, the parameter or answer and the value: re-run with the
 * same ADVERSARIAL_SEED to see it again (ADVERSARIAL_ONLY=<label part> runs only the attacks whose label has it). test-artifacts/adversarial/findings.json lists them all.
 */

/** After this many hangs in one parameter's cases, its other cases are not isolated one by one. */
const HANGS_ISOLATED_PER_PARAMETER = 2;
/** One case alone: a request or two to the sandbox, a two-second registration wait at most. */
const SINGLE_BOUND_MS = 8_000;
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'adversarial');

interface CaseResult {
	label: string;
	name: string;
	className: string;
	findings: Finding[];
}

async function runAttack(
	attack: Attack,
	watchdog: Watchdog,
): Promise<{ results: CaseResult[]; skipped: number }> {
	const findings = await watchdog.run(attack.execution, attack.boundMs, attack.loopBoundMs);
	const result = (index: number, own: Finding[]): CaseResult => ({
		label: attack.label,
		...attack.cases[index],
		findings: own,
	});
	if (!attack.perItem) return { results: [result(0, findings)], skipped: 0 };
	const executionLevel = findings.some((finding) => finding.item === undefined);
	if (!executionLevel || attack.cases.length === 1) {
		return {
			results: attack.cases.map((_, index) =>
				result(
					index,
					findings.filter((finding) => finding.item === index),
				),
			),
			skipped: 0,
		};
	}
	// Something concerned the whole execution (a hang, a lockout, the run failing): each case alone says which.
	const results: CaseResult[] = [];
	let hangs = 0;
	let skipped = 0;
	for (let index = 0; index < attack.cases.length; index++) {
		if (hangs >= HANGS_ISOLATED_PER_PARAMETER) {
			skipped++;
			continue;
		}
		const single = await watchdog.run(
			{ ...attack.execution, kinds: [attack.execution.kinds![index]] },
			Math.min(attack.boundMs, SINGLE_BOUND_MS),
			attack.loopBoundMs,
		);
		if (single.some((finding) => finding.property === 'hang')) hangs++;
		results.push(
			result(
				index,
				single.map((finding) => ({ ...finding, item: undefined })),
			),
		);
	}
	return { results, skipped };
}

const PROPERTIES: Array<[Finding['property'], string]> = [
	['hang', 'hangs'],
	['lockout', 'lockouts'],
	['secret', 'secretsFound'],
	['shortList', 'shortLists'],
	['items', 'itemsLost'],
	['crash', 'crashes'],
];

describe(`Adversarial suite (seed ${ADVERSARIAL_SEED}, ${ADVERSARIAL_RUNS} random values per parameter${LONG_RUN ? ', long run' : ''})`, () => {
	it(
		'no hang, no lost item, no lockout, no secret, no short list, whatever the parameters and the vendor answer',
		async () => {
			const startedAt = Date.now();
			// ADVERSARIAL_ONLY re-runs the attacks whose label contains it, e.g. "vobiz endpoint:rotatePassword passwordLength".
			const attacks = plan().filter((attack) =>
				attack.label.includes(process.env.ADVERSARIAL_ONLY ?? ''),
			);
			const busy = new Watchdog(true);
			const waiting = new Watchdog(false);
			busy.warm();
			waiting.warm();
			const results: CaseResult[] = [];
			let skipped = 0;
			const drain = async (queue: Attack[], watchdog: Watchdog) => {
				for (const attack of queue) {
					const outcome = await runAttack(attack, watchdog);
					if (process.env.ADVERSARIAL_PROGRESS) {
						process.stderr.write(
							`${Math.round((Date.now() - startedAt) / 1000)}s ${attack.label}: ${outcome.results.flatMap((result) => result.findings.map((finding) => `${result.name} ${finding.property}`)).join('; ')}\n`,
						);
					}
					results.push(...outcome.results);
					skipped += outcome.skipped;
				}
			};
			try {
				await Promise.all([
					drain(
						attacks.filter((attack) => attack.queue === 'busy'),
						busy,
					),
					drain(
						attacks.filter((attack) => attack.queue === 'waiting'),
						waiting,
					),
				]);
			} finally {
				busy.close();
				waiting.close();
			}

			const classes = new Map<string, Record<string, number>>();
			for (const result of results) {
				const row =
					classes.get(result.className) ??
					Object.fromEntries([['cases', 0], ...PROPERTIES.map(([, figure]) => [figure, 0])]);
				row.cases++;
				for (const [property, figure] of PROPERTIES)
					if (result.findings.some((finding) => finding.property === property)) row[figure]++;
				classes.set(result.className, row);
			}
			const seconds = Math.round((Date.now() - startedAt) / 1000);
			for (const [className, row] of [...classes].sort(([a], [b]) => a.localeCompare(b))) {
				// The long run (`npm run fuzz`) keeps its figures apart: RELIABILITY.md reports `npm test`'s own run.
				recordReliability(LONG_RUN ? 'adversarial-long' : 'adversarial', {
					class: className,
					...row,
					seed: ADVERSARIAL_SEED,
					runs: ADVERSARIAL_RUNS,
					seconds,
					skippedAfterHangs: skipped,
				});
			}

			// Distinct failures: one line per property × vendor × operation × parameter or answer, with the values.
			const distinct = new Map<string, { values: string[]; detail: string }>();
			for (const result of results) {
				for (const finding of result.findings) {
					const key = `${finding.property}: ${result.label}`;
					const entry = distinct.get(key) ?? { values: [], detail: finding.detail };
					if (!entry.values.includes(result.name)) entry.values.push(result.name);
					distinct.set(key, entry);
				}
			}
			const failures = [...distinct]
				.map(([key, { values, detail }]) => `${key} — values: ${values.join(', ')} — ${detail}`)
				.sort();
			mkdirSync(ARTIFACTS, { recursive: true });
			writeFileSync(
				path.join(ARTIFACTS, 'findings.json'),
				`${JSON.stringify({ seed: ADVERSARIAL_SEED, runs: ADVERSARIAL_RUNS, seconds, cases: results.length, skippedAfterHangs: skipped, failures, results: results.filter((result) => result.findings.length) }, null, '\t')}\n`,
			);
			expect({ failures, skippedAfterHangs: skipped }).toEqual({
				failures: [],
				skippedAfterHangs: 0,
			});
		},
		LONG_RUN ? 12 * 60 * 60 * 1000 : 30 * 60 * 1000,
	);
});
