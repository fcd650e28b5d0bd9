'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { src, dest, series } = require('gulp');
const { checkIcons } = require('./scripts/icons');
const { bundle, sourceOf } = require('./scripts/bundle');
const pkg = require('./package.json');

// The source folder of a compiled module under dist/ is where its `file:` icon references point.
function sourceDirOf(distFile) {
	return path.dirname(path.resolve(__dirname, sourceOf(distFile)));
}

function declaredIcons() {
	const declarations = [];
	for (const file of pkg.n8n.nodes) {
		const exported = require(path.resolve(__dirname, file));
		for (const NodeClass of Object.values(exported)) {
			const { description } = new NodeClass();
			declarations.push({ owner: description.name, icon: description.icon, sourceDir: sourceDirOf(file) });
		}
	}
	for (const file of pkg.n8n.credentials) {
		const exported = require(path.resolve(__dirname, file));
		for (const CredentialClass of Object.values(exported)) {
			const credential = new CredentialClass();
			declarations.push({ owner: credential.name, icon: credential.icon, sourceDir: sourceDirOf(file) });
		}
	}
	return declarations;
}

async function validateIcons() {
	const { problems } = checkIcons(declaredIcons());
	if (problems.length) throw new Error(`Icon check failed:\n  ${problems.join('\n  ')}`);
}

function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

// One CommonJS bundle (dist/bundle.js) and, at every path of package.json `n8n`, a file that
// re-exports its class from it (scripts/bundle.js). Empties dist/ first.
async function bundleCode() {
	await bundle(__dirname);
}

// Lazy-loading metadata (dist/known, dist/types): n8n lists the nodes at boot from these files
// without importing the node code, and later requires each `sourcePath` named there.
async function writeMetadata() {
	execFileSync(process.execPath, [require.resolve('n8n-core/bin/generate-metadata')], {
		cwd: __dirname,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	for (const kind of ['nodes', 'credentials']) {
		const known = JSON.parse(fs.readFileSync(path.join(__dirname, 'dist/known', `${kind}.json`), 'utf8'));
		const missing = Object.values(known)
			.map(({ sourcePath }) => sourcePath)
			.filter((sourcePath) => !fs.existsSync(path.join(__dirname, sourcePath)));
		if (missing.length) throw new Error(`dist/known/${kind}.json names files the build did not write: ${missing.join(', ')}`);
	}
}

exports.bundle = bundleCode;
exports.icons = series(validateIcons, copyAssets);
exports.metadata = writeMetadata;
exports.build = series(bundleCode, validateIcons, copyAssets, writeMetadata);
exports.default = exports.build;
