import { randomBytes } from 'node:crypto';
import { Router } from '../core/router';
import type {
	SandboxRequest,
	SandboxResponse,
	VendorContext,
	VendorSimulator,
} from '../core/types';

/**
 * Vobiz's SIP endpoint API as documented at https://docs.vobiz.ai/endpoint/update-endpoint and the
 * endpoint pages beside it: X-Auth-ID + X-Auth-Token on every call, `/api/v1/Account/{auth_id}/…`
 * paths compared exactly (capital "Account"/"Endpoint"/"Application", trailing slash), update by
 * POST answering 202 with no body, delete answering 204, limit/offset paging with
 * `meta.total_count`, both documented error shapes, and `sip_registered` & co. fed by the
 * registration simulation. Vobiz publishes no machine-readable spec for these calls (the update page's
 * OpenAPI fragment contradicts its own prose), so the documented rules are written out here.
 * Facts marked [I] are inferred (Vobiz does not document them), and said so in docs/vendors/vobiz.md.
 */

interface Endpoint {
	endpoint_id: string;
	username: string;
	alias: string;
	password: string;
	application: string | null;
	allow_voice: boolean;
	allow_message: boolean;
	allow_video: boolean;
	allow_same_domain: boolean;
	allow_other_domains: boolean;
	allow_phones: boolean;
	allow_apps: boolean;
	sub_account: string | null;
	created_at: string;
	updated_at: string;
}

interface Application {
	app_id: string;
	app_name: string;
	answer_url: string;
	answer_method: string;
	default_endpoint_app: boolean;
}

const SEEDED_ENDPOINTS = 130;
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
const FIRST_ENDPOINT_ID = 87_650_000;
const FLAG_DEFAULTS = {
	allow_voice: true,
	allow_message: true,
	allow_video: false,
	allow_same_domain: true,
	allow_other_domains: false,
	allow_phones: true,
	allow_apps: true,
} as const;
type Flag = keyof typeof FLAG_DEFAULTS;
const FLAGS = Object.keys(FLAG_DEFAULTS) as Flag[];
const UPDATABLE = new Set([
	'password',
	'alias',
	'application',
	'allow_voice',
	'allow_message',
	'allow_video',
]);
const LOCKED = new Set([
	'username',
	'endpoint_id',
	'domain',
	'allow_same_domain',
	'allow_other_domains',
	'allow_phones',
	'allow_apps',
]);
const CREATABLE = new Set([
	'username',
	'password',
	'alias',
	'application',
	'sub_account',
	...FLAGS,
]);

const PASSWORD_TOO_SHORT = 'Password must be at least 8 characters';

/** Plivo-style registrar timestamps ("2026-01-01 10:00:00") [I]. */
function registrarTime(iso: string): string {
	return iso.replace('T', ' ').replace(/\.\d+Z$/, '');
}

/** The endpoint pages' flat 400 shape (documented with the password example). */
function invalidParameters(details: Record<string, string>): SandboxResponse {
	return { status: 400, body: { error: 'invalid request parameters', details } };
}

/** The /errors page's envelope, used where Vobiz documents no endpoint-specific body [I per call]. */
function envelope(status: number, code: string, message: string): SandboxResponse {
	return {
		status,
		body: {
			status: 'error',
			error: { code, message },
			timestamp: new Date().toISOString(),
			requestId: `req_${randomBytes(8).toString('hex')}`,
		},
	};
}

/** Endpoint pages show 404 with no body, for unknown IDs and for paths Vobiz does not serve. */
const NOT_FOUND: SandboxResponse = { status: 404 };

function authId(): string {
	return `MA_${randomBytes(5).toString('hex').toUpperCase()}`;
}

export class VobizSimulator implements VendorSimulator {
	readonly name = 'vobiz';
	private readonly router = new Router();
	private readonly account = { authId: authId(), authToken: randomBytes(20).toString('base64url') };
	private endpoints = new Map<string, Endpoint>();
	private applications = new Map<string, Application>();
	private nextEndpointId = FIRST_ENDPOINT_ID;

