// `npm run lint`: the pack's sources as @n8n/scan-community-package checks them (inline
// eslint-disable comments ignored), then the tooling code with ordinary TypeScript rules.
import { ESLint } from 'eslint';

const pack = new ESLint({ allowInlineConfig: false, errorOnUnmatchedPattern: false });
const tooling = new ESLint({ errorOnUnmatchedPattern: false });
const results = [
	...(await pack.lintFiles(['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'])),
	...(await tooling.lintFiles(['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'])),
];
const formatter = await pack.loadFormatter('stylish');
const report = await formatter.format(results);
if (report) console.log(report);
const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
console.log(`lint: ${results.length} files, ${errors} errors`);
process.exit(errors ? 1 : 0);
