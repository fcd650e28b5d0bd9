/**
 * package.json hygiene of the six published packages (the umbrella and the five per-vendor packages in their
 * committed roots packages/<slug>/, see scripts/packages/build.js): what n8n's community installer, npm, n8n's
 * verification and its users' searches look at.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VENDORS } from '../../scripts/packages/vendors';

const ROOT = path.resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const umbrella = readJson(path.join(ROOT, 'package.json'));
const webUrl = String(umbrella.repository.url).replace(/\.git$/, '');

const packages = [
	{ label: umbrella.name, dir: ROOT, services: VENDORS.map((v) => v.slug), directory: undefined },
	...VENDORS.map((vendor) => ({
		label: vendor.packageName,
		dir: path.join(ROOT, vendor.packageDir),
		services: [vendor.slug],
		directory: vendor.packageDir,
	})),
];

describe.each(packages)('$label', ({ dir, services, directory }) => {
	const pkg = readJson(path.join(dir, 'package.json'));

	it('names itself in n8n’s convention, MIT, with the repository, homepage, author and bugs of this repository', () => {
		expect(pkg.name).toMatch(/^n8n-nodes-[a-z0-9-]+$/);
		expect(pkg.license).toBe('MIT');
		expect(pkg.repository).toEqual({
			type: 'git',
			url: umbrella.repository.url,
			...(directory ? { directory } : {}),
		});
		expect(pkg.repository.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
		if (directory) expect(existsSync(path.join(ROOT, directory, 'package.json'))).toBe(true);
		expect(String(pkg.homepage).startsWith(webUrl)).toBe(true);
		expect(pkg.bugs).toEqual({ url: `${webUrl}/issues` });
		expect(pkg.author).toEqual({
			name: expect.stringMatching(/\S/),
			email: expect.stringMatching(/^[^@\s]+@[^@\s]+\.[a-z]+$/),
		});
		expect(pkg.engines).toEqual({ node: expect.stringMatching(/^>=\d+/) });
	});

	it('keywords: the community-package marker, sip, voip and each vendor it integrates', () => {
		expect(pkg.keywords).toEqual(
			expect.arrayContaining(['n8n-community-node-package', 'sip', 'voip', ...services]),
		);
	});

	it('no runtime dependency, n8n-workflow as a peer, no install-time script', () => {
		for (const field of [
			'dependencies',
			'optionalDependencies',
			'bundleDependencies',
			'bundledDependencies',
		])
			expect(pkg).not.toHaveProperty(field);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish'])
			expect(pkg.scripts ?? {}).not.toHaveProperty(hook);
	});

	it('the n8n attribute lists built files only, and no main/exports points at a missing file', () => {
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(pkg.n8n.nodes.length).toBe(services.length);
		expect(pkg.n8n.credentials.length).toBe(services.length);
		for (const file of listed) {
			expect(file).toMatch(/^dist\/(nodes|credentials)\/.+\.js$/);
			expect(existsSync(path.join(dir, file))).toBe(true);
		}
		// n8n requires the listed files, not `main`; a `main` left behind would name a file npm never ships
		for (const field of ['main', 'module', 'types'])
			if (pkg[field] !== undefined) expect(existsSync(path.join(dir, pkg[field]))).toBe(true);
		expect(pkg).not.toHaveProperty('exports');
	});
});
