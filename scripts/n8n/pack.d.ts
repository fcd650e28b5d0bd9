/** Types for pack.js. */
export interface PackNode {
	/** node name in the description, e.g. `ultravox` */
	name: string;
	displayName: string;
	/** full type in n8n: `<package>.<name>` */
	type: string;
	/** `<type>Tool` when the node is usableAsTool */
	toolType?: string;
	/** dist file of the node class (as in package.json `n8n.nodes`) */
	sourcePath: string;
	credentialTypes: string[];
	/** `action` is the label n8n's node panel lists (falls back to `name`) */
	operations: Array<{ resource?: string; value: string; name: string; action?: string }>;
	icon?: unknown;
}

export interface CredentialProperty {
	name: string;
	displayName: string;
	type: string;
	default?: unknown;
	options?: Array<{ name: string; value: unknown }>;
	[key: string]: unknown;
}

export interface PackMetadata {
	packageName: string;
	nodeFiles: string[];
	credentialFiles: string[];
	nodes: PackNode[];
	credentials: Array<{ name: string; displayName: string; sourcePath: string; properties: CredentialProperty[] }>;
}

export const REPO_ROOT: string;
export function packMetadata(root?: string): PackMetadata;
export function operationsOf(properties: unknown[]): PackNode['operations'];
export function shortId(...parts: string[]): string;
export function exampleWorkflows(options?: { nodeTypes?: string[]; root?: string }): Array<{ file: string; workflow: import('./runtime').WorkflowJson }>;
export function bindWorkflow<W extends import('./runtime').WorkflowJson>(
	workflow: W,
	byType: Record<string, { id: string; name: string }>,
	idSeed?: string,
): W & { id: string };
/** The sandbox's vendor key for a node name (case-insensitive: node `netSapiens` → vendor `netsapiens`). */
export function sandboxVendorFor(nodeName: string, vendorKeys: string[]): string | undefined;
