'use strict';
// The report reads the leak scan's figures, so the leak scan must finish first. Jest's default
// order (by file size and past durations) put the report first in a fresh clone's CI run.
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = ['secretLeak.scan.ts', 'reliability.scan.ts'];
/** @param {{ path: string }} test */
const rank = (test) => {
	const index = ORDER.findIndex((name) => test.path.endsWith(name));
	return index === -1 ? ORDER.length : index;
};

class ScanSequencer extends Sequencer {
	/** @param {import('@jest/test-result').Test[]} tests */
	sort(tests) {
		return [...tests].sort((a, b) => rank(a) - rank(b));
	}
}

module.exports = ScanSequencer;
