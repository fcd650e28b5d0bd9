/** Second jest pass of `npm test`: the secret-leak scan over the transcripts the first pass wrote. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/scan'],
	testMatch: ['**/*.scan.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
};
