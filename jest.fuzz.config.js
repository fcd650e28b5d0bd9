/**
 * `npm run fuzz`: the property-based fuzz suites at 100,000 cases per operation, and the adversarial
 * suite at its long size (ADVERSARIAL_RUNS random values per parameter, every answer on every operation), two workers.
 * No globalSetup: it must not clear the artifacts of the last `npm test`.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/fuzz', '<rootDir>/test/adversarial'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	testTimeout: 4 * 60 * 60 * 1000,
	maxWorkers: 2,
};
