import type { IncomingHttpHeaders } from 'node:http';
import type { DeviceRegistry } from './devices';

export interface SandboxRequest {
	method: string;
	/** Path below the vendor's prefix, as received (not decoded), without the query. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
	body: unknown;
	rawBody: string;
}

export interface SandboxResponse {
	status: number;
	/** JSON-serialised unless it is a string (sent as is); omitted for an empty body. */
	body?: unknown;
	headers?: Record<string, string>;
}

export interface VendorContext {
	/** Absolute base URL of this vendor in the sandbox (what a credential's Base URL points at). */
	baseUrl: string;
	devices: DeviceRegistry;
	config: SandboxConfig;
}

export interface SandboxConfig {
	/** Added to every vendor answer, in milliseconds (benchmarks use 20). */
	latencyMs: number;
	/** How long a device takes to register once it has the right password. */
	registrationDelayMs: number;
	/** Requests per second per API key, by vendor; 0 turns limiting off. */
	rateLimits: Record<string, number>;
	/** Lifetime of issued login tokens (JWT, OAuth), in seconds. */
	tokenLifetimeSeconds: number;
	/**
	 * Demo mode (`npm start`, `npm run sandbox -- --fleet`): a provisioning server gives every phone its
	 * new password. Null (the default, and what the tests use): a phone keeps its old password until it
	 * is provisioned through the admin API.
	 */
	fleet: FleetSimulation | null;
}

export interface FleetSimulation {
	/** How long after a password change the provisioning server re-provisions the phone. */
	provisionDelayMs: number;
	/** Share of the phones (0–1, fixed per device) that never get the new password, as broken or offline phones. */
	neverProvisionedShare: number;
}

export interface VendorSimulator {
	/** URL prefix and key: `/ultravox/...`. */
	name: string;
	handle(
		request: SandboxRequest,
		context: VendorContext,
	): Promise<SandboxResponse> | SandboxResponse;
	/** The identity rate limits count against (an API key), or undefined when not authenticated. */
	rateLimitKey?(request: SandboxRequest): string | undefined;
	/** The vendor's own 429 answer. */
	tooManyRequests?(retryAfterSeconds: number): SandboxResponse;
	/** Ready-to-use credentials keyed by the pack's credential field names. */
	sampleCredentials(baseUrl: string): Record<string, unknown>;
	/** IDs of seeded resources, for tests and the demo. */
	seeded(): Record<string, unknown>;
	/** Secrets this vendor's sandbox knows (keys, passwords, digests), for leak scans. */
	secrets(): string[];
	/** Restores the seeded state. */
	reset(context: VendorContext): void;
}

export interface RecordedRequest {
	vendor: string;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	body: unknown;
	rawBody: string;
	at: number;
	/** The status the sandbox answered with; undefined when the connection was dropped. */
	status?: number;
}

export type FaultMode =
	| 'status'
	| 'delay'
	| 'reset'
	| 'malformed'
	| 'empty'
	| 'applyThenDrop'
	| 'applyThenStatus'
	| 'timeout';

export interface FaultSpec {
	vendor: string;
	mode: FaultMode;
	/** Only requests with this method (any when absent). */
	method?: string;
	/** Regular expression tested against the vendor-relative path (any when absent). */
	path?: string;
	/** How many matching requests the fault applies to. */
	count?: number;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
}
