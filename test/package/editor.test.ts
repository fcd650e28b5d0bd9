/**
 * What n8n's editor shows of the pack besides the nodes' behaviour: the documentation links of each
 * node (codex `primaryDocumentation` / `credentialDocumentation`, opened from the node's panel and the
 * credential form) and the names of the operations (the Operation field and the node panel's actions).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodePropertyOptions } from 'n8n-workflow';
import packageJson from '../../package.json';
import { packNodeTypes, packSourceFiles } from '../harness/pack';

const ROOT = path.resolve(__dirname, '..', '..');

interface Codex {
	node: string;
	alias?: string[];
	resources: Record<string, Array<{ url: string }>>;
}

const codexFiles = packSourceFiles().nodes.map((file) => file.replace(/\.ts$/, '.json'));
const codexOf = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Codex;

/** A file of this repository as its public home shows it: `<homepage>/blob/main/<path>`. */
const FILE_URL = new RegExp(`^${packageJson.homepage.replace(/[.]/g, '\\.')}/blob/main/([^#?]+)$`);

describe('documentation links of every node (codex files)', () => {
	it.each(codexFiles)('%s: each link is a file of this repository at its public home', (file) => {
		const codex = codexOf(file);
		const links = Object.entries(codex.resources).flatMap(([kind, entries]) =>
			entries.map(({ url }) => ({ kind, url })),
		);
		expect(links.map((l) => l.kind).sort()).toEqual([
			'credentialDocumentation',
			'primaryDocumentation',
		]);
		for (const { kind, url } of links) {
			const relative = FILE_URL.exec(url)?.[1];
			expect({ kind, url, underHomepage: relative !== undefined }).toEqual({
				kind,
				url,
				underHomepage: true,
			});
			expect({
				kind,
				url,
				exists: existsSync(path.join(ROOT, decodeURIComponent(relative!))),
			}).toEqual({ kind, url, exists: true });
		}
	});

	it('the homepage is the repository package.json names', () => {
		expect(packageJson.repository.url).toBe(`${packageJson.homepage}.git`);
	});
});

describe('one name per operation', () => {
	const operations = Object.entries(packNodeTypes()).flatMap(([type, node]) =>
		node.description.properties
			.filter((p) => p.name === 'operation' && p.type === 'options')
			.flatMap((p) =>
				(p.options as INodePropertyOptions[]).map((o) => ({
					type,
					name: o.name,
					action: o.action,
				})),
			),
	);

	it('every operation has an action, and the action begins with the operation name (as in n8n: "Update" → "Update a …")', () => {
		expect(operations.length).toBeGreaterThan(30);
		for (const { type, name, action } of operations) {
			const verb = name.split(' ')[0];
			expect({ type, name, action: action?.split(' ')[0] }).toEqual({ type, name, action: verb });
		}
	});

	// The options are built by resourceDescription (nodes/shared/resourceOperations.ts), where n8n's lint
	// rules cannot read them: what those rules check of a literal is checked here on the loaded nodes.
	it('each Resource and Operation list is sorted by name, has a description for every entry, and defaults to one of its values', () => {
		const lists = Object.entries(packNodeTypes()).flatMap(([type, node]) =>
			node.description.properties
				.filter((p) => ['resource', 'operation'].includes(p.name) && p.type === 'options')
				.map((p) => {
					const options = p.options as INodePropertyOptions[];
					return {
						type,
						list: `${p.name} of ${JSON.stringify(p.displayOptions?.show ?? {})}`,
						names: options.map((o) => o.name),
						defaultOffered: options.some((o) => o.value === p.default),
						undescribed: options
							.filter((o) => p.name === 'operation' && !o.description)
							.map((o) => o.name),
					};
				}),
		);
		expect(lists.length).toBe(12);
		for (const list of lists)
			expect(list).toEqual({
				...list,
				names: [...list.names].sort((a, b) => a.localeCompare(b)),
				defaultOffered: true,
				undescribed: [],
			});
	});
});

describe('the credential test, in the words users see', () => {
	/** n8n 2.x tests a credential when it is saved (and on Retry); its credential form has no Test button. */
	const TEST_BUTTON =
		/press \*\*Test\*\*|use "Test"|on "Test"|\*\*Test\*\* (calls|sends)|click(ing)? "?Test"?/;
	const files = (dir: string): string[] =>
		readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory()
				? files(`${dir}/${entry.name}`)
				: /\.(ts|md)$/.test(entry.name)
					? [`${dir}/${entry.name}`]
					: [],
		);

	it('no message, README or doc tells users to press a Test button', () => {
		const offending = ['nodes', 'credentials', 'docs']
			.flatMap(files)
			.concat('README.md')
			.flatMap((file) =>
				readFileSync(path.join(ROOT, file), 'utf8')
					.split('\n')
					.map((line, index) => ({ file, line: index + 1, text: line.trim() }))
					.filter(({ text }) => TEST_BUTTON.test(text)),
			);
		expect(offending).toEqual([]);
	});
});

describe('a field whose default is a shorthand says what it means without a hover', () => {
	it('every field defaulting to "~" (NetSapiens: the key\'s own domain or user) has a hint, shown under the field, that says so', () => {
		const tilde = Object.entries(packNodeTypes()).flatMap(([type, node]) =>
			node.description.properties
				.filter(
					(p) => p.default === '~' || (p.default as { value?: unknown } | undefined)?.value === '~',
				)
				.map((p) => ({ type, field: p.name, hint: p.hint })),
		);
		expect(tilde.map((t) => t.field).sort()).toEqual(expect.arrayContaining(['domain', 'user']));
		for (const field of tilde)
			expect(field).toEqual({
				...field,
				hint: expect.stringMatching(
					/^"~" \(the default\) is the (domain|user) of the API key or logged-in user$/,
				),
			});
	});
});
