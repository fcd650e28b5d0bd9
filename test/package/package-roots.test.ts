/**
 * The per-vendor packages' committed roots packages/<slug>/ are what `npm run build:packages` writes. They are
 * committed because @n8n/scan-community-package lints the source at the commit the npm provenance names, in the
 * folder whose package.json has the package's name, and release.yml publishes from them: a root that lags behind
 * the source would publish a package.json, README or CHANGELOG that no longer matches its code.
 *
 * The comparison is with git's index (what a commit would hold), not the working tree: `npm test` runs
 * build:packages first, which rewrites the working tree.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildPackages, ROOT_FILES } from '../../scripts/packages/build';
import { OUTPUT_DIR, VENDORS } from '../../scripts/packages/vendors';

const ROOT = path.resolve(__dirname, '..', '..');
// inside the repository: the metadata generator loads the bundles, which need its node_modules
const outDir = path.join(ROOT, OUTPUT_DIR, `.roots-${process.pid}`);
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

beforeAll(async () => {
	await buildPackages({ outDir });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe.each(VENDORS)('$packageDir', (vendor) => {
	it('git tracks exactly the files the build writes there (dist/ is ignored)', () => {
		const tracked = git('ls-files', '--', vendor.packageDir)
			.split('\n')
			.filter(Boolean)
			.map((file) => path.posix.relative(vendor.packageDir, file));
		expect(tracked.sort()).toEqual([...ROOT_FILES].sort());
		expect(git('check-ignore', `${vendor.packageDir}/dist/bundle.js`).trim()).toBe(
			`${vendor.packageDir}/dist/bundle.js`,
		);
	});

	it.each(ROOT_FILES)(
		'%s as committed is what npm run build:packages writes (run it and commit packages/)',
		(file) => {
			const built = readFileSync(path.join(outDir, vendor.packageName, file), 'utf8');
			const committed = git('show', `:${vendor.packageDir}/${file}`);
			expect(committed).toBe(built);
		},
	);
});
