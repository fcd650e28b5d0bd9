#!/usr/bin/env node
/**
 * `npm run build:packages`: the five per-vendor packages (scripts/packages/vendors.js), each built from the
 * umbrella's own source into its root packages/<slug>/, from where it is packed and published:
 *
 *   package.json     the `n8n` attribute listing only its node and credential; repository (with `directory`),
 *                    homepage, author, bugs, engines, keywords; no dependencies, peer n8n-workflow     (committed)
 *   README.md        scripts/packages/README.template.md + the built credential's fields                (committed)
 *   LICENSE, CHANGELOG.md                                                                               (committed)
 *   dist/            that vendor's node and credential, bundled with nodes/shared by esbuild (n8n-workflow
 *                    external), icons, codex                                                          (git-ignored)
 *
 * The root files are committed because @n8n/scan-community-package looks for the package's source at the commit its
 * npm provenance names: the folder of that checkout whose package.json has the package's name. A test
 * (test/package/package-roots.test.ts) fails when the committed files differ from what this build writes.
 *
 * n8n's lazy-loading metadata (dist/known, dist/types) is generated (the README and the tests read it) but, as in
 * the umbrella, left out of the tarball by `files`: n8n then loads the package by requiring its entry files.
 *
 * The source is staged first in packages-dist/.source/<package name>/ (the vendor's folder, nodes/shared and its
 * credential, with the credential renamed as vendors.js says, and the codex pointing at the package's node type):
 * `npm run lint:packages` lints that staging as the scanner lints a source checkout. Node and credential source in
 * the repository is not touched.
 *
 *   node scripts/packages/build.js              # all five
 *   node scripts/packages/build.js vobiz ...    # some, by slug
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { bundle } = require('../bundle');
const { copyAssets, validateIcons, writeMetadata } = require('../build-steps');
const { LATEST_N8N_1X_VERSION, PINNED_N8N_VERSION } = require('../n8n/install');
const { VENDORS, OUTPUT_DIR, credentialTypeOf } = require('./vendors');

const ROOT = path.resolve(__dirname, '..', '..');
const STAGING = '.source';
/** What a package root holds besides dist/: all of it written here. */
const ROOT_FILES = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json'];
/** n8n's lazy-loading metadata: built (README, tests), not shipped. */
const UNSHIPPED = ['!dist/known', '!dist/types', '!dist/methods'];

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
/** `https://github.com/o/r.git` → `https://github.com/o/r` */
const webUrlOf = (repository) => repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text replacements that turn the umbrella's source of one vendor into the per-vendor package's. */
function renamesFor(umbrella, vendor) {
	const repositoryUrl = webUrlOf(umbrella.repository);
	return [
		// credential class and type name (vendors.js says why they differ from the umbrella's)
		[new RegExp(`\\b${vendor.credential}\\b`, 'g'), vendor.packageCredential],
		[
			new RegExp(`\\b${credentialTypeOf(vendor.credential)}\\b`, 'g'),
			credentialTypeOf(vendor.packageCredential),
		],
		// codex: the node type is `<package>.<node>`; its documentation is the vendor's page
		[
			new RegExp(`"node": "${escapeRegExp(umbrella.name)}\\.`, 'g'),
			`"node": "${vendor.packageName}.`,
		],
		[
			new RegExp(`${escapeRegExp(repositoryUrl)}#[a-z]+`, 'g'),
			`${repositoryUrl}/blob/main/${vendor.docs}`,
		],
	];
}

const rename = (text, renames) =>
	renames.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);

/** Copies `from` (a file or folder below root) into the staging, with the renames applied to text files. */
function stageCopy(root, stage, from, renames) {
	const source = path.join(root, from);
	const files = fs.statSync(source).isDirectory()
		? fs.readdirSync(source, { recursive: true }).map((file) => path.join(from, file))
		: [from];
	for (const file of files) {
		const absolute = path.join(root, file);
		if (fs.statSync(absolute).isDirectory() || file.endsWith('.test.ts')) continue;
		const target = path.join(stage, rename(file, renames));
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (/\.(ts|json)$/.test(file))
			fs.writeFileSync(target, rename(fs.readFileSync(absolute, 'utf8'), renames));
		else fs.copyFileSync(absolute, target);
	}
}

