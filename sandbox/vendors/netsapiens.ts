import { randomBytes, randomInt } from 'node:crypto';
import { Contract } from '../core/contract';
import { netSapiensContract } from '../contracts/netsapiens';
import type { ContractViolation } from '../core/contract';
import { Router } from '../core/router';
import type {
	SandboxRequest,
	SandboxResponse,
	VendorContext,
	VendorSimulator,
} from '../core/types';

/**
 * NetSapiens ns-api v2, device part (https://docs.ns-api.com/v45.0/reference/updatedevice; contract in
 * sandbox/contracts/netsapiens.ts, paths relative to `https://{server}/ns-api/v2`). Bearer auth with API keys (scope,
 * domain, user, read-only flag) or OAuth2 access tokens from `POST /tokens` (lifetime
 * `config.tokenLifetimeSeconds`); `~` resolves to the caller's domain and user; `start`/`limit`
 * paging; `{code, message}` errors; writes answer `202 {code, message}` unless a create asks for
 * `synchronous: "yes"`; device registration fields come from the registration simulation.
 *
 * [I] marks behaviour NetSapiens does not document, chosen as the most plausible reading.
 */

type Scope = 'Super User' | 'Reseller' | 'Office Manager' | 'Basic User';

interface Principal {
	scope: Scope;
	reseller: string;
	domain: string;
	user: string;
	readonly: boolean;
}

interface ApiKeyRecord extends Principal {
	key: string;
	keyId: string;
	description: string;
}

interface IssuedToken {
	principal: Principal;
	clientId: string;
	login: string;
	expiresAt: number;
}

interface DomainRecord {
	domain: string;
	reseller: string;
	description: string;
}

interface UserRecord {
	domain: string;
	user: string;
	firstName: string;
	lastName: string;
}

interface DeviceRecord {
	domain: string;
	user: string;
	device: string;
	password: string;
	/** The writable fields (UpdateDevice body in NetSapiens' OpenAPI) as NetSapiens stores them. */
	settings: Record<string, unknown>;
}

