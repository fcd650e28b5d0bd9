#!/usr/bin/env node
/**
 * Where the bytes of each published tarball go, as Markdown tables for docs/real-n8n.md ("Packed sizes"):
 *
 *   node scripts/packages/sizes.js     # after npm run build and npm run build:packages
 *
 * 1. per package: the .tgz (`npm pack --dry-run`), each shipped file gzipped on its own (gzip -9; the tarball is one
 *    gzip stream over all of them plus 512-byte tar headers, so the files add up to a little less), and how much of
 *    the gzipped bundle is string literals (the literals alone, gzipped) and code (the bundle with every literal
 *    emptied, gzipped);
 * 2. per package: the bundle's bytes (whitespace-minified, before gzip) by where they come from, from esbuild's
 *    metafile: the vendor's node folder, its credential, the shared core (nodes/shared), esbuild's runtime;
 * 3. the shared core's modules, largest first (the same in every package that imports them).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');
const ts = require('typescript');
const { BUNDLE, bundleOptions } = require('../bundle');
const { VENDORS, OUTPUT_DIR } = require('./vendors');

const ROOT = path.resolve(__dirname, '..', '..');
const umbrella = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const gzipped = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(1);

/** The packages measured: the umbrella (built at the root) and the five, each with the source its bundle is built from. */
const PACKAGES = [
	{ name: umbrella.name, label: 'umbrella', dir: ROOT, source: ROOT, folder: undefined },
	...VENDORS.map((vendor) => ({
		name: vendor.packageName,
		label: vendor.service,
		dir: path.join(ROOT, vendor.packageDir),
		source: path.join(ROOT, OUTPUT_DIR, '.source', vendor.packageName),
		folder: vendor.folder,
	})),
];

function dryRunPack(dir) {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: dir,
			encoding: 'utf8',
		}),
	);
	return { size: pack.size, files: pack.files.map((file) => file.path) };
}

/** The bundle's string and template literals, and the bundle with each of them emptied. */
function splitLiterals(code) {
	const source = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
	const literals = [];
	const visit = (node) => {
		if (
			ts.isStringLiteral(node) ||
			ts.isNoSubstitutionTemplateLiteral(node) ||
			ts.isTemplateHead(node) ||
			ts.isTemplateMiddle(node) ||
			ts.isTemplateTail(node)
		)
			literals.push({ start: node.getStart(source), end: node.getEnd() });
		ts.forEachChild(node, visit);
	};
	visit(source);
	let rest = '';
	let at = 0;
	for (const { start, end } of literals) {
		rest += code.slice(at, start + 1);
		at = end - 1;
	}
	rest += code.slice(at);
	return { text: literals.map(({ start, end }) => code.slice(start, end)).join('\n'), rest };
}

/** esbuild's metafile for the package's bundle: bytes in the output per source module. */
async function bytesPerModule(source) {
	const options = bundleOptions(source);
	const { metafile } = await esbuild.build({ ...options, write: false, metafile: true });
	const output = metafile.outputs[path.relative(source, options.outfile)];
	return Object.fromEntries(
		Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput]),
	);
}

function groupOf(file, folder) {
	if (file.startsWith('nodes/shared/')) return 'shared';
	if (file.startsWith('credentials/')) return 'credential';
	if (folder ? file.startsWith(`nodes/${folder}/`) : /^nodes\/[A-Z]/.test(file)) return 'node';
	return 'other';
}

const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (header, rows) =>
	[row(header), row(header.map((_, i) => (i ? '--:' : ':--'))), ...rows.map(row)].join('\n');

async function main() {
	const measured = [];
	for (const pkg of PACKAGES) {
		const pack = dryRunPack(pkg.dir);
		const file = (name) => fs.readFileSync(path.join(pkg.dir, name));
		const bundle = file(BUNDLE);
		const { text, rest } = splitLiterals(bundle.toString('utf8'));
		const gz = (names) => names.reduce((sum, name) => sum + gzipped(file(name)), 0);
		const others = pack.files.filter(
			(name) => name !== BUNDLE && !['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json'].includes(name),
		);
		const modules = await bytesPerModule(pkg.source);
		const groups = { node: 0, credential: 0, shared: 0, other: 0 };
		for (const [name, bytes] of Object.entries(modules)) groups[groupOf(name, pkg.folder)] += bytes;
		measured.push({
			...pkg,
			tgz: pack.size,
			bundleRaw: bundle.length,
			bundleGz: gzipped(bundle),
			literalsGz: gzipped(Buffer.from(text)),
			codeGz: gzipped(Buffer.from(rest)),
			readme: gz(['README.md']),
			changelog: pack.files.includes('CHANGELOG.md') ? gz(['CHANGELOG.md']) : 0,
			license: gz(['LICENSE']),
			packageJson: gz(['package.json']),
			others: gz(others),
			otherCount: others.length,
			groups,
			modules,
		});
	}
	console.log(
		table(
			['package', '.tgz (bytes)', 'bundle.js', '… literals', '… code', 'README', 'CHANGELOG', 'LICENSE', 'package.json', 'other files'],
			measured.map((m) => [
				m.label,
				m.tgz.toLocaleString('en'),
				kB(m.bundleGz),
				kB(m.literalsGz),
				kB(m.codeGz),
				kB(m.readme),
				m.changelog ? kB(m.changelog) : '–',
				kB(m.license),
				kB(m.packageJson),
				`${kB(m.others)} (${m.otherCount})`,
			]),
		),
	);
	console.log();
	console.log(
		table(
			['bundle.js, before gzip', 'total', 'vendor node', 'credential', 'shared core', 'esbuild runtime'],
			measured.map((m) => [
				m.label,
				kB(m.bundleRaw),
				kB(m.groups.node),
				kB(m.groups.credential),
				kB(m.groups.shared),
				kB(m.groups.other),
			]),
		),
	);
	console.log();
	const shared = Object.entries(measured[0].modules)
		.filter(([name]) => name.startsWith('nodes/shared/'))
		.sort((a, b) => b[1] - a[1]);
	const inVendors = (name) => measured.slice(1).filter((m) => name in m.modules).map((m) => m.label);
	console.log(
		table(
			['shared module', 'bytes', 'not in'],
			shared.map(([name, bytes]) => {
				const missing = VENDORS.map((v) => v.service).filter((s) => !inVendors(name).includes(s));
				return [path.basename(name), String(bytes), missing.join(', ') || '–'];
			}),
		),
	);
}

main().catch((error) => {
	console.error(error.stack || error.message);
	process.exit(1);
});
