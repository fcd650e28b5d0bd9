/** Second jest pass of `npm test`: the secret-leak scan over the transcripts the first pass wrote, then RELIABILITY.md. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/scan'],
	testMatch: ['**/*.scan.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	// One after the other, leak scan first: RELIABILITY.md reports the leak scan's figures.
	maxWorkers: 1,
	testSequencer: '<rootDir>/test/scan/sequencer.js',
};
