/** The tested n8n range: one place for the versions (scripts/n8n/install.js), the docs saying the same. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	LATEST_N8N_1X_VERSION,
	PINNED_N8N_VERSION,
	resolveVersion,
	runtimeOf,
} from '../../scripts/n8n/install';

const ROOT = path.resolve(__dirname, '..', '..');
const text = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').replace(/\s+/g, ' ');

it('`--version 1` is the newest 1.x covered; no version is the pinned 2.x', () => {
	expect(resolveVersion('1')).toBe(LATEST_N8N_1X_VERSION);
	expect(resolveVersion(undefined)).toBe(PINNED_N8N_VERSION);
	expect(resolveVersion('1.123.80')).toBe('1.123.80');
	expect(LATEST_N8N_1X_VERSION).toMatch(/^1\.123\.\d+$/);
});

it('n8n 1.x runs on Node 22 with isolated-vm rebuilt, 2.x on Node 24 with sqlite3 only', () => {
	expect(runtimeOf(LATEST_N8N_1X_VERSION)).toEqual({
		nodeRange: '22',
		nativeModules: ['isolated-vm', 'sqlite3'],
	});
	expect(runtimeOf(PINNED_N8N_VERSION)).toEqual({ nodeRange: '24', nativeModules: ['sqlite3'] });
});

it('README and docs/real-n8n.md state the floor and both tested versions', () => {
	for (const file of ['README.md', 'docs/real-n8n.md']) {
		expect(text(file)).toContain('1.85.0 or newer');
		expect(text(file)).toContain(LATEST_N8N_1X_VERSION);
		expect(text(file)).toContain(PINNED_N8N_VERSION);
	}
});
