import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { DirectoryLoader } from 'n8n-core';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json';

export const PACKAGE_NAME = packageJson.name;
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Source files of every node (`nodes/<Vendor>/<Vendor>.node.ts`) and credential
 * (`credentials/*.credentials.ts`) in the repository; a test checks package.json lists them all.
 */
export function packSourceFiles(): { nodes: string[]; credentials: string[] } {
	const nodes = readdirSync(path.join(ROOT, 'nodes'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) =>
			readdirSync(path.join(ROOT, 'nodes', entry.name))
				.filter((file) => file.endsWith('.node.ts'))
				.map((file) => `nodes/${entry.name}/${file}`),
		);
	const credentials = readdirSync(path.join(ROOT, 'credentials'))
		.filter((file) => file.endsWith('.credentials.ts'))
		.map((file) => `credentials/${file}`);
	return { nodes: nodes.sort(), credentials: credentials.sort() };
}

/** What `npm pack` would publish now: the .tgz size and unpacked size in bytes, the file count and paths. */
export function dryRunPack(): {
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: string[];
} {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
		}),
	);
	const { size, unpackedSize, entryCount } = pack;
	return {
		size,
		unpackedSize,
		entryCount,
		files: pack.files.map((file: { path: string }) => file.path),
	};
}

// The explicit .ts matters: without it Node resolves `X.node` to the codex file X.node.json first.
const load = (file: string) => require(path.join(ROOT, file));

/** The exported classes of a module (as n8n's loader instantiates them), not its other exports. */
const classesOf = (exported: Record<string, unknown>) =>
	Object.values(exported).filter(
		(value) => typeof value === 'function' && /^class\b/.test(String(value)),
	);

const withRequestOptions = new WeakSet<object>();

export function packNodeTypes(): Record<string, INodeType> {
	const types: Record<string, INodeType> = {};
	for (const file of packSourceFiles().nodes) {
		for (const NodeClass of classesOf(load(file)) as Array<new () => INodeType>) {
			const node = new NodeClass();
			// As n8n's loader does, once per node type: declarative nodes get the "Request Options"
			// collection (batching, timeout, proxy).
			if (!withRequestOptions.has(node.description.properties)) {
				DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
				withRequestOptions.add(node.description.properties);
			}
			types[`${PACKAGE_NAME}.${node.description.name}`] = node;
		}
	}
	return types;
}

export function packCredentialTypes(): Record<string, ICredentialType> {
	const types: Record<string, ICredentialType> = {};
	for (const file of packSourceFiles().credentials) {
		for (const CredentialClass of classesOf(load(file)) as Array<new () => ICredentialType>) {
			const credential = new CredentialClass();
			types[credential.name] = credential;
		}
	}
	return types;
}

/**
 * A test fixture, not a stand-in for n8n: a start node that emits the items a test gives it, so
 * the pack's node receives real input items (n8n's own Manual Trigger emits exactly one).
 */
export class ItemSource implements INodeType {
	description = {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['input'],
		version: 1,
		description: 'Emits the items in its "items" parameter',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json' as const, default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as object[];
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}

/** n8n's credential tester runs the test request on a copy of n8n-nodes-base.noOp; this is that node's shape. */
export class NoOp implements INodeType {
	description = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * n8n-nodes-base's Manual Trigger, which exported example workflows start with: one empty item.
 * (The e2e suite runs the same examples in a real n8n with the real node.)
 */
export class ManualTrigger implements INodeType {
	description = {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(name);
	}

	getByNameAndVersion(name: string): INodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}

	add(name: string, type: INodeType): void {
		this.types[name] = type;
	}
}

export function allNodeTypes(): NodeTypes {
	return new NodeTypes({
		...packNodeTypes(),
		'test.itemSource': new ItemSource(),
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		'n8n-nodes-base.noOp': new NoOp(),
	});
}
