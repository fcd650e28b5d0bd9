import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findLeaks, knownSecrets } from '../harness/leaks';
import type { TranscriptEntry } from '../harness/leaks';
import { recordReliability, TRANSCRIPT_DIR } from '../harness/transcript';

/**
 * Runs after the whole suite (`npm test` runs it as a second jest pass): every output item, error
 * message and description, and log line any test produced must be free of every secret the
 * sandboxes knew — API keys, tokens, passwords, SIP digests, Basic header values — except in the
 * designated new-password fields `newPassword` of Generate/Rotate Password and `pendingPassword` of a failed apply whose outcome is unknown.
 */
function transcript(): TranscriptEntry[] {
	if (!existsSync(TRANSCRIPT_DIR)) return [];
	return readdirSync(TRANSCRIPT_DIR)
		.filter((file) => file.endsWith('.jsonl'))
		.flatMap((file) =>
			readFileSync(path.join(TRANSCRIPT_DIR, file), 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as TranscriptEntry),
		);
}

describe('secret-leak scan over everything the suite produced', () => {
	const entries = transcript();
	const count = (kind: TranscriptEntry['kind']) =>
		entries.filter((entry) => entry.kind === kind).length;

	it('has a transcript to scan (the suite ran through the harness)', () => {
		expect(count('output')).toBeGreaterThan(50);
		expect(count('error')).toBeGreaterThan(10);
		expect(knownSecrets(entries).length).toBeGreaterThan(100);
	});

	it('finds no known secret in any output item, error or log line', () => {
		const findings = findLeaks(entries);
		const figures = {
			outputs: count('output'),
			errors: count('error'),
			logLines: count('log'),
			secretsScanned: knownSecrets(entries).length,
			found: findings.length,
		};
		// With the suite's other figures, in the folder each run starts empty: the report never shows an earlier run's.
		recordReliability('secret-scan', figures);
		expect(findings).toEqual([]);
	});
});
