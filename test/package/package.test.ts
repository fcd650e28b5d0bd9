import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import packageJson from '../../package.json';
import { packSourceFiles } from '../harness/pack';

const ROOT = path.resolve(__dirname, '..', '..');
const { checkIcons } = require('../../scripts/icons') as {
	checkIcons(declarations: { owner: string; icon: unknown; sourceDir: string }[]): { problems: string[]; files: string[] };
};

describe('package.json is what n8n expects of a community package', () => {
	it('names, keywords, license, files and peer dependency', () => {
		expect(packageJson.name).toBe('n8n-nodes-sip-credentials');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.license).toBe('MIT');
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson).not.toHaveProperty('dependencies');
		for (const forbidden of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish']) {
			expect(packageJson.scripts).not.toHaveProperty(forbidden);
		}
	});

	it('lists every node and credential of the repository under dist/, and nothing else', () => {
		const { nodes, credentials } = packSourceFiles();
		const toDist = (file: string) => `dist/${file.replace(/\.ts$/, '.js')}`;
		expect([...packageJson.n8n.nodes].sort()).toEqual(nodes.map(toDist));
		expect([...packageJson.n8n.credentials].sort()).toEqual(credentials.map(toDist));
		expect(packageJson.n8n.n8nNodesApiVersion).toBe(1);
		expect(packageJson.n8n.strict).toBe(true);
	});

	it('pins n8n-workflow to the exact version n8n-core depends on (one copy in the tree)', () => {
		const coreDependency = require('n8n-core/package.json').dependencies['n8n-workflow'];
		expect(packageJson.devDependencies['n8n-workflow']).toBe(coreDependency);
	});
});

describe('the built package', () => {
	it('npm pack holds only dist/, package.json, README.md, LICENSE and CHANGELOG.md', () => {
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
		);
		const files: string[] = pack.files.map((file: { path: string }) => file.path);
		const outside = files.filter(
			(file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file),
		);
		expect(outside).toEqual([]);
		for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) expect(files).toContain(file);
	});

	it('ships n8n lazy-loading metadata naming every node and credential', () => {
		const knownNodes = JSON.parse(readFileSync(path.join(ROOT, 'dist/known/nodes.json'), 'utf8'));
		const knownCredentials = JSON.parse(readFileSync(path.join(ROOT, 'dist/known/credentials.json'), 'utf8'));
		const nodeNames = packSourceFiles().nodes.map((file) => {
			const base = path.basename(file, '.node.ts');
			return base.charAt(0).toLowerCase() + base.slice(1);
		});
		expect(Object.keys(knownNodes).sort()).toEqual(nodeNames.sort());
		expect(Object.keys(knownCredentials).length).toBe(packSourceFiles().credentials.length);
		expect(existsSync(path.join(ROOT, 'dist/types/nodes.json'))).toBe(true);
		expect(existsSync(path.join(ROOT, 'dist/types/credentials.json'))).toBe(true);
	});
});

describe('icon check run by the build', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'icons-'));
	const svg = (fill: string, viewBox = true) =>
		`<svg xmlns="http://www.w3.org/2000/svg"${viewBox ? ' viewBox="0 0 10 10"' : ''}><rect width="10" height="10" fill="${fill}"/></svg>`;
	writeFileSync(path.join(dir, 'a.svg'), svg('#000'));
	writeFileSync(path.join(dir, 'a.dark.svg'), svg('#fff'));
	writeFileSync(path.join(dir, 'same.dark.svg'), svg('#000'));
	writeFileSync(path.join(dir, 'noviewbox.svg'), svg('#111', false));
	const icon = (light: string, dark: string) => ({ light: `file:${light}`, dark: `file:${dark}` });

	it('accepts a themed pair with viewBoxes', () => {
		expect(checkIcons([{ owner: 'ok', icon: icon('a.svg', 'a.dark.svg'), sourceDir: dir }]).problems).toEqual([]);
	});

	it('refuses a missing file, an identical pair and an SVG without viewBox', () => {
		const { problems } = checkIcons([
			{ owner: 'missing', icon: icon('a.svg', 'gone.svg'), sourceDir: dir },
			{ owner: 'identical', icon: icon('a.svg', 'same.dark.svg'), sourceDir: dir },
			{ owner: 'flat', icon: icon('noviewbox.svg', 'a.dark.svg'), sourceDir: dir },
			{ owner: 'single', icon: 'file:a.svg', sourceDir: dir },
		]);
		expect(problems).toEqual([
			'missing: icon file ' + path.relative(process.cwd(), path.join(dir, 'gone.svg')) + ' does not exist',
			'identical: light and dark icons are identical; the dark one must differ',
			'flat: noviewbox.svg has no viewBox on its <svg> element',
			"single: icon must be { light: 'file:…svg', dark: 'file:…svg' }",
		]);
	});
});
