'use strict';
// The build steps after the bundle, for any package root (the umbrella at the repo root, or a per-vendor package
// staged by scripts/packages/build.js): the themed-icon check, copying icons and codex files into dist/, and n8n's
// lazy-loading metadata. gulpfile.js runs them for the umbrella.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { checkIcons } = require('./icons');
const { sourceOf } = require('./bundle');

const readPackage = (root) => JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// The source folder of a compiled module under dist/ is where its `file:` icon references point.
function sourceDirOf(root, distFile) {
	return path.dirname(path.resolve(root, sourceOf(distFile)));
}

function declaredIcons(root) {
	const pkg = readPackage(root);
	const declarations = [];
	for (const [kind, files] of [
		['node', pkg.n8n.nodes],
		['credential', pkg.n8n.credentials],
	]) {
		for (const file of files) {
			for (const Exported of Object.values(require(path.resolve(root, file)))) {
				const instance = new Exported();
				const { name, icon } = kind === 'node' ? instance.description : instance;
				declarations.push({ owner: name, icon, sourceDir: sourceDirOf(root, file) });
			}
		}
	}
	return declarations;
}

function validateIcons(root) {
	const { problems } = checkIcons(declaredIcons(root));
	if (problems.length) throw new Error(`Icon check failed:\n  ${problems.join('\n  ')}`);
}

/** nodes/**\/*.{png,svg,json} and credentials/**\/*.{png,svg} into dist/, keeping their paths (JSON compacted). */
function copyAssets(root) {
	const assets = { nodes: /\.(png|svg|json)$/, credentials: /\.(png|svg)$/ };
	for (const [folder, pattern] of Object.entries(assets)) {
		const from = path.join(root, folder);
		if (!fs.existsSync(from)) continue;
		for (const file of fs.readdirSync(from, { recursive: true })) {
			if (!pattern.test(file)) continue;
			const target = path.join(root, 'dist', folder, file);
			fs.mkdirSync(path.dirname(target), { recursive: true });
			// Codex files ship without their indentation: they count toward the packed-size budgets.
			if (file.endsWith('.json'))
				fs.writeFileSync(
					target,
					JSON.stringify(JSON.parse(fs.readFileSync(path.join(from, file), 'utf8'))),
				);
			else fs.copyFileSync(path.join(from, file), target);
		}
	}
}

// Lazy-loading metadata (dist/known, dist/types): n8n lists the nodes at boot from these files
// without importing the node code, and later requires each `sourcePath` named there.
function writeMetadata(root) {
	execFileSync(process.execPath, [require.resolve('n8n-core/bin/generate-metadata')], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	for (const kind of ['nodes', 'credentials']) {
		const known = JSON.parse(
			fs.readFileSync(path.join(root, 'dist/known', `${kind}.json`), 'utf8'),
		);
		const missing = Object.values(known)
			.map(({ sourcePath }) => sourcePath)
			.filter((sourcePath) => !fs.existsSync(path.join(root, sourcePath)));
		if (missing.length)
			throw new Error(
				`dist/known/${kind}.json names files the build did not write: ${missing.join(', ')}`,
			);
	}
}

module.exports = { validateIcons, copyAssets, writeMetadata };
