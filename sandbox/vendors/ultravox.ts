import { randomBytes, randomUUID } from 'node:crypto';
import { Contract } from '../core/contract';
import { ultravoxContract } from '../contracts/ultravox';
import type { ContractViolation } from '../core/contract';
import { Router } from '../core/router';
import type {
	SandboxRequest,
	SandboxResponse,
	VendorContext,
	VendorSimulator,
} from '../core/types';

interface Registration {
	registrationId: string;
	created: string;
	username: string;
	password: string;
	proxy: string;
	outboundProxy: string | null;
	authUser: string | null;
}

const SEEDED_REGISTRATIONS = 250;
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 100;

function apiKey(prefix: string): string {
	return `${prefix}.${randomBytes(16).toString('hex')}`;
}

/** Django REST framework's wording for the schema rules Ultravox's serializers enforce. */
function drfMessage(violation: ContractViolation): string {
	switch (violation.keyword) {
		case 'maxLength':
			return `Ensure this field has no more than ${violation.params.limit} characters.`;
		case 'required':
			return 'This field is required.';
		case 'type':
			return violation.params.type === 'string'
				? 'Not a valid string.'
				: `Expected ${violation.params.type}.`;
		case 'additionalProperties':
		case 'false schema':
			return 'Unknown or read-only field; it is not accepted here.';
		default:
			return violation.message;
	}
}

/**
 * Ultravox's SIP registration API (https://docs.ultravox.ai/api-reference/sip/sip-registrations-list, sandbox/contracts/ultravox.ts):
 * X-API-Key auth, DRF cursor pagination with absolute next/previous URLs, write-only password,
 * `successful` fed by the registration simulation, 200 requests/s per key with Retry-After.
 */
export class UltravoxSimulator implements VendorSimulator {
	readonly name = 'ultravox';
	private readonly contract = new Contract(ultravoxContract);
	private readonly router = new Router();
	private readonly keys = [apiKey('Zk9Ht7Lm'), apiKey('Qp4Rt8Xw')];
	private registrations = new Map<string, Registration>();
	private readonly account = {
		accountId: randomUUID(),
		name: 'Sandbox Ops',
		billingUrl: 'https://app.ultravox.ai/billing',
		freeTimeUsed: '0s',
		freeTimeRemaining: '1800s',
		hasActiveSubscription: true,
		subscriptionTier: 'pro',
		subscriptionCadence: 'monthly',
		subscriptionExpiration: null,
		subscriptionScheduledUpdate: null,
		subscriptionRenewal: null,
		activeCalls: 0,
		allowedConcurrentCalls: 100,
		allowedVoices: 10,
		allowedCorpora: 10,
	};

	constructor() {
		this.router
			.on('GET', '/api/accounts/me', () => ({ status: 200, body: this.account }))
			.on('GET', '/api/sip/registrations', (request, _params, context) =>
				this.list(request, context),
			)
			.on('POST', '/api/sip/registrations', (request, _params, context) =>
				this.create(request, context),
			)
			.on('GET', '/api/sip/registrations/{id}', (_request, { id }, context) =>
				this.get(id, context),
			)
			.on('PATCH', '/api/sip/registrations/{id}', (request, { id }, context) =>
				this.update(id, request, context),
			)
			.on('DELETE', '/api/sip/registrations/{id}', (_request, { id }, context) =>
				this.remove(id, context),
			);
	}

	reset(context: VendorContext): void {
		this.registrations = new Map();
		for (let n = 0; n < SEEDED_REGISTRATIONS; n++) {
			const registration: Registration = {
				registrationId: randomUUID(),
				created: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
				username: `ext${1000 + n}`,
				password: randomBytes(12).toString('base64url'),
				proxy: 'pbx.example.com',
				outboundProxy: null,
				authUser: null,
			};
			this.registrations.set(registration.registrationId, registration);
			context.devices.created(this.name, registration.registrationId, registration.password);
		}
	}

	sampleCredentials(baseUrl: string): Record<string, unknown> {
		return { apiKey: this.keys[0], baseUrl };
	}

	seeded(): Record<string, unknown> {
		return {
			sipRegistrationIds: [...this.registrations.keys()].slice(0, 5),
			sipRegistrationCount: this.registrations.size,
			secondApiKey: this.keys[1],
		};
	}

	secrets(): string[] {
		return [
			...this.keys,
			...[...this.registrations.values()].map((registration) => registration.password),
		];
	}

