import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

// The pack itself (package.json, nodes/, credentials/) is linted exactly as
// @n8n/scan-community-package lints a source checkout: the community-nodes `recommended`
// (n8n Cloud) rules plus n8n-nodes-base's rulesets with the scanner's overrides.
// scripts/lint.mjs runs it with inline config disabled, as the scanner does.
const packFiles = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'];
const credentialRules = {
	...n8nNodesPlugin.configs.credentials.rules,
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
	'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
};
const nodeRules = {
	...n8nNodesPlugin.configs.nodes.rules,
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
};
const packConfig = [
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: packFiles },
	{ files: packFiles, rules: { 'no-console': 'error' } },
	{ files: packFiles, plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{ files: ['credentials/**/*.ts'], rules: credentialRules },
	{ files: ['nodes/**/*.ts'], rules: nodeRules },
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
];

/**
 * The tarball leg (scripts/lint.mjs --packages), as @n8n/scan-community-package 0.32.0 lints the published
 * tarball: every .js file and the package.json, with the same config, in which n8n-nodes-base's node and credential
 * rulesets match `.ts` files only (on compiled code they no-op or trip the `.ts` file-name conventions). So the
 * shipped .js gets the community-nodes rules and no-console; package.json also the community ruleset.
 */
const tarballFiles = ['package.json', '**/*.js'];
export const tarballConfig = [
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: tarballFiles },
	{ files: tarballFiles, rules: { 'no-console': 'error' } },
	{ files: tarballFiles, plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{ files: ['package.json'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 } },
];

// Test, sandbox and tooling code: ordinary TypeScript rules.
const toolingConfig = tseslint.config({
	files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
	extends: [tseslint.configs.recommended],
	rules: {
		'@typescript-eslint/no-explicit-any': 'off',
		'@typescript-eslint/no-require-imports': 'off',
		'@typescript-eslint/no-unused-vars': [
			'error',
			{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
		],
	},
});

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'test-artifacts/**',
			'**/*.js',
			'**/*.mjs',
		],
	},
	...packConfig,
	...toolingConfig,
];