	constructor() {
		const account = '/api/v1/Account/{auth_id}';
		this.router
			.on('GET', '/api/v1/auth/me', () => ({ status: 200, body: this.accountView() }))
			.on('GET', `${account}/Endpoint/`, (request, params, context) =>
				this.ownAccount(params, () => this.list(request, context)),
			)
			.on('POST', `${account}/Endpoint/`, (request, params, context) =>
				this.ownAccount(params, () => this.create(request, context)),
			)
			.on('GET', `${account}/Endpoint/{endpoint_id}/`, (_request, params, context) =>
				this.ownAccount(params, () => this.get(params.endpoint_id, context)),
			)
			.on('POST', `${account}/Endpoint/{endpoint_id}/`, (request, params, context) =>
				this.ownAccount(params, () => this.update(params.endpoint_id, request, context)),
			)
			.on('DELETE', `${account}/Endpoint/{endpoint_id}/`, (_request, params, context) =>
				this.ownAccount(params, () => this.remove(params.endpoint_id, context)),
			)
			.on('GET', `${account}/Application/`, (request, params) =>
				this.ownAccount(params, () => this.listApplications(request)),
			);
	}

	reset(context: VendorContext): void {
		this.applications = new Map();
		const apps: Array<[string, string, boolean]> = [
			['98765432', 'Default endpoint app', true],
			['98765433', 'Support IVR', false],
			['98765434', 'Sales queue', false],
		];
		for (const [appId, name, isDefault] of apps) {
			this.applications.set(appId, {
				app_id: appId,
				app_name: name,
				answer_url: `https://example.com/vobiz/${appId}/answer`,
				answer_method: 'POST',
				default_endpoint_app: isDefault,
			});
		}
		this.endpoints = new Map();
		this.nextEndpointId = FIRST_ENDPOINT_ID;
		const appIds = [...this.applications.keys()];
		for (let n = 0; n < SEEDED_ENDPOINTS; n++) {
			const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
			const endpoint: Endpoint = {
				endpoint_id: String(this.nextEndpointId++),
				username: `ext${1000 + n}`,
				alias: `Desk-${1000 + n}`,
				password: randomBytes(12).toString('base64url'),
				// Every tenth endpoint has no application, so the isnull filter has something to find.
				application: n % 10 === 9 ? null : appIds[n % appIds.length],
				...FLAG_DEFAULTS,
				sub_account: null,
				created_at: at,
				updated_at: at,
			};
			this.endpoints.set(endpoint.endpoint_id, endpoint);
			context.devices.created(this.name, endpoint.endpoint_id, endpoint.password, 'Linphone/5.2.0');
		}
	}

	sampleCredentials(baseUrl: string): Record<string, unknown> {
		return { authId: this.account.authId, authToken: this.account.authToken, baseUrl };
	}

	seeded(): Record<string, unknown> {
		return {
			endpointIds: [...this.endpoints.keys()].slice(0, 5),
			endpointCount: this.endpoints.size,
			applicationIds: [...this.applications.keys()],
		};
	}

	secrets(): string[] {
		return [
			this.account.authToken,
			...[...this.endpoints.values()].map((endpoint) => endpoint.password),
		];
	}

	rateLimitKey(request: SandboxRequest): string | undefined {
		return this.authenticated(request) ? this.account.authId : undefined;
	}

	/** Vobiz documents 429 but no body and no Retry-After header [I]: the envelope, without one. */
	tooManyRequests(): SandboxResponse {
		return envelope(
			429,
			'RATE_LIMIT_EXCEEDED',
			'Too many requests. Slow down and try again later.',
		);
	}

	private authenticated(request: SandboxRequest): boolean {
		return (
			request.headers['x-auth-id'] === this.account.authId &&
			request.headers['x-auth-token'] === this.account.authToken
		);
	}