	rateLimitKey(request: SandboxRequest): string | undefined {
		const key = request.headers['x-api-key'];
		return typeof key === 'string' && this.keys.includes(key) ? key : undefined;
	}

	tooManyRequests(retryAfterSeconds: number): SandboxResponse {
		return {
			status: 429,
			body: {
				detail: `Request was throttled. Expected available in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
			},
			headers: { 'retry-after': String(retryAfterSeconds) },
		};
	}

	async handle(request: SandboxRequest, context: VendorContext): Promise<SandboxResponse> {
		const key = request.headers['x-api-key'];
		if (key === undefined)
			return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
		if (typeof key !== 'string' || !this.keys.includes(key))
			return { status: 401, body: { detail: 'Invalid API key.' } };

		const route = this.router.match(request);
		if (route === undefined) return { status: 404, body: { detail: 'Not found.' } };
		if (route === 'methodNotAllowed') {
			return { status: 405, body: { detail: `Method "${request.method}" not allowed.` } };
		}
		const operation = this.contract.operation(request.method, request.path);
		if (operation && ['POST', 'PATCH', 'PUT'].includes(request.method)) {
			if (typeof request.body === 'string')
				return { status: 400, body: { detail: 'JSON parse error.' } };
			const violations = this.contract.validateRequestBody(operation, request.body ?? {});
			if (violations.length) {
				const errors: Record<string, string[]> = {};
				for (const violation of violations)
					(errors[violation.field || 'non_field_errors'] ??= []).push(drfMessage(violation));
				return { status: 400, body: errors };
			}
		}
		const answer = await route.handler(request, route.params, context);
		if (operation) this.contract.assertResponse(operation, answer.status, answer.body);
		return answer;
	}

	private view(registration: Registration, context: VendorContext) {
		const state = context.devices.state(this.name, registration.registrationId);
		const { password: _password, ...visible } = registration;
		return { ...visible, successful: state.registered };
	}

	private list(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const pageSize = Math.min(
			Number(request.query.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE,
			MAX_PAGE_SIZE,
		);
		const cursor = request.query.get('cursor');
		const offset = cursor
			? Number(/^o=(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))?.[1] ?? NaN)
			: 0;
		if (!Number.isInteger(offset)) return { status: 404, body: { detail: 'Invalid cursor' } };
		const all = [...this.registrations.values()];
		const page = all.slice(offset, offset + pageSize);
		const link = (at: number) =>
			`${context.baseUrl}/api/sip/registrations?cursor=${encodeURIComponent(Buffer.from(`o=${at}`).toString('base64'))}&pageSize=${pageSize}`;
		return {
			status: 200,
			body: {
				results: page.map((registration) => this.view(registration, context)),
				next: offset + pageSize < all.length ? link(offset + pageSize) : null,
				previous: offset > 0 ? link(Math.max(0, offset - pageSize)) : null,
				total: all.length,
			},
		};
	}

	private create(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const body = request.body as Partial<Registration>;
		const registration: Registration = {
			registrationId: randomUUID(),
			created: new Date().toISOString(),
			username: String(body.username),
			password: String(body.password),
			proxy: String(body.proxy),
			outboundProxy: body.outboundProxy ?? null,
			authUser: body.authUser ?? null,
		};
		this.registrations.set(registration.registrationId, registration);
		context.devices.created(this.name, registration.registrationId, registration.password);
		return { status: 201, body: this.view(registration, context) };
	}

	private get(id: string, context: VendorContext): SandboxResponse {
		const registration = this.registrations.get(id);
		return registration
			? { status: 200, body: this.view(registration, context) }
			: { status: 404, body: { detail: 'Not found.' } };
	}

	private update(id: string, request: SandboxRequest, context: VendorContext): SandboxResponse {
		const registration = this.registrations.get(id);
		if (!registration) return { status: 404, body: { detail: 'Not found.' } };
		const changes = (request.body ?? {}) as Partial<Registration>;
		Object.assign(registration, changes);
		if (changes.password !== undefined)
			context.devices.passwordChanged(this.name, id, changes.password);
		return { status: 200, body: this.view(registration, context) };
	}

	private remove(id: string, context: VendorContext): SandboxResponse {
		if (!this.registrations.delete(id)) return { status: 404, body: { detail: 'Not found.' } };
		context.devices.removed(this.name, id);
		return { status: 204 };
	}
}

/** Ultravox documents 200 requests per second per API key. */
export const documentedRequestsPerSecond = 200;

export function createSimulator(): VendorSimulator {
	return new UltravoxSimulator();
}
