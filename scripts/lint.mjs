// `npm run lint`: the pack's sources as @n8n/scan-community-package checks them (inline
// eslint-disable comments ignored), then the tooling code with ordinary TypeScript rules, then `tsc` over the whole
// tree (tsconfig.check.json: the pack, test/, e2e/, sandbox/, bench/ and scripts/, JS through checkJs), since jest
// runs with diagnostics off and nothing else checks their types, then `prettier --check .` (.prettierrc.js, the settings
// of n8n's node tooling; `npm run format` fixes what it reports), then madge: no import cycle under nodes/ and
// credentials/ (type-only imports count: a layer that imports another's types back is a cycle too).
// `npm run lint:packages` (after `npm run build` and `npm run build:packages`): the scanner's two legs for every
// package that is published: the source leg on each per-vendor package's staged source (packages-dist/.source/),
// and the tarball leg on the umbrella and each per-vendor package (its root packages/<slug>/): `npm pack`, unpack, lint every .js file and the
// package.json with the same rules (eslint.config.mjs `tarballConfig`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { tarballConfig } from '../eslint.config.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = path.join(ROOT, 'eslint.config.mjs');
const PACK_SOURCES = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'];
/** What the scanner's source leg lints below a package root (0.32.0 `SOURCE_FILE_PATTERNS`). */
const SCANNER_SOURCES = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
const { VENDORS, OUTPUT_DIR } = (await import('./packages/vendors.js')).default;

/** The scanner's source leg on a package root (inline config ignored, as the scanner does). */
async function lintSource(cwd, patterns) {
	const eslint = new ESLint({
		cwd,
		overrideConfigFile: CONFIG,
		allowInlineConfig: false,
		errorOnUnmatchedPattern: false,
	});
	return eslint.lintFiles(patterns);
}

/** The tarball leg: `npm pack` the package folder, unpack it, lint what it ships. */
async function lintTarball(packageDir) {
	const scratch = mkdtempSync(path.join(tmpdir(), 'lint-tarball-'));
	try {
		const [{ filename }] = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], {
				cwd: packageDir,
				encoding: 'utf8',
			}),
		);
		execFileSync('tar', ['-xzf', path.join(scratch, filename), '-C', scratch]);
		const unpacked = path.join(scratch, 'package');
		const eslint = new ESLint({
			cwd: unpacked,
			overrideConfigFile: true,
			overrideConfig: tarballConfig,
			allowInlineConfig: false,
		});
		const results = await eslint.lintFiles(['package.json', '**/*.js']);
		const shipped = readdirSync(unpacked, { recursive: true }).filter((file) =>
			file.endsWith('.js'),
		);
		if (!shipped.length || results.length !== shipped.length + 1)
			throw new Error(
				`${packageDir}: linted ${results.length} files of a tarball with ${shipped.length} .js files`,
			);
		// name the files by package, not by the scratch folder
		for (const result of results)
			result.filePath = path.join(
				packageDir,
				'(tarball)',
				path.relative(unpacked, result.filePath),
			);
		return results;
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

const legs = [];
if (process.argv.includes('--packages')) {
	legs.push({ name: 'n8n-nodes-sip-credentials tarball', run: () => lintTarball(ROOT) });
	for (const { packageName, packageDir } of VENDORS) {
		legs.push({
			name: `${packageName} source`,
			run: () => lintSource(path.join(ROOT, OUTPUT_DIR, '.source', packageName), SCANNER_SOURCES),
		});
		legs.push({
			name: `${packageName} tarball`,
			run: () => lintTarball(path.join(ROOT, packageDir)),
		});
	}
} else {
	const pack = new ESLint({ allowInlineConfig: false, errorOnUnmatchedPattern: false });
	const tooling = new ESLint({ errorOnUnmatchedPattern: false });
	legs.push({ name: 'pack source', run: () => pack.lintFiles(PACK_SOURCES) });
	legs.push({
		name: 'tooling',
		run: () =>
			tooling.lintFiles(['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts']),
	});
}

/**
 * Runs a tool of node_modules (`bin`: its script below node_modules) on the tree. Passes: 0. Fails: prints its output,
 * then `advice`, and returns how many problems `problem` matches in it (at least 1).
 */
function runTool(bin, args, problem, advice = '') {
	try {
		execFileSync(process.execPath, [path.join(ROOT, 'node_modules', bin), ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return 0;
	} catch (error) {
		if (error.status === undefined || error.status === null) throw error;
		const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
		console.log(output);
		if (advice) console.log(advice);
		return Math.max(1, (output.match(problem) ?? []).length);
	}
}

/** `tsc -p tsconfig.check.json`: the number of type errors. */
const typeCheck = () =>
	runTool('typescript/bin/tsc', ['-p', path.join(ROOT, 'tsconfig.check.json')], /error TS\d+/g);

/** `prettier --check .`: the number of files it would reformat. */
const formatCheck = () =>
	runTool(
		'prettier/bin/prettier.cjs',
		['--check', '--log-level', 'warn', '.'],
		/^\[warn\] (?!Code style issues)/gm,
		'Run npm run format to format them.',
	);

/**
 * madge over the pack's sources: the number of import cycles (each printed as its chain of files).
 * Absolute folders: madge resolves relative ones against the real path of its own package, which
 * here is the main checkout's node_modules.
 */
async function cycleCheck() {
	const { default: madge } = await import('madge');
	const graph = await madge(
		['nodes', 'credentials'].map((folder) => path.join(ROOT, folder)),
		{
			baseDir: ROOT,
			fileExtensions: ['ts'],
			tsConfig: path.join(ROOT, 'tsconfig.json'),
			detectiveOptions: { ts: { skipTypeImports: false } },
		},
	);
	const cycles = graph.circular();
	for (const cycle of cycles) console.log(`import cycle: ${cycle.join(' > ')} > ${cycle[0]}`);
	return cycles.length;
}

const formatter = await new ESLint().loadFormatter('stylish');
let errors = 0;
let files = 0;
for (const leg of legs) {
	const results = await leg.run();
	if (!results.length)
		throw new Error(
			`lint ${leg.name}: no files (run npm run build and npm run build:packages first)`,
		);
	const report = await formatter.format(results);
	if (report) console.log(report);
	const legErrors = results.reduce((sum, result) => sum + result.errorCount, 0);
	if (legs.length > 2)
		console.log(`lint ${leg.name}: ${results.length} files, ${legErrors} errors`);
	errors += legErrors;
	files += results.length;
}
if (!process.argv.includes('--packages')) {
	const typeErrors = typeCheck();
	console.log(`lint tsc -p tsconfig.check.json: ${typeErrors} errors`);
	const unformatted = formatCheck();
	console.log(`lint prettier --check: ${unformatted} files not formatted`);
	const cycles = await cycleCheck();
	console.log(`lint madge --circular (nodes/, credentials/): ${cycles} import cycles`);
	errors += typeErrors + unformatted + cycles;
}
console.log(`lint: ${files} files, ${errors} errors`);
process.exit(errors ? 1 : 0);