const API = '/ns-api/v2';
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const SANDBOX_DOMAIN = 'sandbox.example';
const SANDBOX_USERS = 120;
const DEVICE_SUFFIXES = ['', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
/** Seeded devices with this suffix hold an old password on the phone, so they are unregistered. */
const STALE_SUFFIX = 'i';
const USER_AGENTS = ['Yealink T48 2.3.232', 'Polycom VVX 450 6.4.3', 'SnapMobile Web 44.0.2'];

/** NetSapiens' documented defaults of the writable device fields that have one. */
const DEVICE_DEFAULTS: Record<string, unknown> = {
	'caller-id-number-emergency': '[*]',
	'device-force-notify-new-voicemails-enabled': 'no',
	'device-level-call-recording-enabled': 'no',
	'device-push-enabled': 'yes',
	'device-sip-registration-expiry-seconds': 60,
	'device-sip-registration-ignore-for-presence-calculation': 'no',
	'device-sip-registration-ignore-report-enabled': 'no',
	'device-sip-no-to-tag-in-cancel': 'no',
	'device-srtp-enabled': 'no',
	'auto-answer-enabled': 'no',
	'recording-configuration': 'no',
	'device-sip-nat-traversal-enabled': 'automatic',
	'emergency-address-id': null,
	'device-provisioning-sip-transport-protocol': 'udp',
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
	return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

/** `nsX_` + 48 random + 8 check characters = 60 (docs.ns-api.com "API Keys"); the alphabet is [I]. */
function apiKey(prefix: 'nss' | 'nsr' | 'nsd' | 'nsu'): string {
	return `${prefix}_${randomText(56)}`;
}

function error(status: number, message: string): SandboxResponse {
	return { status, body: { code: status, message } };
}

const accepted = (): SandboxResponse => ({ status: 202, body: { code: 202, message: 'Accepted' } }); // [I] wording

function describeViolation(violation: ContractViolation): string {
	const field = violation.field || 'body';
	switch (violation.keyword) {
		case 'enum':
			return `${field} must be one of: ${(violation.params.allowedValues as unknown[]).join(', ')}`;
		case 'type':
			return `${field} must be of type ${String(violation.params.type)}`;
		case 'required':
			return `${field} is required`;
		case 'additionalProperties':
			return `${field} is not a device field`;
		case 'false schema':
			return `${field} is read-only`;
		default:
			return `${field} ${violation.message}`;
	}
}

export class NetSapiensSimulator implements VendorSimulator {
	readonly name = 'netsapiens';
	private readonly contract = new Contract(netSapiensContract);
	private readonly publicRoutes = new Router();
	private readonly router = new Router();
	private readonly principals = new WeakMap<SandboxRequest, Principal>();

	private readonly keys: Record<
		'officeManager' | 'readOnly' | 'reseller' | 'superUser' | 'basicUser',
		ApiKeyRecord
	>;
	private readonly oauthClient = { clientId: 'n8n-sandbox', clientSecret: randomText(32) };
	private readonly oauthUser = { login: `1000@${SANDBOX_DOMAIN}`, password: randomText(20) };
	/** The OAuth user is an Office Manager of the sandbox domain (tokens carry the user's scope). */
	private readonly oauthPrincipal: Principal = {
		scope: 'Office Manager',
		reseller: 'SandboxTel',
		domain: SANDBOX_DOMAIN,
		user: '1000',
		readonly: false,
	};

	private domains = new Map<string, DomainRecord>();
	private users = new Map<string, UserRecord>();
	/** Keyed `device@domain`, the device's SIP identity; insertion order is list order. */
	private devices = new Map<string, DeviceRecord>();
	private accessTokens = new Map<string, IssuedToken>();
	private refreshTokens = new Map<string, Omit<IssuedToken, 'expiresAt'>>();

	constructor() {
		const home = { reseller: 'SandboxTel', domain: SANDBOX_DOMAIN, user: '1000' };
		const key = (
			prefix: 'nss' | 'nsr' | 'nsd' | 'nsu',
			keyId: string,
			principal: Principal,
			description: string,
		) => ({
			...principal,
			key: apiKey(prefix),
			keyId,
			description,
		});
		this.keys = {
			officeManager: key(
				'nsd',
				'nsd-n8nmgr01',
				{ ...home, scope: 'Office Manager', readonly: false },
				'n8n device automation',
			),
			readOnly: key(
				'nsd',
				'nsd-n8nread1',
				{ ...home, scope: 'Office Manager', readonly: true },
				'n8n read-only reporting',
			),
			reseller: key(
				'nsr',
				'nsr-n8nresl1',
				{ ...home, scope: 'Reseller', readonly: false },
				'n8n reseller automation',
			),
			superUser: key(
				'nss',
				'nss-n8nsuper',
				{ ...home, reseller: '*', scope: 'Super User', readonly: false },
				'n8n platform automation',
			),
			basicUser: key(
				'nsu',
				'nsu-n8nuser1',
				{ ...home, user: '1001', scope: 'Basic User', readonly: false },
				'n8n single user access',
			),
		};

		this.publicRoutes
			.on('GET', `${API}/version`, () => ({
				status: 200,
				body: {
					apiversion: '45.0',
					hostname: 'core1.sandbox.example',
					'current-time': new Date().toISOString(),
				},
			}))
			.on('POST', `${API}/tokens`, (request, _params, context) => this.token(request, context));

		const users = `${API}/domains/{domain}/users`;
		const devices = `${users}/{user}/devices`;
		this.router
			.on('GET', `${API}/apikeys/~`, (request) => this.myApiKey(request))
			.on('GET', `${API}/domains`, (request) => this.listDomains(request))
			.on('GET', `${API}/domains/{domain}`, (request, params) => this.getDomain(request, params))
			.on('GET', users, (request, params) => this.listUsers(request, params))
			.on('GET', `${users}/{user}`, (request, params) => this.getUser(request, params))
			.on('GET', `${API}/domains/{domain}/devices`, (request, params, context) =>
				this.listDomainDevices(request, params, context),
			)
			.on('GET', `${API}/domains/{domain}/devices/count`, (request, params) =>
				this.countDomainDevices(request, params),
			)
			.on('GET', devices, (request, params, context) =>
				this.listUserDevices(request, params, context),
			)
			.on('POST', devices, (request, params, context) =>
				this.createDevice(request, params, context),
			)
			// Before `{device}`: on NetSapiens too a device named "count" could not be read this way.
			.on('GET', `${devices}/count`, (request, params) => this.countDevices(request, params))
			.on('GET', `${devices}/{device}`, (request, params, context) =>
				this.getDevice(request, params, context),
			)
			.on('PUT', `${devices}/{device}`, (request, params, context) =>
				this.updateDevice(request, params, context),
			)
			.on('DELETE', `${devices}/{device}`, (request, params, context) =>
				this.deleteDevice(request, params, context),
			);
	}

	reset(context: VendorContext): void {
		this.domains = new Map();
		this.users = new Map();
		this.devices = new Map();
		this.accessTokens = new Map();
		this.refreshTokens = new Map();
		const addDomain = (domain: string, reseller: string, description: string) =>
			this.domains.set(domain, { domain, reseller, description });
		addDomain(SANDBOX_DOMAIN, 'SandboxTel', 'Sandbox Example Inc');
		addDomain('acme.example', 'SandboxTel', 'Acme Widgets');
		addDomain('other.example', 'OtherTel', 'A customer of another reseller');

		let seeded = 0;
		const addUser = (domain: string, user: string, deviceSuffixes: string[]) => {
			this.users.set(`${domain}/${user}`, { domain, user, firstName: 'User', lastName: user });
			for (const suffix of deviceSuffixes) {
				const device = `${user}${suffix}`;
				const record: DeviceRecord = {
					domain,
					user,
					device,
					password: randomText(16),
					settings: { ...DEVICE_DEFAULTS },
				};
				this.devices.set(`${device}@${domain}`, record);
				const userAgent = USER_AGENTS[seeded++ % USER_AGENTS.length];
				if (suffix === STALE_SUFFIX) {
					// The phone still holds an older password: the simulation keeps it unregistered.
					context.devices.created(
						this.name,
						`${device}@${domain}`,
						record.password,
						userAgent,
						randomText(16),
					);
				} else {
					context.devices.created(this.name, `${device}@${domain}`, record.password, userAgent);
				}
			}
		};
		for (let n = 0; n < SANDBOX_USERS; n++)
			addUser(SANDBOX_DOMAIN, String(1000 + n), DEVICE_SUFFIXES);
		for (const user of ['200', '201', '202']) addUser('acme.example', user, ['', 'a']);
		for (const user of ['100', '101']) addUser('other.example', user, ['']);
	}

	sampleCredentials(baseUrl: string): Record<string, unknown> {
		return {
			server: baseUrl,
			authType: 'apiKey',
			apiKey: this.keys.officeManager.key,
			clientId: this.oauthClient.clientId,
			clientSecret: this.oauthClient.clientSecret,
			username: this.oauthUser.login,
			password: this.oauthUser.password,
		};
	}

	seeded(): Record<string, unknown> {
		return {
			domain: SANDBOX_DOMAIN,
			user: '1000',
			userDevices: DEVICE_SUFFIXES.map((suffix) => `1000${suffix}`),
			unregisteredDevice: `1000${STALE_SUFFIX}`,
			domainDeviceCount: SANDBOX_USERS * DEVICE_SUFFIXES.length,
			otherDomains: ['acme.example', 'other.example'],
			apiKeys: Object.fromEntries(
				Object.entries(this.keys).map(([role, record]) => [role, record.key]),
			),
			oauth: {
				...this.oauthClient,
				username: this.oauthUser.login,
				password: this.oauthUser.password,
			},
		};
	}

	secrets(): string[] {
		return [
			...Object.values(this.keys).map((record) => record.key),
			this.oauthClient.clientSecret,
			this.oauthUser.password,
			...this.accessTokens.keys(),
			...this.refreshTokens.keys(),
			...[...this.devices.values()].flatMap((record) => [
				record.password,
				...(typeof record.settings['device-provisioning-password'] === 'string'
					? [record.settings['device-provisioning-password'] as string]
					: []),
			]),
		];
	}

	async handle(request: SandboxRequest, context: VendorContext): Promise<SandboxResponse> {
		const open = this.publicRoutes.match(request);
		if (open === 'methodNotAllowed') return error(405, `Method ${request.method} not allowed`);
		if (open) return this.checked(request, await open.handler(request, open.params, context));

		const route = this.router.match(request);
		const principal = this.authenticate(request);
		if ('status' in principal) return principal;
		if (route === undefined) return error(404, 'Not found'); // [I] wording
		if (route === 'methodNotAllowed') return error(405, `Method ${request.method} not allowed`);

		const write = ['POST', 'PUT', 'DELETE'].includes(request.method);
		// ApiKey.readonly: "POST, PUT and DELETE will be rejected" (NetSapiens' OpenAPI); the 403 wording is [I].
		if (write && principal.readonly) {
			return error(403, 'This API key is read-only: POST, PUT and DELETE requests are rejected');
		}
		const operation = this.operationOf(request);
		if (operation && write && operation.request) {
			if (
				request.body === undefined ||
				typeof request.body !== 'object' ||
				Array.isArray(request.body)
			) {
				return error(400, 'The request body must be a JSON object');
			}
			const violations = this.contract.validateRequestBody(operation, request.body);
			if (violations.length) return error(400, violations.map(describeViolation).join('; '));
		}
		this.principals.set(request, principal);
		return this.checked(request, await route.handler(request, route.params, context));
	}

	/** The documented operation for a request (`…/devices/count` is the count's, not a device named "count"). */
	private operationOf(request: SandboxRequest) {
		return this.contract.operation(request.method, request.path.slice(API.length));
	}

	private checked(request: SandboxRequest, answer: SandboxResponse): SandboxResponse {
		const operation = this.operationOf(request);
		if (operation) this.contract.assertResponse(operation, answer.status, answer.body);
		return answer;
	}

	/** Bearer API key or access token; the 401 wordings are [I]. */
	private authenticate(request: SandboxRequest): Principal | SandboxResponse {
		const header = request.headers.authorization;
		const bearer = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header)?.[1] : undefined;
		if (!bearer)
			return error(
				401,
				'Authentication required: send "Authorization: Bearer" with an API key or access token',
			);
		if (/^ns[srdu]_/.test(bearer)) {
			const record = Object.values(this.keys).find((candidate) => candidate.key === bearer);
			return record ?? error(401, 'Invalid API key');
		}
		const token = this.accessTokens.get(bearer);
		if (!token) return error(401, 'Invalid access token');
		if (Date.now() >= token.expiresAt) return error(401, 'Access token expired');
		return token.principal;
	}

	private principal(request: SandboxRequest): Principal {
		return this.principals.get(request)!;
	}

	private paging(request: SandboxRequest): { start: number; limit: number } | SandboxResponse {
		const start = Number(request.query.get('start') ?? 0);
		const limit = Number(request.query.get('limit') ?? DEFAULT_LIMIT);
		if (!Number.isInteger(start) || start < 0)
			return error(400, 'start must be a whole number of at least 0');
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
			return error(400, `limit must be a whole number from 1 to ${MAX_LIMIT}`);
		}
		return { start, limit };
	}

	private page<T>(request: SandboxRequest, rows: T[], view: (row: T) => unknown): SandboxResponse {
		const paging = this.paging(request);
		if ('status' in paging) return paging;
		return { status: 200, body: rows.slice(paging.start, paging.start + paging.limit).map(view) };
	}

	/** `~` is the caller's own domain (DomainNamePath); then the caller's scope decides. */
	private domainFor(request: SandboxRequest, raw: string): DomainRecord | SandboxResponse {
		const principal = this.principal(request);
		if ([...raw].length > 64) return error(400, 'domain may be at most 64 characters');
		const name = raw === '~' ? principal.domain : raw;
		const domain = this.domains.get(name);
		if (!domain) return error(404, `Domain ${name} does not exist`);
		const allowed =
			principal.scope === 'Super User' ||
			(principal.scope === 'Reseller'
				? domain.reseller === principal.reseller
				: domain.domain === principal.domain);
		return allowed ? domain : error(403, 'Domain not found or access denied');
	}

	private userFor(
		request: SandboxRequest,
		domain: DomainRecord,
		raw: string,
	): UserRecord | SandboxResponse {
		const principal = this.principal(request);
		if ([...raw].length > 16) return error(400, 'user may be at most 16 characters');
		const name = raw === '~' ? principal.user : raw;
		const user = this.users.get(`${domain.domain}/${name}`);
		if (!user) return error(404, `User ${name} does not exist in domain ${domain.domain}`);
		if (principal.scope === 'Basic User' && user.user !== principal.user) {
			return error(403, 'User not found or access denied'); // [I]
		}
		return user;
	}

	/** Domain-wide lists and writes need at least an Office Manager scope [I]. */
	private needsOfficeManager(request: SandboxRequest, what: string): SandboxResponse | undefined {
		return this.principal(request).scope === 'Basic User'
			? error(403, `A Basic User scope may not ${what}`) // [I]
			: undefined;
	}

	private deviceView(record: DeviceRecord, context: VendorContext) {
		const state = context.devices.state(this.name, `${record.device}@${record.domain}`);
		const user = this.users.get(`${record.domain}/${record.user}`);
		return {
			device: record.device,
			user: record.user,
			domain: record.domain,
			'device-sip-registration-uri': `sip:${record.device}@${record.domain}`,
			'device-sip-registration-state': state.registered ? 'registered' : 'unregistered',
			'device-sip-registration-datetime': state.registeredAt ?? null,
			'device-sip-registration-expires-datetime': state.expiresAt ?? null,
			'device-sip-registration-contact': state.registered
				? `sip:${record.device}@192.0.2.10:5060`
				: '',
			'device-sip-registration-core-server': 'core1.sandbox.example',
			'device-sip-registration-ip-address': state.registered ? '192.0.2.10:5060' : '',
			'device-sip-registration-user-agent': state.userAgent ?? '',
			...(state.registered
				? {
						'device-sip-latency-seconds-current': 0.042,
						'device-sip-latency-seconds-average': 0.05,
					}
				: {}),
			// Not marked write-only in NetSapiens' OpenAPI, so a read returns it [I].
			'device-sip-registration-password': record.password,
			...record.settings,
			'login-username': `${record.user}@${record.domain}`,
			'name-full-name': user ? `${user.firstName} ${user.lastName}` : '',
		};
	}

	private token(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const body = request.body;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return error(400, 'The request body must be a JSON object');
		const fields = body as Record<string, unknown>;
		const grant = fields.grant_type;
		// The subset's POST /tokens is the MFA variant of the call (its schema requires passcode and
		// friends); the password and refresh grants follow the AuthRequest schema instead.
		const required =
			grant === 'password'
				? ['client_id', 'client_secret', 'username', 'password']
				: grant === 'refresh_token'
					? ['client_id', 'client_secret', 'refresh_token']
					: undefined;
		if (!required)
			return error(
				400,
				'grant_type must be password or refresh_token (MFA is not enabled for this user)',
			);
		const missing = required.filter(
			(name) => typeof fields[name] !== 'string' || fields[name] === '',
		);
		if (missing.length) return error(400, `Missing ${missing.join(', ')}`);
		if (
			fields.client_id !== this.oauthClient.clientId ||
			fields.client_secret !== this.oauthClient.clientSecret
		) {
			return error(401, 'Invalid client_id or client_secret'); // [I] wording
		}
		let grantFor: Omit<IssuedToken, 'expiresAt'> | undefined;
		if (grant === 'password') {
			if (fields.username !== this.oauthUser.login || fields.password !== this.oauthUser.password) {
				return error(401, 'Invalid username or password'); // [I] wording
			}
			grantFor = {
				principal: this.oauthPrincipal,
				clientId: this.oauthClient.clientId,
				login: this.oauthUser.login,
			};
		} else {
			grantFor = this.refreshTokens.get(String(fields.refresh_token));
			if (!grantFor) return error(401, 'Invalid refresh_token');
		}
		const lifetime = context.config.tokenLifetimeSeconds;
		const accessToken = randomBytes(16).toString('hex');
		const refreshToken = randomBytes(16).toString('hex');
		const { principal } = grantFor;
		this.accessTokens.set(accessToken, { ...grantFor, expiresAt: Date.now() + lifetime * 1000 });
		this.refreshTokens.set(refreshToken, grantFor);
		return {
			status: 200,
			body: {
				username: grantFor.login,
				user: principal.user,
				territory: principal.reseller,
				domain: principal.domain,
				department: '',
				uid: `${principal.user}@${principal.domain}`,
				login: grantFor.login,
				scope: principal.scope,
				user_email: `${principal.user}@${principal.domain}`,
				displayName: `User ${principal.user}`,
				access_token: accessToken,
				expires_in: lifetime,
				token_type: 'Bearer',
				refresh_token: refreshToken,
				client_id: grantFor.clientId,
				apiversion: '45.0',
			},
		};
	}

	private myApiKey(request: SandboxRequest): SandboxResponse {
		const bearer = String(request.headers.authorization).replace(/^Bearer /i, '');
		const record = Object.values(this.keys).find((candidate) => candidate.key === bearer);
		if (!record) return error(400, 'This request is not authenticated with an API key'); // [I]
		return {
			status: 200,
			body: {
				'key-id': record.keyId,
				description: record.description,
				reseller: record.reseller,
				domain: record.domain,
				user: record.user,
				'user-scope': record.scope,
				readonly: record.readonly ? 'yes' : 'no',
				'can-create-keys': 'no',
			},
		};
	}

	private listDomains(request: SandboxRequest): SandboxResponse {
		const principal = this.principal(request);
		if (principal.scope !== 'Super User' && principal.scope !== 'Reseller') {
			return error(403, 'Domain not found or access denied'); // [I] a key scoped to one domain may not list domains
		}
		const visible = [...this.domains.values()].filter(
			(domain) => principal.scope === 'Super User' || domain.reseller === principal.reseller,
		);
		return this.page(request, visible, (domain) => ({ ...domain }));
	}

	private getDomain(request: SandboxRequest, params: Record<string, string>): SandboxResponse {
		const domain = this.domainFor(request, params.domain);
		if ('status' in domain) return domain;
		return {
			status: 200,
			body: { ...domain, 'domain-type': 'Standard', 'time-zone': 'US/Pacific' },
		};
	}

	private userView(user: UserRecord) {
		return {
			user: user.user,
			domain: user.domain,
			'name-first-name': user.firstName,
			'name-last-name': user.lastName,
			'name-full-name': `${user.firstName} ${user.lastName}`,
			'login-username': `${user.user}@${user.domain}`,
		};
	}

	private listUsers(request: SandboxRequest, params: Record<string, string>): SandboxResponse {
		const domain = this.domainFor(request, params.domain);
		if ('status' in domain) return domain;
		const refused = this.needsOfficeManager(request, 'list the users of a domain');
		if (refused) return refused;
		const users = [...this.users.values()].filter((user) => user.domain === domain.domain);
		return this.page(request, users, (user) => this.userView(user));
	}

	private getUser(request: SandboxRequest, params: Record<string, string>): SandboxResponse {
		const domain = this.domainFor(request, params.domain);
		if ('status' in domain) return domain;
		const user = this.userFor(request, domain, params.user);
		return 'status' in user ? user : { status: 200, body: this.userView(user) };
	}

	private devicesOf(domain: string, user?: string): DeviceRecord[] {
		return [...this.devices.values()].filter(
			(record) => record.domain === domain && (!user || record.user === user),
		);
	}

	private listDomainDevices(
		request: SandboxRequest,
		params: Record<string, string>,
		context: VendorContext,
	): SandboxResponse {
		const domain = this.domainFor(request, params.domain);
		if ('status' in domain) return domain;
		const refused = this.needsOfficeManager(request, 'list the devices of a whole domain');
		if (refused) return refused;
		return this.page(request, this.devicesOf(domain.domain), (record) =>
			this.deviceView(record, context),
		);
	}

	private owner(
		request: SandboxRequest,
		params: Record<string, string>,
	): { domain: DomainRecord; user: UserRecord } | SandboxResponse {
		const domain = this.domainFor(request, params.domain);
		if ('status' in domain) return domain;
		const user = this.userFor(request, domain, params.user);
		return 'status' in user ? user : { domain, user };
	}

	private listUserDevices(
		request: SandboxRequest,
		params: Record<string, string>,
		context: VendorContext,
	): SandboxResponse {
		const owner = this.owner(request, params);
		if ('status' in owner) return owner;
		return this.page(request, this.devicesOf(owner.domain.domain, owner.user.user), (record) =>
			this.deviceView(record, context),
		);
	}

	/**
	 * "Count Devices for User" → `{"total": n}`, 404 `{"code":404,"message":"User 1000 does not exist
	 * in domain example"}` (https://docs.ns-api.com/v45.0/reference/countdevices): the length of the list
	 * the same request without `/count` pages through.
	 */
	private countDevices(request: SandboxRequest, params: Record<string, string>): SandboxResponse {
		const owner = this.owner(request, params);
		if ('status' in owner) return owner;
		return {
			status: 200,
			body: { total: this.devicesOf(owner.domain.domain, owner.user.user).length },
		};
	}

	/** `GET /domains/{domain}/devices/count`: the domain's count, with the domain list's scope rules. */
	private countDomainDevices(
		request: SandboxRequest,
		params: Record<string, string>,
	): SandboxResponse {
		const domain = this.domainFor(request, params.domain);
		if ('status' in domain) return domain;
		const refused = this.needsOfficeManager(request, 'list the devices of a whole domain');
		if (refused) return refused;
		return { status: 200, body: { total: this.devicesOf(domain.domain).length } };
	}

	private deviceFor(
		request: SandboxRequest,
		params: Record<string, string>,
	): DeviceRecord | SandboxResponse {
		const owner = this.owner(request, params);
		if ('status' in owner) return owner;
		const record = this.devices.get(`${params.device}@${owner.domain.domain}`);
		if (!record || record.user !== owner.user.user) {
			return error(
				404,
				`Device ${params.device} does not exist for user ${owner.user.user} in domain ${owner.domain.domain}`,
			); // [I]
		}
		return record;
	}

	private getDevice(
		request: SandboxRequest,
		params: Record<string, string>,
		context: VendorContext,
	): SandboxResponse {
		const record = this.deviceFor(request, params);
		return 'status' in record ? record : { status: 200, body: this.deviceView(record, context) };
	}

	private createDevice(
		request: SandboxRequest,
		params: Record<string, string>,
		context: VendorContext,
	): SandboxResponse {
		const owner = this.owner(request, params);
		if ('status' in owner) return owner;
		const refused = this.needsOfficeManager(request, 'create devices');
		if (refused) return refused;
		const { synchronous, device, ...settings } = request.body as Record<string, unknown>;
		const name = String(device);
		const id = `${name}@${owner.domain.domain}`;
		if (this.devices.has(id))
			return error(409, `Device ${name} already exists in domain ${owner.domain.domain}`); // [I]
		// "If left unset on device create it will create a new random password with a default length of 16 characters."
		const { 'device-sip-registration-password': password, ...rest } = settings;
		const record: DeviceRecord = {
			domain: owner.domain.domain,
			user: owner.user.user,
			device: name,
			password: typeof password === 'string' && password !== '' ? password : randomText(16),
			settings: { ...DEVICE_DEFAULTS, ...rest },
		};
		this.devices.set(id, record);
		context.devices.created(this.name, id, record.password);
		return synchronous === 'yes'
			? { status: 200, body: this.deviceView(record, context) }
			: accepted();
	}

	private updateDevice(
		request: SandboxRequest,
		params: Record<string, string>,
		context: VendorContext,
	): SandboxResponse {
		const refused = this.needsOfficeManager(request, 'change devices');
		if (refused) return refused;
		const record = this.deviceFor(request, params);
		if ('status' in record) return record;
		const { 'device-sip-registration-password': password, ...settings } = request.body as Record<
			string,
			unknown
		>;
		Object.assign(record.settings, settings);
		if (typeof password === 'string') {
			record.password = password;
			context.devices.passwordChanged(this.name, `${record.device}@${record.domain}`, password);
		}
		return accepted();
	}

	private deleteDevice(
		request: SandboxRequest,
		params: Record<string, string>,
		context: VendorContext,
	): SandboxResponse {
		const refused = this.needsOfficeManager(request, 'delete devices');
		if (refused) return refused;
		const record = this.deviceFor(request, params);
		if ('status' in record) return record;
		this.devices.delete(`${record.device}@${record.domain}`);
		context.devices.removed(this.name, `${record.device}@${record.domain}`);
		return accepted();
	}
}

export function createSimulator(): VendorSimulator {
	return new NetSapiensSimulator();
}
