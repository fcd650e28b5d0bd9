'use strict';
// Build step after `tsc` (which only type-checks, see tsconfig.build.json): every node and credential
// of package.json `n8n` compiled by esbuild into ONE CommonJS file, dist/bundle.js, and each listed
// path written as a small file that re-exports its class from it. n8n requires each listed file and
// takes the export named like the file (dist/nodes/Ultravox/Ultravox.node.js → `Ultravox`); one file
// instead of ~96 small modules is what keeps the require time of the pack low.
// Whitespace and syntax minification, identifiers never: names and strings stay as written, so the shipped
// credential code stays auditable without a source map (any formatter restores the layout). Syntax minification
// (`void 0`, `!0`, merged declarations, folded constants) reads as plain JS and takes ~1.5 % off the gzipped bundle;
// whitespace ~20 %. Identifier minification would take ~14 % more and is not used: reviewers of n8n's verified
// packages read this code. Tree shaking is complete (imported for side effects only, the modules bundle to nothing);
// docs/real-n8n.md, "Packed sizes", has where the bytes go (`node scripts/packages/sizes.js`).
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = 'dist/bundle.js';

/** The class a listed file exports: the file name up to its first dot. */
const classNameOf = (distFile) => path.basename(distFile).split('.')[0];

/** The TypeScript source of a listed dist file (dist/nodes/X/X.node.js → nodes/X/X.node.ts). */
const sourceOf = (distFile) => path.relative('dist', distFile).replace(/\.js$/, '.ts');

function entriesOf(pkg) {
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => ({
		file,
		className: classNameOf(file),
		source: sourceOf(file),
	}));
}

/** The tiny module written at a listed path. */
function entryFileText({ file, className }) {
	const bundle = path.posix.relative(path.posix.dirname(file), BUNDLE);
	return `'use strict';\nexports.${className} = require('${bundle}').${className};\n`;
}

const readPackage = (root) => JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** esbuild's options for the bundle of a package root (scripts/packages/sizes.js reuses them for its metafile). */
function bundleOptions(root = ROOT) {
	const pkg = readPackage(root);
	const entries = entriesOf(pkg);
	return {
		absWorkingDir: root,
		stdin: {
			contents: entries
				.map(({ className, source }) => `export { ${className} } from './${source}';`)
				.join('\n'),
			resolveDir: root,
			sourcefile: 'entries.ts',
			loader: 'ts',
		},
		outfile: path.join(root, BUNDLE),
		tsconfig: path.join(root, 'tsconfig.build.json'),
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow'],
		minifyWhitespace: true,
		minifyIdentifiers: false,
		minifySyntax: true,
		sourcemap: false,
		charset: 'utf8',
		banner: {
			js: `// ${pkg.name} ${pkg.version}: bundled by esbuild from nodes/ and credentials/.`,
		},
		logLevel: 'warning',
	};
}

async function bundle(root = ROOT) {
	const entries = entriesOf(readPackage(root));
	fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
	await esbuild.build(bundleOptions(root));
	for (const entry of entries) {
		fs.mkdirSync(path.dirname(path.join(root, entry.file)), { recursive: true });
		fs.writeFileSync(path.join(root, entry.file), entryFileText(entry));
	}
}

module.exports = { BUNDLE, bundle, bundleOptions, classNameOf, sourceOf };
