/**
 * `npm run fuzz`: the property-based fuzz suites at 100,000 cases per operation, two workers.
 * No globalSetup: it must not clear the artifacts of the last `npm test`.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/fuzz'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	testTimeout: 4 * 60 * 60 * 1000,
	maxWorkers: 2,
};
