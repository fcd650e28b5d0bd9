import { Contract } from '../core/contract';
import { signalWireContract } from '../contracts/signalwire';
import { Router } from '../core/router';
import type {
	SandboxRequest,
	SandboxResponse,
	VendorContext,
	VendorSimulator,
} from '../core/types';
import { contractFailure, notFound, simple, unauthorized } from './signalwire/errors';
import type { Family } from './signalwire/errors';
import { FabricSipAddresses } from './signalwire/fabricAddresses';
import { RelaySipEndpoints } from './signalwire/relayEndpoints';
import { PROFILE_PATH, RelaySipProfile } from './signalwire/relayProfile';
import { SignalWireSpace, SPACE, VENDOR } from './signalwire/space';

/**
 * SignalWire's SIP resources (https://developer.signalwire.com/rest/signalwire-rest/, sandbox/contracts/signalwire.ts):
 * one Space with one project (signalwire/space.ts), Basic auth project_id:api_token with scoped tokens, and two API
 * families, each in its own files: the relay REST API (the SIP profile singleton, relay SIP endpoints with full CRUD
 * and password: signalwire/relayProfile.ts, signalwire/relayEndpoints.ts) and Fabric (SIP addresses with a
 * write-only password: signalwire/fabricAddresses.ts). Both page with `links.next` and PA/PB page tokens
 * (signalwire/paging.ts) and answer 422 in their own shape (signalwire/errors.ts).
 *
 * This file is the front door: the Space from the Host header, the token and its scopes, the contract check, then
 * the API's handler.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Scopes each API family needs (SignalWire's OpenAPI operation descriptions). */
const SCOPES: Record<Family, string[]> = {
	relay: ['voice'],
	fabric: ['calling', 'fax', 'messaging', 'video'],
};

export class SignalWireSimulator implements VendorSimulator {
	readonly name = VENDOR;
	private readonly contract = new Contract(signalWireContract);
	private readonly router = new Router();
	private readonly space = new SignalWireSpace();
	private readonly profile = new RelaySipProfile(this.space);
	private readonly endpoints = new RelaySipEndpoints(this.profile);
	private readonly addresses = new FabricSipAddresses(this.space);

	constructor() {
		this.profile.routes(this.router);
		this.endpoints.routes(this.router);
		this.addresses.routes(this.router);
	}

	reset(context: VendorContext): void {
		this.profile.reset();
		this.endpoints.reset(context);
		this.addresses.reset(context);
	}

	sampleCredentials(baseUrl: string): Record<string, unknown> {
		return {
			space: SPACE,
			projectId: this.space.projectId,
			apiToken: this.space.tokens[0].token,
			baseUrl,
		};
	}

	seeded(): Record<string, unknown> {
		return {
			space: SPACE,
			...this.endpoints.seeded(),
			...this.addresses.seeded(),
			tokenWithoutVoiceScope: this.space.tokens[1].token,
			projectNumbers: [...this.space.projectNumbers],
			callingHandlerResourceIds: [...this.space.callingResources],
			domainIds: Object.fromEntries([...this.space.domains].map(([id, name]) => [name, id])),
		};
	}

	secrets(): string[] {
		return [...this.space.secrets(), ...this.endpoints.passwords(), ...this.addresses.passwords()];
	}

	/**
	 * Only writes count: SignalWire documents 13,800 POST/PUT/PATCH per 10 seconds per Space and
	 * GET/DELETE as effectively unlimited.
	 */
	rateLimitKey(request: SandboxRequest): string | undefined {
		if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return undefined;
		return this.space.spaceOf(request) === SPACE && this.space.tokenOf(request) ? SPACE : undefined;
	}

	tooManyRequests(): SandboxResponse {
		// [I] The 429 body follows the simple error shape; SignalWire documents no Retry-After header.
		return simple(429, 'Too Many Requests');
	}

	async handle(request: SandboxRequest, context: VendorContext): Promise<SandboxResponse> {
		const space = this.space.spaceOf(request);
		if (space === undefined) {
			return {
				status: 421,
				body: {
					sandboxError: `SignalWire is reached per Space: send "Host: ${SPACE}.signalwire.com" (the credential does this when its Base URL Override points here).`,
				},
			};
		}
		// [I] A project's credentials only work in the Space that owns it; elsewhere they are unknown.
		if (space !== SPACE) return unauthorized();
		const apiToken = this.space.tokenOf(request);
		if (!apiToken) return unauthorized();

		const route = this.router.match(request);
		// [I] Unknown routes and wrong methods both answer the simple 404 shape.
		if (route === undefined || route === 'methodNotAllowed') return notFound();
		const family: Family = request.path.startsWith('/api/relay/') ? 'relay' : 'fabric';
		// SignalWire's authorization guide: a token without the scope an operation needs gets 401, not 403.
		if (!SCOPES[family].some((scope) => apiToken.scopes.includes(scope))) return unauthorized();
		// The path ID is declared as a UUID.
		if (route.params.id !== undefined && !UUID.test(route.params.id)) return notFound();

		const operation = this.contract.operation(request.method, request.path);
		if (operation && ['POST', 'PUT', 'PATCH'].includes(request.method)) {
			if (typeof request.body === 'string') return simple(400, 'Bad Request');
			const body =
				request.path === PROFILE_PATH ? this.profile.forContract(request.body) : request.body;
			const violations = this.contract.validateRequestBody(operation, body);
			if (violations.length) return contractFailure(family, violations);
		}
		const answer = await route.handler(request, route.params, context);
		if (operation) this.contract.assertResponse(operation, answer.status, answer.body);
		return answer;
	}
}

/** 13,800 writes per 10 seconds, enforced here as 1,380 per second (writes only, see rateLimitKey). */
export const documentedRequestsPerSecond = 1380;

export function createSimulator(): VendorSimulator {
	return new SignalWireSimulator();
}