	async handle(request: SandboxRequest, context: VendorContext): Promise<SandboxResponse> {
		// 401 bodies: the /errors envelope; the codes and wording are [I].
		const { 'x-auth-id': id, 'x-auth-token': token } = request.headers;
		if (id === undefined || token === undefined) {
			return envelope(
				401,
				'UNAUTHORIZED',
				'Authentication credentials were not provided: send X-Auth-ID and X-Auth-Token.',
			);
		}
		if (!this.authenticated(request))
			return envelope(401, 'UNAUTHORIZED', 'Invalid Auth ID or Auth Token.');

		const route = this.router.match(request);
		// The skill's pitfall: a lowercase segment or a missing trailing slash is not found.
		if (route === undefined) return NOT_FOUND;
		if (route === 'methodNotAllowed')
			return envelope(405, 'METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed here.`);
		if (
			['POST', 'PUT', 'PATCH'].includes(request.method) &&
			request.rawBody !== '' &&
			typeof request.body !== 'object'
		) {
			return invalidParameters({ body: 'The request body must be a JSON object' });
		}
		return await route.handler(request, route.params, context);
	}

	/** An Auth ID in the path that is not the caller's own account is refused like bad credentials [I]. */
	private ownAccount(
		params: Record<string, string>,
		handler: () => SandboxResponse,
	): SandboxResponse {
		if (params.auth_id !== this.account.authId) {
			return envelope(
				401,
				'UNAUTHORIZED',
				'The Auth ID in the URL does not match the X-Auth-ID header.',
			);
		}
		return handler();
	}

	private accountView() {
		return {
			id: 1042,
			api_id: `api_${randomBytes(6).toString('hex')}`,
			auth_id: this.account.authId,
			auth_secret: '<redacted>',
			name: 'Sandbox Telecom',
			email: 'ops@example.com',
			cps_limit: 10,
			concurrent_calls_limit: 50,
			pricing_tier: { name: 'standard', currency: 'INR' },
		};
	}

	private resourceUri(kind: 'Endpoint' | 'Application', id: string): string {
		return `/api/v1/Account/${this.account.authId}/${kind}/${id}/`;
	}

	/** The list's shape (SDK ListEndpointsResponseObjectsItem): the application is a resource URI. */
	private listView(endpoint: Endpoint, context: VendorContext) {
		const state = context.devices.state(this.name, endpoint.endpoint_id);
		return {
			endpoint_id: endpoint.endpoint_id,
			username: endpoint.username,
			alias: endpoint.alias,
			sip_uri: `sip:${endpoint.username}@sip.vobiz.ai`,
			sip_registered: state.registered ? 'true' : 'false',
			application: endpoint.application
				? this.resourceUri('Application', endpoint.application)
				: null,
			sub_account: endpoint.sub_account,
			resource_uri: this.resourceUri('Endpoint', endpoint.endpoint_id),
		};
	}

	/** The endpoint object page: every attribute, the application expanded, registration details. */
	private detailView(endpoint: Endpoint, context: VendorContext) {
		const state = context.devices.state(this.name, endpoint.endpoint_id);
		const application = endpoint.application
			? this.applications.get(endpoint.application)
			: undefined;
		const flags = Object.fromEntries(FLAGS.map((flag) => [flag, endpoint[flag]]));
		return {
			...this.listView(endpoint, context),
			application: application
				? {
						app_id: application.app_id,
						app_name: application.app_name,
						answer_url: application.answer_url,
						answer_method: application.answer_method,
					}
				: null,
			...flags,
			// "null unless registered" (https://docs.vobiz.ai/endpoint/endpoint-object); the contact and expiry formats are [I].
			sip_contact: state.registered
				? `sip:${endpoint.username}@192.0.2.10:5060;transport=udp`
				: null,
			sip_expires: state.registered && state.expiresAt ? registrarTime(state.expiresAt) : null,
			sip_user_agent: state.registered ? (state.userAgent ?? null) : null,
			created_at: endpoint.created_at,
			updated_at: endpoint.updated_at,
		};
	}

	/** limit ≤ 100 (default 20) and offset (default 0); anything else is a 400 [I wording]. */
	private paging(request: SandboxRequest): { limit: number; offset: number } | SandboxResponse {
		const limitText = request.query.get('limit');
		const offsetText = request.query.get('offset');
		const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
		const offset = offsetText === null ? 0 : Number(offsetText);
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
			return invalidParameters({ limit: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
		}
		if (!Number.isInteger(offset) || offset < 0)
			return invalidParameters({ offset: 'offset must be a whole number of at least 0' });
		return { limit, offset };
	}

	/** `meta.next`/`previous` as relative URIs of the neighbouring pages, Plivo-style [I]. */
	private page<T>(
		request: SandboxRequest,
		kind: 'Endpoint' | 'Application',
		all: T[],
	): SandboxResponse | { meta: object; objects: T[] } {
		const paging = this.paging(request);
		if ('status' in paging) return paging;
		const { limit, offset } = paging;
		const link = (at: number) => {
			const query = new URLSearchParams(request.query);
			query.set('limit', String(limit));
			query.set('offset', String(at));
			return `/api/v1/Account/${this.account.authId}/${kind}/?${query.toString()}`;
		};
		return {
			meta: {
				limit,
				offset,
				total_count: all.length,
				next: offset + limit < all.length ? link(offset + limit) : null,
				previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
			},
			objects: all.slice(offset, offset + limit),
		};
	}

	private list(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const query = request.query;
		const text = (name: string) => query.get(name);
		const appExact = text('application_id__exact');
		if (appExact !== null && !/^\d+$/.test(appExact)) {
			return invalidParameters({
				application_id__exact: 'application_id__exact must be an integer',
			});
		}
		const appIsNull = text('application_id__isnull');
		if (appIsNull !== null && !['true', 'false'].includes(appIsNull)) {
			return invalidParameters({
				application_id__isnull: 'application_id__isnull must be true or false',
			});
		}
		// Django-style lookups: contains/startswith/exact are case-sensitive [I].
		const matches = (endpoint: Endpoint) =>
			(text('username__contains') === null ||
				endpoint.username.includes(text('username__contains')!)) &&
			(text('username__exact') === null || endpoint.username === text('username__exact')) &&
			(text('username__startswith') === null ||
				endpoint.username.startsWith(text('username__startswith')!)) &&
			(text('alias__contains') === null || endpoint.alias.includes(text('alias__contains')!)) &&
			(text('alias__exact') === null || endpoint.alias === text('alias__exact')) &&
			(appExact === null || endpoint.application === appExact) &&
			(appIsNull === null || (endpoint.application === null) === (appIsNull === 'true')) &&
			(text('sub_account') === null || endpoint.sub_account === text('sub_account'));
		const selected = [...this.endpoints.values()].filter(matches);
		const page = this.page(request, 'Endpoint', selected);
		if ('status' in page) return page;
		return {
			status: 200,
			body: {
				api_id: `api_${randomBytes(6).toString('hex')}`,
				meta: page.meta,
				objects: page.objects.map((endpoint) => this.listView(endpoint, context)),
			},
		};
	}

	private listApplications(request: SandboxRequest): SandboxResponse {
		const page = this.page(request, 'Application', [...this.applications.values()]);
		if ('status' in page) return page;
		return {
			status: 200,
			body: {
				api_id: `api_${randomBytes(6).toString('hex')}`,
				meta: page.meta,
				objects: page.objects.map((application) => ({
					...application,
					hangup_url: null,
					hangup_method: 'POST',
					fallback_answer_url: null,
					fallback_method: 'POST',
					message_url: null,
					message_method: 'POST',
					default_app: false,
					enabled: true,
					application_type: 'XML',
					public_uri: false,
					sip_uri: `sip:${application.app_id}@app.vobiz.ai`,
					sip_transfer_url: null,
					sip_transfer_method: 'POST',
					log_incoming_message: true,
					sub_account: null,
					resource_uri: this.resourceUri('Application', application.app_id),
					created_at: '2025-12-01T00:00:00Z',
					updated_at: '2025-12-01T00:00:00Z',
				})),
			},
		};
	}

	/** Type and value checks shared by create and update; undefined when the body is acceptable. */
	private fieldProblems(
		body: Record<string, unknown>,
		allowed: Set<string>,
	): Record<string, string> | undefined {
		const problems: Record<string, string> = {};
		for (const key of Object.keys(body)) {
			if (allowed.has(key)) continue;
			// The update page says these are locked; the wording of the refusal is [I].
			problems[key] = LOCKED.has(key)
				? `${key} cannot be changed after the endpoint is created`
				: `Unknown field ${key}`;
		}
		if ('password' in body && (typeof body.password !== 'string' || body.password.length < 8)) {
			problems.password = PASSWORD_TOO_SHORT;
		}
		if ('alias' in body && typeof body.alias !== 'string')
			problems.alias = 'Alias must be a string';
		for (const flag of FLAGS) {
			if (flag in body && typeof body[flag] !== 'boolean')
				problems[flag] = `${flag} must be true or false`;
		}
		if ('application' in body) {
			const application = body.application;
			if (typeof application !== 'number' || !Number.isInteger(application)) {
				problems.application = 'Application must be an integer app_id';
			} else if (!this.applications.has(String(application))) {
				// Documented: "An unknown app_id returns a 400"; the message is [I].
				problems.application = `Application ${application} does not exist`;
			}
		}
		return Object.keys(problems).length ? problems : undefined;
	}

	private create(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const problems = this.fieldProblems(body, CREATABLE) ?? {};
		if (typeof body.username !== 'string' || body.username === '')
			problems.username = 'This field is required';
		else if (!/^[A-Za-z0-9]+$/.test(body.username))
			problems.username = 'Username may contain only letters and digits';
		if (body.password === undefined) problems.password = 'This field is required';
		if (typeof body.alias !== 'string' || body.alias === '')
			problems.alias = 'This field is required';
		else if (!/^[A-Za-z0-9_-]+$/.test(body.alias))
			problems.alias = 'Alias may contain only letters, digits, "-" and "_"';
		if (Object.keys(problems).length) return invalidParameters(problems);
		const username = body.username as string;
		if ([...this.endpoints.values()].some((endpoint) => endpoint.username === username)) {
			// 409 is documented for a duplicate username; the code and message are [I].
			return envelope(
				409,
				'DUPLICATE_USERNAME',
				`An endpoint with username ${username} already exists.`,
			);
		}
		const defaultApp = [...this.applications.values()].find(
			(application) => application.default_endpoint_app,
		);
		const now = new Date().toISOString();
		const endpoint: Endpoint = {
			endpoint_id: String(this.nextEndpointId++),
			username,
			alias: body.alias as string,
			password: body.password as string,
			application:
				body.application !== undefined ? String(body.application) : (defaultApp?.app_id ?? null),
			...FLAG_DEFAULTS,
			...Object.fromEntries(FLAGS.filter((flag) => flag in body).map((flag) => [flag, body[flag]])),
			sub_account: typeof body.sub_account === 'string' ? body.sub_account : null,
			created_at: now,
			updated_at: now,
		};
		this.endpoints.set(endpoint.endpoint_id, endpoint);
		context.devices.created(this.name, endpoint.endpoint_id, endpoint.password, 'Linphone/5.2.0');
		// The current docs' and SDK's answer; the status code is [I] (older docs: 201).
		return {
			status: 201,
			body: {
				alias: endpoint.alias,
				endpoint_id: endpoint.endpoint_id,
				username: endpoint.username,
			},
		};
	}

	private get(id: string, context: VendorContext): SandboxResponse {
		const endpoint = this.endpoints.get(id);
		return endpoint ? { status: 200, body: this.detailView(endpoint, context) } : NOT_FOUND;
	}

	/** Update Endpoint: only the fields sent change; 202 with no body. */
	private update(id: string, request: SandboxRequest, context: VendorContext): SandboxResponse {
		const endpoint = this.endpoints.get(id);
		if (!endpoint) return NOT_FOUND;
		const body = (request.body ?? {}) as Record<string, unknown>;
		const problems = this.fieldProblems(body, UPDATABLE);
		if (problems) return invalidParameters(problems);
		if (typeof body.password === 'string') {
			endpoint.password = body.password;
			// "A new password signs out every registered device until it re-registers."
			context.devices.passwordChanged(this.name, id, body.password);
		}
		if (typeof body.alias === 'string') endpoint.alias = body.alias;
		if (typeof body.application === 'number') endpoint.application = String(body.application);
		for (const flag of FLAGS)
			if (typeof body[flag] === 'boolean') endpoint[flag] = body[flag] as boolean;
		endpoint.updated_at = new Date().toISOString();
		return { status: 202 };
	}

	private remove(id: string, context: VendorContext): SandboxResponse {
		if (!this.endpoints.delete(id)) return NOT_FOUND;
		context.devices.removed(this.name, id);
		return { status: 204 };
	}
}

// Vobiz documents no numeric rate limit, so none is enforced unless a test configures one.
export function createSimulator(): VendorSimulator {
	return new VobizSimulator();
}
