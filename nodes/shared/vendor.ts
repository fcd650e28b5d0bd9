import type { IDataObject } from 'n8n-workflow';

/** What the shared request path needs to know about one vendor. */
export interface VendorProfile {
	/** Vendor name as users know it, used in every message. */
	displayName: string;
	credentialType: string;
	/**
	 * Pacing default, a little under the vendor's documented per-key limit (or a conservative
	 * figure where none is documented); users can change it in the node's Options.
	 */
	defaultRequestsPerSecond: number;
	/** The vendor's own message from an error body (each vendor shapes errors differently). */
	errorMessage(body: unknown, status?: number): string | undefined;
	/** Removes secret fields (digests, passwords) from an object the vendor returned. */
	sanitize?(item: IDataObject): IDataObject;
	/** A 2xx body that still reports failure (e.g. `{success: false}`), as status + message. */
	failureInBody?(body: unknown): { status?: number; message?: string } | undefined;
	/** Body fields that hold secrets in requests: never echoed in errors or outputs. */
	secretRequestFields: readonly string[];
}