function packageJsonFor(umbrella, vendor) {
	const repositoryUrl = webUrlOf(umbrella.repository);
	return {
		name: vendor.packageName,
		version: umbrella.version,
		description: `n8n node to manage and rotate ${vendor.service} SIP credentials: ${vendor.resources}`,
		keywords: [
			'n8n-community-node-package',
			'n8n',
			'sip',
			'voip',
			'sip-credentials',
			'password-rotation',
			vendor.slug,
			...(vendor.service.toLowerCase() === vendor.slug ? [] : [vendor.service.toLowerCase()]),
		],
		license: umbrella.license,
		homepage: `${repositoryUrl}/blob/main/${vendor.docs}`,
		author: umbrella.author,
		// `directory`: where in the repository the package's root is (npm shows it; the scanner finds it by name)
		repository: { ...umbrella.repository, directory: vendor.packageDir },
		bugs: umbrella.bugs,
		engines: umbrella.engines,
		// npm packs README and LICENSE by itself, not the CHANGELOG
		files: ['dist', ...UNSHIPPED, 'CHANGELOG.md'],
		n8n: {
			n8nNodesApiVersion: umbrella.n8n.n8nNodesApiVersion,
			strict: umbrella.n8n.strict,
			credentials: [`dist/credentials/${vendor.packageCredential}.credentials.js`],
			nodes: [`dist/nodes/${vendor.folder}/${vendor.folder}.node.js`],
		},
		peerDependencies: umbrella.peerDependencies,
	};
}

/** When a credential field is shown: `(Authentication: API Key)`, from its displayOptions. */
function shownWhen(field, fields) {
	const show = field.displayOptions && field.displayOptions.show;
	if (!show) return '';
	const conditions = Object.entries(show).map(([name, values]) => {
		const parent = fields.find((f) => f.name === name);
		const labels = values.map(
			(value) => (parent?.options ?? []).find((o) => o.value === value)?.name ?? String(value),
		);
		return `${parent?.displayName ?? name}: ${labels.join(' or ')}`;
	});
	return ` (${conditions.join('; ')})`;
}

/** The credential's visible fields as a Markdown list, from the built type (what the form shows). */
function credentialFieldList(credential) {
	const fields = credential.properties.filter(
		(field) => field.type !== 'hidden' && field.type !== 'notice',
	);
	return fields
		.map((field) => {
			const options =
				field.type === 'options' ? `: ${field.options.map((o) => o.name).join(' or ')}` : '';
			// the first sentence: the rest is in the form itself and in the vendor's reference
			const description = field.description ? ` — ${field.description.split(/(?<=\.)\s/)[0]}` : '';
			return `- **${field.displayName}**${field.required ? ' (required)' : ''}${shownWhen(field, fields)}${options}${description}`;
		})
		.join('\n');
}

function readmeFor(umbrella, vendor, nodeType, credential) {
	const { method = 'GET', url = '' } = credential.test?.request ?? {};
	const values = {
		packageName: vendor.packageName,
		service: vendor.service,
		resources: vendor.resources,
		umbrellaName: umbrella.name,
		repositoryUrl: webUrlOf(umbrella.repository),
		bugsUrl: umbrella.bugs.url,
		docs: vendor.docs,
		nodeName: nodeType.name,
		credentialDisplayName: credential.displayName,
		credentialType: credential.name,
		umbrellaCredentialType: credentialTypeOf(vendor.credential),
		credentialFields: credentialFieldList(credential),
		credentialTest: `${method} ${url}`,
		testedVersions: `${LATEST_N8N_1X_VERSION} and ${PINNED_N8N_VERSION}`,
	};
	const template = fs.readFileSync(path.join(__dirname, 'README.template.md'), 'utf8');
	return template.replace(/\{\{(\w+)\}\}/g, (placeholder, key) => {
		if (!(key in values)) throw new Error(`README.template.md: unknown placeholder ${placeholder}`);
		return values[key];
	});
}

/**
 * The umbrella's CHANGELOG cut to this package: under each of its headings, the entries that name this vendor (a
 * heading left empty is dropped), after a line saying where the rest is. Changes to the shared core that name no
 * vendor, and each version's Repository section (tests, sandbox, benchmarks, examples, docs, CI: nothing the package
 * ships), are in the umbrella's CHANGELOG only: the whole of it does not fit the package's size budget.
 */
