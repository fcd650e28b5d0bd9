/**
 * `npm run test:ui`: the pack in n8n's editor, driven by playwright-core in Debian's Chromium (/usr/bin/chromium;
 * no browser download). For every node of the pack, in the light and the dark theme: search it in the node panel,
 * check its operations are listed and its icon loads, add it, open a new credential of its type, fill it with the
 * sandbox's values and save it (n8n then runs the credential's test), and screenshot each step into
 * test-artifacts/ui/.
 *
 * Skipped, with the reason printed, when /usr/bin/chromium is absent (`apt-get install -y chromium`) or
 * SKIP_N8N_E2E=1. Set UI_HEADFUL=1 to watch it under a display.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSandbox } from '../sandbox';
import type { Editor, N8nInstance } from '../scripts/n8n/runtime';
import {
	FIRST_RUN_TIMEOUT_MS,
	packAndCreateN8n,
	packMetadata,
	realN8nDescribe,
	REPO_ROOT,
	sandboxVendorFor,
} from './support';
import type { PackMetadata, PackNode, SandboxLike } from './support';
import type { CredentialProperty } from '../scripts/n8n/pack';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The machine's closed network: without these Chromium keeps trying Google's hosts. */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'ui');
const THEMES = ['light', 'dark'] as const;
/** Lets n8n's slide-in panels finish their animation before a screenshot (screenshots only, not assertions). */
const SETTLE_MS = 700;
type Theme = (typeof THEMES)[number];

const suite = realN8nDescribe(
	'n8n ui',
	existsSync(CHROMIUM)
		? undefined
		: `${CHROMIUM} is absent (install Debian's chromium: apt-get install -y chromium)`,
);

/** package.json's node files, readable before the build, so each node × theme gets its own test. */
const nodeFiles: string[] = require('../package.json').n8n.nodes;

interface IconState {
	src: string;
	naturalWidth: number;
	where: string;
}

/** Visible <img> of this package's icons inside `scope`, once every one of them has finished loading. */
async function packIcons(page: Page, scope: string, packageName: string): Promise<IconState[]> {
	const prefix = `/icons/${packageName}/`;
	await page.waitForFunction(
		({ scope, prefix }) => {
			const imgs = [...document.querySelectorAll<HTMLImageElement>(`${scope} img`)].filter(
				(i) => i.offsetParent !== null && (i.getAttribute('src') ?? '').includes(prefix),
			);
			return imgs.length > 0 && imgs.every((i) => i.complete);
		},
		{ scope, prefix },
		{ timeout: 15_000 },
	);
	return page.$$eval(
		`${scope} img`,
		(imgs, prefix) =>
			(imgs as HTMLImageElement[])
				.filter((i) => i.offsetParent !== null && (i.getAttribute('src') ?? '').includes(prefix))
				.map((i) => ({
					src: i.getAttribute('src') ?? '',
					naturalWidth: i.naturalWidth,
					where: i.closest('[data-test-id]')?.getAttribute('data-test-id') ?? '',
				})),
		prefix,
	);
}

/** The icon file n8n should serve for a theme, from the node's `icon: { light, dark }` (or a single icon). */
function iconFileFor(node: PackNode, theme: Theme): string | undefined {
	const icon = node.icon as string | { light: string; dark: string } | undefined;
	const ref = typeof icon === 'string' ? icon : icon?.[theme];
	return ref ? path.basename(ref.replace(/^file:/, '')) : undefined;
}

function expectIconsLoaded(icons: IconState[], node: PackNode, theme: Theme, step: string) {
	expect(icons.length).toBeGreaterThan(0);
	for (const icon of icons)
		expect({ step, theme, ...icon, loaded: icon.naturalWidth > 0 }).toEqual({
			step,
			theme,
			...icon,
			loaded: true,
		});
	const file = iconFileFor(node, theme);
	if (file)
		for (const icon of icons)
			expect({ step, theme, file: path.basename(icon.src) }).toEqual({ step, theme, file });
}

/**
 * Fills n8n's credential form with the sandbox's values, in the credential type's property order (so that a
 * selector such as "Authentication" is set before the fields it shows). Fields the form does not show (hidden
 * types, other authentication methods) are left alone. Returns the names of the fields it set.
 */
async function fillCredentialForm(
	page: Page,
	properties: CredentialProperty[],
	values: Record<string, unknown>,
): Promise<string[]> {
	const modal = page.getByTestId('editCredential-modal');
	const filled: string[] = [];
	for (const property of properties) {
		const value = values[property.name];
		if (value === undefined || property.type === 'hidden') continue;
		const field = modal.getByTestId(property.name);
		if (!(await field.isVisible())) continue;
		if (property.type === 'options') {
			if (value === property.default) continue;
			const option = property.options?.find((o) => o.value === value);
			if (!option)
				throw new Error(`credential field ${property.name}: no option with value ${String(value)}`);
			await field.locator('input').first().click();
			await page.getByRole('option', { name: option.name, exact: true }).click();
		} else if (property.type === 'boolean') {
			if (Boolean(value) !== Boolean(property.default))
				await field.locator('.el-switch, [role=switch]').first().click();
		} else {
			await field.locator('input, textarea').first().fill(String(value));
		}
		filled.push(property.name);
	}
	return filled;
}

