'use strict';
const { series } = require('gulp');
const { bundle } = require('./scripts/bundle');
const { copyAssets, validateIcons, writeMetadata } = require('./scripts/build-steps');

// One CommonJS bundle (dist/bundle.js) and, at every path of package.json `n8n`, a file that
// re-exports its class from it (scripts/bundle.js). Empties dist/ first.
async function bundleCode() {
	await bundle(__dirname);
}

async function checkIcons() {
	validateIcons(__dirname);
}

async function assets() {
	copyAssets(__dirname);
}

// n8n's lazy-loading metadata (dist/known, dist/types), see scripts/build-steps.js.
async function metadata() {
	writeMetadata(__dirname);
}

exports.bundle = bundleCode;
exports.icons = series(checkIcons, assets);
exports.metadata = metadata;
exports.build = series(bundleCode, checkIcons, assets, metadata);
exports.default = exports.build;