function changelogFor(root, umbrella, vendor) {
	const lines = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8').split('\n');
	const renames = renamesFor(umbrella, vendor);
	const out = [
		'# Changelog',
		'',
		`${vendor.packageName} is built from the source of ${umbrella.name} and released with it under the same version.`,
		`Below: the entries that name ${vendor.service}, changes to the repository's tests and tools aside. Every change,`,
		"including the shared core's and the repository's:",
		`${webUrlOf(umbrella.repository)}/blob/main/CHANGELOG.md`,
	];
	let pending = [];
	let repositorySection = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (/^#{1,3} /.test(line)) repositorySection = /^### Repository\b/.test(line);
		if (/^## /.test(line)) pending = [line];
		else if (/^### /.test(line)) pending = [...pending.filter((h) => h.startsWith('## ')), line];
		if (!line.startsWith('- ')) continue;
		// an entry runs on over its indented lines
		let entry = line;
		while (i + 1 < lines.length && /^ {2}\S/.test(lines[i + 1])) entry += '\n' + lines[++i];
		if (repositorySection || !entry.includes(vendor.service)) continue;
		out.push(...pending.flatMap((heading) => ['', heading, '']));
		pending = [];
		// in this package the credential has its own name
		out.push(rename(entry, renames));
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/**
 * Builds one per-vendor package; returns its folder: its root packages/<slug>/, or `outDir`/<package name> when
 * `outDir` is given (the staging then goes below `outDir` too).
 */
async function buildPackage(vendor, { root = ROOT, outDir } = {}) {
	const umbrella = readJson(path.join(root, 'package.json'));
	const stage = path.join(outDir ?? path.join(root, OUTPUT_DIR), STAGING, vendor.packageName);
	const dir = outDir ? path.join(outDir, vendor.packageName) : path.join(root, vendor.packageDir);
	fs.rmSync(stage, { recursive: true, force: true });
	// only what this build writes: a file someone adds to the root stays (and the roots test names it)
	for (const file of ['dist', ...ROOT_FILES])
		fs.rmSync(path.join(dir, file), { recursive: true, force: true });

	const renames = renamesFor(umbrella, vendor);
	for (const from of [
		`nodes/${vendor.folder}`,
		'nodes/shared',
		`credentials/${vendor.credential}.credentials.ts`,
	])
		stageCopy(root, stage, from, renames);
	// the compiler settings esbuild reads (bundle.js takes them from the package root)
	for (const file of ['tsconfig.json', 'tsconfig.build.json'])
		fs.copyFileSync(path.join(root, file), path.join(stage, file));
	const pkg = packageJsonFor(umbrella, vendor);
	fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(pkg, null, '\t') + '\n');

	await bundle(stage);
	validateIcons(stage);
	copyAssets(stage);
	writeMetadata(stage);

	fs.mkdirSync(dir, { recursive: true });
	fs.cpSync(path.join(stage, 'dist'), path.join(dir, 'dist'), { recursive: true });
	fs.copyFileSync(path.join(stage, 'package.json'), path.join(dir, 'package.json'));
	fs.copyFileSync(path.join(root, 'LICENSE'), path.join(dir, 'LICENSE'));
	const [nodeType] = readJson(path.join(dir, 'dist/types/nodes.json'));
	const [credential] = readJson(path.join(dir, 'dist/types/credentials.json'));
	fs.writeFileSync(path.join(dir, 'README.md'), readmeFor(umbrella, vendor, nodeType, credential));
	fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), changelogFor(root, umbrella, vendor));
	return dir;
}

/**
 * Builds the per-vendor packages (all, or those whose slug is listed) into their roots, or into `outDir`; returns
 * their folders. `outDir` must lie inside the repository: n8n's metadata generator loads the bundles, which require
 * n8n-workflow from the repository's node_modules.
 */
async function buildPackages({ root = ROOT, slugs = [], outDir } = {}) {
	const unknown = slugs.filter((slug) => !VENDORS.some((vendor) => vendor.slug === slug));
	if (unknown.length)
		throw new Error(
			`no per-vendor package for ${unknown.join(', ')} (known: ${VENDORS.map((v) => v.slug).join(', ')})`,
		);
	const dirs = [];
	for (const vendor of VENDORS.filter((v) => !slugs.length || slugs.includes(v.slug)))
		dirs.push(await buildPackage(vendor, { root, outDir }));
	return dirs;
}

module.exports = { buildPackage, buildPackages, packageJsonFor, ROOT_FILES, STAGING };

if (require.main === module) {
	buildPackages({ slugs: process.argv.slice(2) }).then(
		(dirs) =>
			console.log(
				`built ${dirs.length} per-vendor packages:\n  ${dirs.map((d) => path.relative(process.cwd(), d)).join('\n  ')}`,
			),
		(error) => {
			console.error(error.stack || error.message);
			process.exit(1);
		},
	);
}
