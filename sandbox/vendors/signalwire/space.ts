import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxRequest } from '../../core/types';

/**
 * The one SignalWire Space the sandbox serves, with its one project: what both API families read (project id, API
 * tokens and their scopes, phone numbers, Fabric calling resources, Domains).
 *
 * The Space is read from the Host header, as SignalWire does: with the credential's Base URL override pointing here
 * the node sends `Host: {space}.signalwire.com` and keeps the vendor's paths unchanged.
 */

/** The simulator's vendor key, under which the devices registry knows its SIP devices. */
export const VENDOR = 'signalwire';
export const SPACE = 'example';

export const CIPHERS = [
	'AEAD_AES_256_GCM_8',
	'AES_256_CM_HMAC_SHA1_80',
	'AES_CM_128_HMAC_SHA1_80',
	'AES_256_CM_HMAC_SHA1_32',
	'AES_CM_128_HMAC_SHA1_32',
];

export interface ApiToken {
	token: string;
	scopes: string[];
}

function token(): string {
	// [I] SignalWire API tokens look like "PT" + 48 hex characters (console examples).
	return `PT${randomBytes(24).toString('hex')}`;
}

/** `count` random passwords (12 bytes each, base64url), for seeded devices. */
export function seededPasswords(count: number): string[] {
	const entropy = randomBytes(12 * count);
	return Array.from({ length: count }, (_, n) =>
		entropy.subarray(12 * n, 12 * (n + 1)).toString('base64url'),
	);
}

export class SignalWireSpace {
	readonly projectId = randomUUID();
	readonly tokens: ApiToken[] = [
		{ token: token(), scopes: ['voice', 'calling', 'messaging', 'fax', 'video'] },
		// A token without Voice: SignalWire answers 401 to it on the relay APIs (SignalWire's authorization guide).
		{ token: token(), scopes: ['calling'] },
	];
	/** Numbers bought or verified in the project, the only ones `default_send_as` may name ([I]). */
	readonly projectNumbers = ['+15551230000', '+15551230001', '+15551230002'];
	/** Fabric resources that may handle calls to a SIP address (AI agents, SWML scripts, …). */
	readonly callingResources: string[] = [randomUUID(), randomUUID(), randomUUID()];
	/** Domains (contexts) of the project; `public` is the default one. */
	readonly domains = new Map<string, string>([
		[randomUUID(), 'public'],
		[randomUUID(), 'branch-office'],
	]);

	/** The ID of the default Domain (`public`). */
	get publicDomain(): string {
		return [...this.domains.keys()][0];
	}

	/** The Space a request is addressed to (its Host header), undefined when it names none. */
	spaceOf(request: SandboxRequest): string | undefined {
		const host = String(request.headers.host ?? '')
			.toLowerCase()
			.replace(/:\d+$/, '');
		return /^([a-z0-9-]+)\.signalwire\.com$/.exec(host)?.[1];
	}

	/** The API token of a request's Basic project_id:api_token, undefined when it is not one of the project's. */
	tokenOf(request: SandboxRequest): ApiToken | undefined {
		const header = request.headers.authorization;
		const encoded =
			typeof header === 'string'
				? /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim())?.[1]
				: undefined;
		if (!encoded) return undefined;
		const decoded = Buffer.from(encoded, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0 || decoded.slice(0, colon) !== this.projectId) return undefined;
		const secret = decoded.slice(colon + 1);
		return this.tokens.find((entry) => entry.token === secret);
	}

	/** The tokens and their Basic encodings, which must never leak. */
	secrets(): string[] {
		return [
			...this.tokens.map((entry) => entry.token),
			...this.tokens.map((entry) =>
				Buffer.from(`${this.projectId}:${entry.token}`).toString('base64'),
			),
		];
	}
}
