'use strict';
/**
 * What the built pack declares (package.json `n8n` + dist/known + dist/types), and how example workflows are bound
 * to imported credentials. Shared by scripts/start.js and the e2e suites (e2e/support.ts).
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

/** @typedef {import('./instance').WorkflowJson} WorkflowJson */

/**
 * One operation of a node; `action` is the label n8n's node panel lists (falls back to `name`).
 * @typedef {{ resource?: string; value: string; name: string; action?: string }} PackOperation
 */

/**
 * @typedef {object} PackNode
 * @property {string} name  node name in the description, e.g. `ultravox`
 * @property {string} displayName
 * @property {string} type  full type in n8n: `<package>.<name>`
 * @property {string} [toolType]  `<type>Tool` when the node is usableAsTool
 * @property {string} sourcePath  dist file of the node class (as in package.json `n8n.nodes`)
 * @property {string[]} credentialTypes
 * @property {PackOperation[]} operations
 * @property {unknown} [icon]
 */

/**
 * @typedef {{ name: string; displayName: string; type: string; default?: unknown; options?: Array<{ name: string; value: unknown }>; [key: string]: unknown }} CredentialProperty
 */

/**
 * @typedef {object} PackMetadata
 * @property {string} packageName
 * @property {string[]} nodeFiles
 * @property {string[]} credentialFiles
 * @property {PackNode[]} nodes
 * @property {Array<{ name: string; displayName: string; sourcePath: string; properties: CredentialProperty[] }>} credentials
 */

/**
 * The parts of a node description (dist/types/nodes.json) read here.
 * @typedef {{ name: string; type?: string; options?: Array<{ name: string; value: unknown; action?: string }>; displayOptions?: { show?: { resource?: string[] } } }} DescribedProperty
 * @typedef {{ name: string; displayName: string; usableAsTool?: boolean; credentials?: Array<{ name: string }>; properties?: DescribedProperty[]; icon?: unknown }} DescribedNode
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * @param {string} file
 * @returns {any}
 */
