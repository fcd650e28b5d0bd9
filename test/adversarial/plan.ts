import type { IDataObject } from 'n8n-workflow';
import {
	ANSWER_KINDS,
	enumerateOperations,
	HUGE_KIND,
	LONG_RUN,
	ADVERSARIAL_RUNS,
	PAGE_KINDS,
	randomKinds,
	READ_BACK_KINDS,
	VALUE_KINDS,
} from './cases';
import type { AnswerKind, ValueKind } from './cases';
import type { Execution } from './protocol';

/** One execution the suite runs, with the cases it holds. */
export interface Attack {
	/** vendor, operation and what is attacked, e.g. "vobiz endpoint:rotatePassword passwordLength". */
	label: string;
	cases: Array<{ name: string; className: string }>;
	execution: Execution;
	/** Each input item is a case of its own (parameter attacks); else the execution is one case. */
	perItem: boolean;
	/** Bound of the whole execution, and of any stop of the child's event loop (watchdog.ts). */
	boundMs: number;
	loopBoundMs: number;
	/** Cases that mostly wait on a silent vendor run beside the others, in a second child. */
	queue: 'busy' | 'waiting';
}

/** The node's Timeout in answer attacks: a silent vendor then fails a read in 2 × 3 s (one retry, build.ts). */
export const ANSWER_TIMEOUT_MS = 3000;
const LOOP_BOUND_MS = 6000;
/** Building and sending a 10 MB value takes a while on a loaded machine, without being a hang. */
const HUGE_LOOP_BOUND_MS = 20_000;
const PARAMETERS_PER_EXECUTION = 40;

/** Answers the node mostly waits on (silence, lateness, retried server errors): they run in the second child. */
const WAITING = /^(never answers|answers late|HTML 502|500 after apply|drop after apply)/;
const COMMON = new Set(['rateLimiting', 'requestOptions']);
const CI_KINDS = new Set([
	'NaN',
	'Infinity',
	'-1',
	'0',
	'2^53',
	'"8"',
	'"NaN"',
	'""',
	'whitespace',
	'CR/LF',
	'trailing newline',
	'321 characters',
	'object',
	'array',
	'null',
	'undefined',
	'false',
	'Date',
]);

export function answerClass(answer: AnswerKind): string {
	if (answer.on === 'readBack') return 'answer: Rotate Password read-back';
	if (answer.on === 'laterPage' || answer.on === 'firstPage') return 'answer: paging';
	if (answer.name.startsWith('echoes secrets')) return 'answer: echoes secrets';
	if (/^30\d/.test(answer.name)) return 'answer: redirect';
	if (/after apply|429/.test(answer.name)) return 'answer: failure after apply / rate limit';
	if (/^(never answers|answers late)/.test(answer.name)) return 'answer: silent or late vendor';
	return 'answer: hostile body shape';
}

/** Every attack of this run, in a fixed order. */
export function plan(): Attack[] {
	const attacks: Attack[] = [];
	const operations = enumerateOperations();
	operations.forEach((operation, operationIndex) => {
		const { vendor, resource, operation: name } = operation;
		const key = `${resource}:${name}`;
		const vendorOperations = operations.filter(
			(candidate) => candidate.vendor === vendor && candidate.operation !== 'generatePassword',
		);
		const position = vendorOperations.indexOf(operation);
		// `npm test` attacks the parameters every operation shares (Rate Limiting, Request Options) on
		// Rotate Password of each vendor; `npm run fuzz` on every operation.
		const commonHere = LONG_RUN || name === 'rotatePassword';
		operation.parameters.forEach((target, targetIndex) => {
			if (COMMON.has(target.path[0]) && !commonHere) return;
			const label = `${vendor} ${key} ${target.path.join('.')}`;
			// Every kind in the long run; in `npm test` the kinds that broke something once, of every type.
			const base = LONG_RUN ? VALUE_KINDS : VALUE_KINDS.filter((kind) => CI_KINDS.has(kind.name));
			const kinds: ValueKind[] = [
				...base,
				...randomKinds(ADVERSARIAL_RUNS, operationIndex * 1000 + targetIndex),
			];
			for (let start = 0; start < kinds.length; start += PARAMETERS_PER_EXECUTION) {
				const chunk = kinds.slice(start, start + PARAMETERS_PER_EXECUTION);
				attacks.push({
					label,
					cases: chunk.map((kind) => ({ name: kind.name, className: `parameter: ${kind.group}` })),
					execution: {
						vendor,
						resource,
						operation: name,
						target,
						kinds: chunk.map((kind) => kind.json as IDataObject),
					},
					perItem: true,
					boundMs: 15_000 + 200 * chunk.length,
					loopBoundMs: LOOP_BOUND_MS,
					queue: 'busy',
				});
			}
			// 10 MB values: on every parameter in the long run; in `npm test` on passwords, and on one
			// parameter of each operation, turn by turn.
			const last = target.path[target.path.length - 1];
			const specific = operation.parameters.filter((candidate) => !COMMON.has(candidate.path[0]));
			const turn = specific.length ? specific[operationIndex % specific.length] : undefined;
			if (LONG_RUN || /password/i.test(last) || target === turn) {
				attacks.push({
					label,
					cases: [{ name: HUGE_KIND.name, className: `parameter: ${HUGE_KIND.group}` }],
					execution: { vendor, resource, operation: name, target, kinds: [HUGE_KIND.json] },
					perItem: true,
					boundMs: 60_000,
					loopBoundMs: HUGE_LOOP_BOUND_MS,
					queue: 'busy',
				});
			}
		});
		if (name === 'generatePassword') return;
		const answers: AnswerKind[] = [
			...ANSWER_KINDS.filter((_, index) => LONG_RUN || (index + position) % 4 === 0),
			// Every page answer on every list, NetSapiens' bare arrays included (checked against its …/devices/count).
			...(name === 'getAll' ? PAGE_KINDS : []),
			...(name === 'rotatePassword' ? READ_BACK_KINDS : []),
		];
		for (const answer of answers) {
			attacks.push({
				label: `${vendor} ${key} answer "${answer.name}"${answer.on === 'main' ? '' : ` on the ${answer.on}`}`,
				cases: [{ name: answer.name, className: answerClass(answer) }],
				execution: { vendor, resource, operation: name, answer, timeoutMs: ANSWER_TIMEOUT_MS },
				perItem: false,
				// Reads retry a silent vendor once (2 × 3 s); a Rotate Password's read-back comes after its write.
				boundMs: 25_000,
				loopBoundMs: answer.name === 'huge body' ? HUGE_LOOP_BOUND_MS : LOOP_BOUND_MS,
				queue: WAITING.test(answer.name) ? 'waiting' : 'busy',
			});
		}
		// The long run also leaves the node's Timeout at its default: a silent vendor must still fail
		// the item within a bound (one read and the write of Rotate Password per vendor).
		if (LONG_RUN && (name === 'rotatePassword' || name === 'get')) {
			const answer: AnswerKind = { name: 'never answers', on: 'main' };
			attacks.push({
				label: `${vendor} ${key} answer "never answers" with the default Timeout`,
				cases: [{ name: 'never answers (default Timeout)', className: answerClass(answer) }],
				execution: { vendor, resource, operation: name, answer },
				perItem: false,
				boundMs: 180_000,
				loopBoundMs: LOOP_BOUND_MS,
				queue: 'waiting',
			});
		}
	});
	return attacks;
}
