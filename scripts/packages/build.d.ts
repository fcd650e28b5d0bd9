/** Types for build.js (plain Node, run by `npm run build:packages`). */
export function buildPackage(
	vendor: import('./vendors').Vendor,
	options?: { root?: string; outDir?: string },
): Promise<string>;
export function buildPackages(options?: {
	root?: string;
	slugs?: string[];
	outDir?: string;
}): Promise<string[]>;
export function packageJsonFor(
	umbrella: Record<string, any>,
	vendor: import('./vendors').Vendor,
): Record<string, any>;
export const STAGING: string;
/** The files build.js writes into a package's committed root (dist/ aside). */
export const ROOT_FILES: string[];
