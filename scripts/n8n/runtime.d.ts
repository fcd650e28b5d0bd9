/** Types for runtime.js (plain Node, so `npm start` needs no TypeScript). */
import type { ChildProcess } from 'node:child_process';
import type { N8nInstall } from './install';

export type { N8nInstall } from './install';
export { ensureN8n } from './install';

export interface CommandResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** `n8n import:credentials` input: plaintext `data`, encrypted by n8n on import. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as n8n exports it (only the fields the helpers touch are typed). */
export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<{
		id?: string;
		name: string;
		type: string;
		typeVersion: number;
		position: [number, number];
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeRunData {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	error?: { message: string; description?: string; [key: string]: unknown };
	data?: { main: Array<Array<{ json: Record<string, unknown>; [key: string]: unknown }> | null> };
	[key: string]: unknown;
}

export interface ExecuteResult {
	/** exit code 0 */
	ok: boolean;
	code: number | null;
	/** the run n8n printed (IRun), when it printed one */
	data: any;
	/** data.data.resultData.error */
	error?: { message: string; description?: string; node?: { name: string }; [key: string]: unknown };
	/** data.data.resultData.runData: node name → runs */
	runData?: Record<string, NodeRunData[]>;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface Editor {
	url: string;
	port: number;
	email: string;
	password: string;
	/** `n8n-auth=…` session cookie of the owner */
	cookie: string;
	/** send as header `browser-id` with the cookie on REST calls */
	browserId: string;
	process: ChildProcess;
	stop(): Promise<void>;
	/** last ~20 kB n8n printed */
	output(): string;
}

export interface InstalledPack {
	name: string;
	version: string;
	dir: string;
	n8n: { nodes?: string[]; credentials?: string[]; [key: string]: unknown };
}

export interface RecordedPackage {
	packageName: string;
	installedVersion: string;
	authorName: string | null;
	authorEmail: string | null;
	nodes: Array<{ name: string; type: string; latestVersion: number }>;
}

/** One exported node description (`n8n export:nodes`). */
export interface ExportedNode {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string; required?: boolean }>;
	properties: Array<{ name: string; type: string; options?: Array<{ name: string; value: unknown }>; [key: string]: unknown }>;
	usableAsTool?: boolean;
	[key: string]: unknown;
}

export class N8nInstance {
	readonly install: N8nInstall;
	readonly userFolder: string;
	readonly n8nFolder: string;
	readonly temporary: boolean;
	readonly encryptionKey: string;
	env(extra?: Record<string, string>): NodeJS.ProcessEnv;
	run(args: string[], options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<CommandResult>;
	runChecked(args: string[], options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<CommandResult>;
	installPack(tarball: string): Promise<InstalledPack>;
	/** Records the installed pack in n8n's database (installed_packages, installed_nodes), as n8n's installer does. */
	recordInstalledPackage(installed: InstalledPack): Promise<RecordedPackage>;
	exportNodes(): Promise<ExportedNode[]>;
	importCredentials(credentials: CredentialImport | CredentialImport[]): Promise<CommandResult>;
	importWorkflow(workflows: WorkflowJson | WorkflowJson[]): Promise<string[]>;
	execute(id: string, options?: { timeoutMs?: number }): Promise<ExecuteResult>;
	startEditor(options?: {
		port?: number;
		owner?: OwnerAccount;
		readyTimeoutMs?: number;
		onLog?: (line: string) => void;
		env?: Record<string, string>;
	}): Promise<Editor>;
	dispose(): Promise<void>;
}

export const REPO_ROOT: string;
export const DEFAULT_OWNER: Readonly<OwnerAccount>;
export const DEFAULT_ENCRYPTION_KEY: string;
export function ensureN8nInstalled(options?: { log?: (line: string) => void; version?: string }): Promise<N8nInstall>;
export function packProject(options?: { cwd?: string; build?: boolean; destDir?: string }): Promise<string>;
export function createN8n(options?: {
	userFolder?: string;
	encryptionKey?: string;
	env?: Record<string, string>;
	log?: (line: string) => void;
	/** n8n version; default N8N_E2E_VERSION or the pinned one; `1` = the newest 1.x covered */
	version?: string;
}): Promise<N8nInstance>;
export function parseTrailingJson(text: string): any;
export function runCommand(
	cmd: string,
	args: string[],
	options?: {
		cwd?: string;
		env?: NodeJS.ProcessEnv;
		timeoutMs?: number;
		input?: string;
		onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
	},
): Promise<CommandResult>;
export function spawnTracked(cmd: string, args: string[], options?: import('node:child_process').SpawnOptions): ChildProcess;
export function stopProcess(child: ChildProcess, options?: { graceMs?: number }): Promise<void>;
export function killAll(options?: { graceMs?: number }): Promise<void>;
export function installSignalHandlers(cleanup?: () => Promise<void> | void): void;
export function cleanEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function freePort(): Promise<number>;
export function trackedProcesses(): ChildProcess[];

/** One stored execution, its run data unpacked. */
export interface StoredExecution {
	id: string;
	/** success | error | crashed | canceled | … */
	status?: string;
	finished?: boolean;
	/** manual | webhook | trigger | … */
	mode?: string;
	error?: { message: string; description?: string; node?: { name: string }; [key: string]: unknown };
	runData?: Record<string, NodeRunData[]>;
	raw: any;
}
export function editorRest(editor: Pick<Editor, 'url' | 'cookie' | 'browserId'>, method: string, route: string, body?: unknown): Promise<any>;
export function getExecution(editor: Pick<Editor, 'url' | 'cookie' | 'browserId'>, executionId: string, install: N8nInstall): Promise<StoredExecution>;
export function waitForExecution(
	editor: Pick<Editor, 'url' | 'cookie' | 'browserId'>,
	executionId: string,
	install: N8nInstall,
	options?: { timeoutMs?: number; intervalMs?: number },
): Promise<StoredExecution>;
export function runManually(
	editor: Pick<Editor, 'url' | 'cookie' | 'browserId'>,
	workflowId: string,
	trigger: string,
	install: N8nInstall,
	options?: { timeoutMs?: number; intervalMs?: number },
): Promise<StoredExecution>;
