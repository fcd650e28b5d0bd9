/** Types for vendors.js. */
export interface Vendor {
	slug: string;
	service: string;
	folder: string;
	/** the umbrella's credential class (and file name) */
	credential: string;
	resources: string;
	docs: string;
	packageName: string;
	/** the package's committed root, `packages/<slug>` */
	packageDir: string;
	/** the per-vendor package's credential class */
	packageCredential: string;
}
export const VENDORS: Vendor[];
export const OUTPUT_DIR: string;
export function credentialTypeOf(className: string): string;