suite('the pack in the n8n editor (Chromium)', () => {
	let n8n: N8nInstance;
	let editor: Editor;
	let meta: PackMetadata;
	let sandbox: SandboxLike;
	let browser: Browser;
	let context: BrowserContext;
	let tarball: string;

	beforeAll(async () => {
		const { chromium, selectors } = await import('playwright-core');
		selectors.setTestIdAttribute('data-test-id'); // n8n's attribute
		({ n8n, tarball } = await packAndCreateN8n());
		meta = packMetadata();
		await n8n.recordInstalledPackage(await n8n.installPack(tarball));
		sandbox = await startSandbox({ port: 0 });
		editor = await n8n.startEditor({ port: 0 });
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			headless: process.env.UI_HEADFUL !== '1',
		});
		context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		// log in through the sign-in form, once; every page of the context shares the session cookie
		const page = await context.newPage();
		await page.goto(`${editor.url}/signin`);
		await page.locator('input[name=emailOrLdapLoginId]').fill(editor.email);
		await page.locator('input[name=password]').fill(editor.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 30_000 });
		await page.close();
		mkdirSync(ARTIFACTS, { recursive: true });
	}, FIRST_RUN_TIMEOUT_MS);

	afterAll(async () => {
		await browser?.close();
		await sandbox?.close();
		await n8n?.dispose(); // stops the editor too
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
	}, 60_000);

	const cases = nodeFiles.flatMap((file) => THEMES.map((theme) => [file, theme] as const));

	/** A new workflow's node panel, open. */
	async function nodePanel(): Promise<Page> {
		const page = await context.newPage();
		await page.goto(`${editor.url}/workflow/new`);
		await page.getByTestId('canvas-plus-button').waitFor({ timeout: 60_000 });
		await page.getByTestId('canvas-plus-button').click();
		return page;
	}

	/** What users type when they do not know the vendor's name: each lists all five nodes. */
	const SEARCHES = [
		'SIP',
		'VoIP',
		'SIP credentials',
		'password rotation',
		'SIP trunk',
		'registration',
	];

	test.each(SEARCHES)(
		'searching "%s" in the node panel lists all five nodes',
		async (term) => {
			const page = await nodePanel();
			try {
				await page.getByTestId('node-creator-search-bar').fill(term);
				const names = page.getByTestId('node-creator-item-name');
				for (const node of meta.nodes)
					await names.filter({ hasText: node.displayName }).first().waitFor({ timeout: 15_000 });
				const listed = await names.allInnerTexts();
				expect({
					term,
					listed: meta.nodes.map((n) => n.displayName).filter((name) => listed.includes(name)),
				}).toEqual({
					term,
					listed: meta.nodes.map((n) => n.displayName),
				});
				await page.waitForTimeout(SETTLE_MS);
				// the node panel alone: what the search found
				await page.getByTestId('node-creator').screenshot({
					path: path.join(ARTIFACTS, `search-${term.replace(/\W+/g, '-').toLowerCase()}.png`),
				});
			} finally {
				await page.close();
			}
		},
		120_000,
	);

	test('NetSapiens: the Domain and User fields say under them what "~" means', async () => {
		const page = await nodePanel();
		try {
			await page.getByTestId('node-creator-search-bar').fill('NetSapiens');
			await page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: 'NetSapiens' })
				.first()
				.click();
			await page
				.getByTestId('node-creator')
				.getByText('Get a device', { exact: true })
				.first()
				.click();
			const ndv = page.getByTestId('ndv');
			await ndv.waitFor();
			await ndv
				.getByText('"~" (the default) is the domain of the API key or logged-in user')
				.waitFor({ timeout: 15_000 });
			await ndv
				.getByText('"~" (the default) is the user of the API key or logged-in user')
				.waitFor({ timeout: 15_000 });
			await page.waitForTimeout(SETTLE_MS);
			await page.screenshot({ path: path.join(ARTIFACTS, 'netSapiens-domain-hint.png') });
		} finally {
			await page.close();
		}
	}, 120_000);

	test("the sandbox's admin page, the URL npm start prints, lists the admin calls", async () => {
		const page = await context.newPage();
		try {
			await page.goto(`${sandbox.url}/__admin`);
			await page.getByRole('heading', { name: 'Admin calls' }).waitFor({ timeout: 15_000 });
			for (const call of [
				'/__admin/requests',
				'/__admin/faults',
				'/__admin/reset',
				'/__admin/devices/<vendor>/<id>/provision',
			])
				await page.getByText(call, { exact: true }).first().waitFor();
			await page.screenshot({ path: path.join(ARTIFACTS, 'sandbox-admin.png'), fullPage: true });
		} finally {
			await page.close();
		}
	}, 60_000);

	test('Settings → Community Nodes lists the pack, as after an install from there', async () => {
		const page = await context.newPage();
		try {
			await page.goto(`${editor.url}/settings/community-nodes`);
			await page.getByText(meta.packageName, { exact: true }).first().waitFor({ timeout: 30_000 });
			for (const node of meta.nodes)
				await page
					.getByText(node.displayName, { exact: false })
					.first()
					.waitFor({ timeout: 15_000 });
			await page.waitForTimeout(SETTLE_MS);
			await page.screenshot({ path: path.join(ARTIFACTS, 'community-nodes.png') });
		} finally {
			await page.close();
		}
	}, 120_000);

	test.each(cases)(
		'%s in the %s theme: node panel, operations, icon, credential form',
		async (file, theme) => {
			const node = meta.nodes.find((n) => n.sourcePath === file.replace(/^\.\//, ''));
			expect(node).toBeDefined();
			const shot = (step: string) => path.join(ARTIFACTS, `${node!.name}-${theme}-${step}.png`);
			const page = await context.newPage();
			try {
				await page.addInitScript((t) => localStorage.setItem('N8N_THEME', t), theme);
				await page.emulateMedia({ colorScheme: theme });
				await page.goto(`${editor.url}/workflow/new`);
				await page.getByTestId('canvas-plus-button').waitFor({ timeout: 60_000 });
				expect(await page.evaluate(() => document.body.dataset.theme ?? 'light')).toBe(theme);

				// 1. node panel: search, the node is listed with its icon
				await page.getByTestId('canvas-plus-button').click();
				await page.getByTestId('node-creator-search-bar').fill(node!.displayName);
				const item = page
					.getByTestId('node-creator-item-name')
					.filter({ hasText: node!.displayName })
					.first();
				await item.waitFor();
				expectIconsLoaded(
					await packIcons(page, '[data-test-id=node-creator]', meta.packageName),
					node!,
					theme,
					'node panel',
				);
				await page.waitForTimeout(SETTLE_MS);
				await page.screenshot({ path: shot('search') });

				// 2. its operations are listed
				await item.click();
				const labels = [...new Set(node!.operations.map((o) => o.action ?? o.name))];
				expect(labels.length).toBeGreaterThan(0);
				const creator = page.getByTestId('node-creator');
				for (const label of labels)
					await creator.getByText(label, { exact: true }).first().waitFor({ timeout: 10_000 });
				await page.waitForTimeout(SETTLE_MS);
				await page.screenshot({ path: shot('operations') });

				// 3. add it (Get Many when it has one), the node's panel opens with its icon
				const pick = node!.operations.find((o) => o.value === 'getAll') ?? node!.operations[0];
				await creator
					.getByText(pick.action ?? pick.name, { exact: true })
					.first()
					.click();
				await page.getByTestId('ndv').waitFor();
				expectIconsLoaded(
					await packIcons(page, '[data-test-id=ndv]', meta.packageName),
					node!,
					theme,
					'node details',
				);
				expectIconsLoaded(
					await packIcons(page, '[data-test-id=canvas-node]', meta.packageName),
					node!,
					theme,
					'canvas',
				);
				await page.waitForTimeout(SETTLE_MS);
				await page.screenshot({ path: shot('node') });

				// 4. its credential form: a new credential of its type, with its fields and icon
				// with no credential of the type yet n8n offers a "Connect to …" button, else a select
				const ndv = page.getByTestId('ndv');
				const connect = ndv.getByRole('button', { name: /^Connect to / });
				const select = ndv.getByTestId('node-credentials-select');
				await connect.or(select).first().waitFor();
				if (await connect.isVisible()) await connect.click();
				else {
					await select.click();
					await page.getByText('Create new credential').first().click();
				}
				const modal = page.getByTestId('editCredential-modal');
				await modal.waitFor();
				expectIconsLoaded(
					await packIcons(page, '[data-test-id=editCredential-modal]', meta.packageName),
					node!,
					theme,
					'credential form',
				);
				const endpoints = sandbox.endpoints();
				const values =
					endpoints[sandboxVendorFor(node!.name, Object.keys(endpoints)) ?? '']?.credentials ?? {};
				const credentialType = meta.credentials.find((c) => c.name === node!.credentialTypes[0]);
				expect(credentialType).toBeDefined();
				const filled = await fillCredentialForm(page, credentialType!.properties, values);
				expect(filled.length).toBeGreaterThan(0);
				await page.waitForTimeout(SETTLE_MS);
				await page.screenshot({ path: shot('credential') });

				// 5. save: n8n runs the credential's test against the sandbox
				// the editor's own credential test call, answered by n8n after running the credential's `test` request
				const tested = page.waitForResponse(
					(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
					{
						timeout: 30_000,
					},
				);
				await modal.getByTestId('credential-save-button').click();
				const response = await tested;
				const result = ((await response.json()) as { data?: { status?: string; message?: string } })
					.data;
				await page.waitForTimeout(SETTLE_MS);
				await page.screenshot({ path: shot('credential-tested') });
				expect({ credentialTest: result?.status, message: result?.message }).toEqual({
					credentialTest: 'OK',
					message: result?.message,
				});
			} catch (error) {
				await page.screenshot({ path: shot('failure') }).catch(() => undefined);
				throw error;
			} finally {
				await page.close();
			}
		},
		180_000,
	);
});