function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const norm = (/** @type {string} */ p) => p.replace(/^\.\//, '');

/**
 * Operations of a node description: every `operation` options property, per resource it is shown for.
 * @param {DescribedProperty[] | undefined} properties
 * @returns {PackOperation[]}
 */
function operationsOf(properties) {
	/** @type {PackOperation[]} */
	const out = [];
	for (const p of properties || []) {
		if (p.name !== 'operation' || p.type !== 'options' || !p.options) continue;
		const resources = (p.displayOptions &&
			p.displayOptions.show &&
			p.displayOptions.show.resource) || [undefined];
		for (const resource of resources)
			for (const o of p.options)
				out.push({ resource, value: String(o.value), name: o.name, action: o.action });
	}
	return out;
}

/**
 * The pack as package.json's `n8n` attribute and the built lazy-loading metadata (dist/known, dist/types) describe
 * it. Needs `npm run build` first. Throws when package.json and dist/known disagree.
 * @returns {PackMetadata}
 */
function packMetadata(root = REPO_ROOT) {
	const pkg = readJson(path.join(root, 'package.json'));
	/** @type {Record<string, { sourcePath: string }>} */
	const known = readJson(path.join(root, 'dist/known/nodes.json'));
	/** @type {Record<string, { sourcePath: string }>} */
	const knownCreds = readJson(path.join(root, 'dist/known/credentials.json'));
	/** @type {DescribedNode[]} */
	const types = readJson(path.join(root, 'dist/types/nodes.json'));
	/** @type {Array<{ name: string; displayName: string; properties?: CredentialProperty[] }>} */
	const credTypes = readJson(path.join(root, 'dist/types/credentials.json'));

	/** @type {Set<string>} */
	const listed = new Set(pkg.n8n.nodes.map(norm));
	const inMetadata = new Set(Object.values(known).map((k) => norm(k.sourcePath)));
	const missing = [...listed].filter((f) => !inMetadata.has(f));
	const extra = [...inMetadata].filter((f) => !listed.has(f));
	if (missing.length || extra.length)
		throw new Error(
			`package.json n8n.nodes and dist/known/nodes.json disagree: missing [${missing}] extra [${extra}]`,
		);

	const nodes = types
		// dist/types can hold several versions of one node; keep one entry per name
		.filter((d, i, all) => all.findIndex((o) => o.name === d.name) === i)
		.map((d) => {
			const k = known[d.name];
			if (!k)
				throw new Error(`dist/types/nodes.json has ${d.name}, dist/known/nodes.json does not`);
			const type = `${pkg.name}.${d.name}`;
			return {
				name: d.name,
				displayName: d.displayName,
				type,
				toolType: d.usableAsTool ? `${type}Tool` : undefined,
				sourcePath: norm(k.sourcePath),
				credentialTypes: (d.credentials || []).map((c) => c.name),
				operations: operationsOf(d.properties),
				icon: d.icon,
			};
		});
	const credentials = credTypes.map((c) => ({
		name: c.name,
		displayName: c.displayName,
		sourcePath: norm((knownCreds[c.name] && knownCreds[c.name].sourcePath) || ''),
		properties: c.properties || [],
	}));
	return {
		packageName: pkg.name,
		nodeFiles: pkg.n8n.nodes.map(norm),
		credentialFiles: (pkg.n8n.credentials || []).map(norm),
		nodes,
		credentials,
	};
}

/**
 * Short stable ids: n8n's `execute --id` only accepts workflow ids of at most 21 characters.
 * @param {...string} parts
 */
function shortId(...parts) {
	return `e2e${crypto.createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 13)}`;
}

/**
 * Every `examples/*.json` workflow (optionally only those using one of `nodeTypes`).
 * @param {{ nodeTypes?: string[]; root?: string }} [options]
 * @returns {Array<{ file: string; workflow: WorkflowJson }>}
 */
function exampleWorkflows({ nodeTypes, root = REPO_ROOT } = {}) {
	const dir = path.join(root, 'examples');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ file: `examples/${f}`, workflow: readJson(path.join(dir, f)) }))
		.filter(({ workflow }) => Array.isArray(workflow.nodes))
		.filter(
			({ workflow }) =>
				!nodeTypes ||
				workflow.nodes.some((/** @type {{ type: string }} */ n) => nodeTypes.includes(n.type)),
		);
}

/**
 * Returns a copy of `workflow` whose credential references point at imported credentials (`byType`: credential type
 * → `{ id, name }`), with a short id when it has none (or one n8n's CLI would refuse).
 * @template {WorkflowJson} W
 * @param {W} workflow
 * @param {Record<string, { id: string; name: string }>} byType
 * @param {string} [idSeed]
 * @returns {W & { id: string }}
 */
function bindWorkflow(workflow, byType, idSeed) {
	/** @type {W & { id: string }} */
	const copy = JSON.parse(JSON.stringify(workflow));
	for (const n of copy.nodes) {
		const credentials = n.credentials || {};
		for (const type of Object.keys(credentials))
			if (byType[type]) credentials[type] = { ...byType[type] };
	}
	if (!copy.id || String(copy.id).length > 21)
		copy.id = shortId('workflow', idSeed || copy.name || '');
	return copy;
}

/**
 * The sandbox's key for a node's vendor: node names are camelCase (`netSapiens`), sandbox vendors lower case
 * (`netsapiens`); compared case-insensitively. Undefined when the sandbox does not simulate the vendor.
 * @param {string} nodeName
 * @param {string[]} vendorKeys
 */
function sandboxVendorFor(nodeName, vendorKeys) {
	return vendorKeys.find((k) => k.toLowerCase() === String(nodeName).toLowerCase());
}

module.exports = {
	REPO_ROOT,
	packMetadata,
	operationsOf,
	shortId,
	exampleWorkflows,
	bindWorkflow,
	sandboxVendorFor,
};
