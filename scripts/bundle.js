'use strict';
// Build step after `tsc` (which only type-checks, see tsconfig.build.json): every node and credential
// of package.json `n8n` compiled by esbuild into ONE CommonJS file, dist/bundle.js, and each listed
// path written as a small file that re-exports its class from it. n8n requires each listed file and
// takes the export named like the file (dist/nodes/Ultravox/Ultravox.node.js → `Ultravox`); one file
// instead of ~96 small modules is what keeps the require time of the pack low.
// Whitespace-only minification: identifiers, names and strings stay as written (any formatter restores
// the layout, so the shipped credential code stays auditable). It is needed for the packed-size budgets
// (test/package): whitespace-only takes ~20 % off the gzipped bundle. Identifier or syntax minification is not
// used: the other ~10 % it would save do not bring a per-vendor package to issue 18's 25 kB (its bundle alone,
// fully minified, gzips to 25.2-30.8 kB), and review of the shipped code would need a source map.
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
	return `'use strict';\n// ${sourceOf(file)}, bundled\nexports.${className} = require('${bundle}').${className};\n`;
}

async function bundle(root = ROOT) {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const entries = entriesOf(pkg);
	fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
	await esbuild.build({
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
		minifySyntax: false,
		sourcemap: false,
		charset: 'utf8',
		banner: {
			js: `// ${pkg.name} ${pkg.version}: every node and credential, bundled from nodes/ and credentials/ by esbuild.`,
		},
		logLevel: 'warning',
	});
	for (const entry of entries) {
		fs.mkdirSync(path.dirname(path.join(root, entry.file)), { recursive: true });
		fs.writeFileSync(path.join(root, entry.file), entryFileText(entry));
	}
}

module.exports = { BUNDLE, bundle, classNameOf, sourceOf };
