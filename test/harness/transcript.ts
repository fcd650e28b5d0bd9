import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything a user could see — output items, error messages and descriptions, log lines — is
 * appended here by the harness, so the secret-leak scan can read what the whole suite produced.
 */
export const TRANSCRIPT_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'transcripts');

const file = path.join(TRANSCRIPT_DIR, `${process.pid}-${process.env.JEST_WORKER_ID ?? '0'}.jsonl`);

/**
 * `npm run fuzz` turns transcripts off: its millions of generated cases are test inputs echoed back,
 * not the suite's outputs, and the leak scan runs only in `npm test`.
 */
const TRANSCRIPTS_ON = process.env.SIP_TRANSCRIPTS !== 'off';

export function recordTranscript(
	kind: 'output' | 'error' | 'log' | 'secrets',
	value: unknown,
): void {
	if (!TRANSCRIPTS_ON) return;
	mkdirSync(TRANSCRIPT_DIR, { recursive: true });
	appendFileSync(file, `${JSON.stringify({ kind, value })}\n`);
}

/** Figures for RELIABILITY.md (fuzz runs, faults tried, injection cases, queue mode), one JSON line each. */
export const RELIABILITY_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'reliability');

export function recordReliability(kind: string, figures: Record<string, unknown>): void {
	mkdirSync(RELIABILITY_DIR, { recursive: true });
	appendFileSync(path.join(RELIABILITY_DIR, `${kind}.jsonl`), `${JSON.stringify(figures)}\n`);
}
