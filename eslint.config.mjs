import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

// The pack itself (package.json, nodes/, credentials/) is linted exactly as
// @n8n/scan-community-package lints a source checkout: the community-nodes `recommended`
// (n8n Cloud) rules plus n8n-nodes-base's rulesets with the scanner's overrides.
// scripts/lint.mjs runs it with inline config disabled, as the scanner does.
const packFiles = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'];
const packConfig = [
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: packFiles },
	{ files: packFiles, rules: { 'no-console': 'error' } },
	{ files: packFiles, plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
];

// Test, sandbox and tooling code: ordinary TypeScript rules.
const toolingConfig = tseslint.config({
	files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
	extends: [tseslint.configs.recommended],
	rules: {
		'@typescript-eslint/no-explicit-any': 'off',
		'@typescript-eslint/no-require-imports': 'off',
		'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
	},
});

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '**/*.js', '**/*.mjs'] },
	...packConfig,
	...toolingConfig,
];
