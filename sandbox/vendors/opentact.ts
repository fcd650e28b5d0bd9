import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Router } from '../core/router';
import type {
	SandboxRequest,
	SandboxResponse,
	VendorContext,
	VendorSimulator,
} from '../core/types';

/**
 * Opentact's REST API as far as SIP users need it (https://doc.opentact.org/opentact-api-documentation/,
 * and the types of Opentact's Swagger, https://api.opentact.org/swagger/): Basic email:password login at GET /rest/auth issuing 24 h JWTs, JWTs sent
 * as X-Auth-Token (or ?jwt=), long-lived API tokens sent as ?bearer=, the {success, payload} envelope,
 * {success:false, message, status} errors, SIP domains and the CRUD of their SIP users (no paging:
 * lists come whole), with `state` fed by the registration simulation.
 *
 * Opentact's Swagger is not published as a file to check against, so the body rules below are the
 * documented ISIPUserNewParams / ISIPUserUpdateParams fields (plus is_active and tn_lease from the
 * Modify SIP User page). Where a behaviour is inferred it is marked [I].
 */

interface AccountUser {
	uuid: string;
	email: string;
	password: string;
	first_name: string;
	last_name: string;
}

interface SipDomain {
	domain: string;
	created_on: string;
	modified_on: string;
}

interface SipUser {
	uuid: string;
	domain: string;
	login: string;
	password: string;
	first_name: string | null;
	last_name: string | null;
	email: string | null;
	phone_number: string | null;
	avatar: string | null;
	dob: string | null;
	gender: string | null;
	same_domain_calls_only: boolean;
	is_active: boolean;
	tn_lease: string | null;
	created_on: string;
	modified_on: string;
}

interface ApiToken {
	uuid: string;
	token: string;
	name: string;
	userUuid: string;
	expiresAt: number;
	created_on: string;
}

type FieldType = 'string' | 'boolean' | 'gender' | 'uuidOrNull';

/** ISIPUserNewParams [V spec]. */
const CREATE_FIELDS: Record<string, FieldType> = {
	login: 'string',
	password: 'string',
	first_name: 'string',
	last_name: 'string',
	email: 'string',
	phone_number: 'string',
	avatar: 'string',
	same_domain_calls_only: 'boolean',
	dob: 'string',
	gender: 'gender',
};

/** ISIPUserUpdateParams [V spec] plus is_active and tn_lease from the Modify SIP User page [V docs]. */
const UPDATE_FIELDS: Record<string, FieldType> = {
	...CREATE_FIELDS,
	is_active: 'boolean',
	// [I] null detaches the lease; the docs only say the field "adds" one.
	tn_lease: 'uuidOrNull',
};

const GENDERS = ['Male', 'Female', 'Other'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEEDED_USERS_IN_MAIN_DOMAIN = 120;
const API_TOKEN_DEFAULT_TTL_SECONDS = 365 * 86_400;

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const base64url = (value: object | Buffer) =>
	(Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function failure(
	status: number,
	message: string,
	extra: Record<string, unknown> = {},
): SandboxResponse {
	return { status, body: { success: false, message, status, ...extra } };
}

const ok = (payload: unknown, status = 200): SandboxResponse => ({
	status,
	body: { success: true, payload },
});

export class OpentactSimulator implements VendorSimulator {
	readonly name = 'opentact';
	private readonly router = new Router();
	private readonly signingKey = randomBytes(32);
	private readonly accountUuid = randomUUID();
	private readonly users: AccountUser[] = [
		'ops',
		'noc',
		'billing',
		'audit',
		'support',
		'sales',
		'field',
		'dev',
		'qa',
		'desk',
		'lab',
		'hr',
	].map((name) => ({
		uuid: randomUUID(),
		email: `${name}@example.com`,
		password: randomBytes(12).toString('base64url'),
		first_name: name.toUpperCase(),
		last_name: 'Sandbox',
	}));
	private readonly seededApiToken: ApiToken = {
		uuid: randomUUID(),
		token: randomBytes(24).toString('hex'),
		name: 'n8n',
		userUuid: this.users[0].uuid,
		expiresAt: Date.now() + API_TOKEN_DEFAULT_TTL_SECONDS * 1000,
		created_on: '2026-01-01T00:00:00.000Z',
	};
	private readonly jwts = new Map<string, { userUuid: string; expiresAt: number }>();
	private apiTokens = new Map<string, ApiToken>([[this.seededApiToken.token, this.seededApiToken]]);
	private domains = new Map<string, SipDomain>();
	private sipUsers = new Map<string, SipUser>();
	private tnLeases: string[] = [];

	constructor() {
		this.router
			.on('GET', '/rest/auth', (request, _params, context) => this.auth(request, context))
			.on('GET', '/rest/account', (request) => this.withUser(request, () => ok(this.account())))
			.on('POST', '/rest/token', (request) =>
				this.withUser(request, (user) => this.createToken(user, request)),
			)
			.on('GET', '/rest/token/list', (request) =>
				this.withUser(request, (user) =>
					ok(
						[...this.apiTokens.values()]
							.filter((token) => token.userUuid === user.uuid)
							.map((token) => this.tokenView(token, user)),
					),
				),
			)
			.on('DELETE', '/rest/token/{token}', (request, { token }) =>
				this.withUser(request, (user) => {
					const found = this.apiTokens.get(token);
					if (!found || found.userUuid !== user.uuid) return failure(404, 'Token not found');
					this.apiTokens.delete(token);
					return ok(this.tokenView(found, user));
				}),
			)
			.on('GET', '/rest/sip/domain', (request) =>
				this.withUser(request, () =>
					ok([...this.domains.values()].map((domain) => this.domainView(domain))),
				),
			)
			.on('GET', '/rest/sip/domain/{domain}/user', (request, { domain }, context) =>
				this.withDomain(request, domain, () =>
					ok(
						[...this.sipUsers.values()]
							.filter((user) => user.domain === domain)
							.map((user) => this.userView(user, context)),
					),
				),
			)
			.on('POST', '/rest/sip/domain/{domain}/user', (request, { domain }, context) =>
				this.withDomain(request, domain, () => this.createUser(domain, request, context)),
			)
			.on('GET', '/rest/sip/domain/{domain}/user/{uuid}', (request, { domain, uuid }, context) =>
				this.withSipUser(request, domain, uuid, (user) => ok(this.userView(user, context))),
			)
			.on('PATCH', '/rest/sip/domain/{domain}/user/{uuid}', (request, { domain, uuid }, context) =>
				this.withSipUser(request, domain, uuid, (user) => this.updateUser(user, request, context)),
			)
			.on('DELETE', '/rest/sip/domain/{domain}/user/{uuid}', (request, { domain, uuid }, context) =>
				this.withSipUser(request, domain, uuid, (user) => {
					const view = this.userView(user, context);
					this.sipUsers.delete(user.uuid);
					context.devices.removed(this.name, user.uuid);
					// The docs' example answers the deleted user in the envelope [V docs].
					return ok(view);
				}),
			);
	}

	reset(context: VendorContext): void {
		const created = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
		// Account users, the seeded API token and issued session tokens (signed JWTs, valid until they
		// expire) outlive a reset, as keys do; tokens created with POST /rest/token do not.
		this.apiTokens = new Map(
			[...this.apiTokens].filter(([token]) => token === this.seededApiToken.token),
		);
		this.domains = new Map();
		for (const [index, domain] of [
			'acme.sip.opentact.org',
			'branch.sip.opentact.org',
			'empty.sip.opentact.org',
		].entries()) {
			this.domains.set(domain, { domain, created_on: created(index), modified_on: created(index) });
		}
		this.tnLeases = [randomUUID(), randomUUID(), randomUUID()];
		this.sipUsers = new Map();
		const seed = (domain: string, count: number, offset: number) => {
			for (let n = 0; n < count; n++) {
				const user: SipUser = {
					uuid: randomUUID(),
					domain,
					login: `ext${1000 + n}`,
					password: randomBytes(12).toString('base64url'),
					first_name: `User${n}`,
					last_name: domain.split('.')[0],
					email: `ext${1000 + n}@${domain}`,
					phone_number: `+1202555${String(1000 + n).padStart(4, '0')}`,
					avatar: null,
					dob: null,
					gender: GENDERS[n % 3],
					same_domain_calls_only: false,
					is_active: true,
					tn_lease: null,
					created_on: created(offset + n),
					modified_on: created(offset + n),
				};
				this.sipUsers.set(user.uuid, user);
				context.devices.created(this.name, user.uuid, user.password);
			}
		};
		seed('acme.sip.opentact.org', SEEDED_USERS_IN_MAIN_DOMAIN, 100);
		seed('branch.sip.opentact.org', 3, 1000);
	}

	sampleCredentials(baseUrl: string): Record<string, unknown> {
		const [user] = this.users;
		return {
			authentication: 'accountLogin',
			email: user.email,
			password: user.password,
			baseUrl: `${baseUrl}/rest`,
		};
	}

	seeded(): Record<string, unknown> {
		const inDomain = (domain: string) =>
			[...this.sipUsers.values()].filter((user) => user.domain === domain);
		return {
			sipDomains: [...this.domains.keys()],
			sipUserIds: inDomain('acme.sip.opentact.org')
				.slice(0, 5)
				.map((user) => user.uuid),
			sipUserCount: inDomain('acme.sip.opentact.org').length,
			branchSipUserIds: inDomain('branch.sip.opentact.org').map((user) => user.uuid),
			tnLeaseIds: [...this.tnLeases],
			apiToken: this.seededApiToken.token,
			// Further users of the same account, each able to log in on its own.
			otherLogins: this.users.slice(1).map(({ email, password }) => ({ email, password })),
		};
	}

	secrets(): string[] {
		return [
			...this.users.map((user) => user.password),
			...this.apiTokens.keys(),
			...this.jwts.keys(),
			...[...this.sipUsers.values()].flatMap((user) => [user.password, ...this.digests(user)]),
		];
	}

	async handle(request: SandboxRequest, context: VendorContext): Promise<SandboxResponse> {
		const route = this.router.match(request);
		// [I] Opentact's 404 for an unknown route or method uses its own error envelope.
		if (route === undefined || route === 'methodNotAllowed') {
			return failure(404, `Cannot ${request.method} ${request.path}`);
		}
		return await route.handler(request, route.params, context);
	}

	// ---- authentication ---------------------------------------------------------------------------

	private basicCredentials(
		request: SandboxRequest,
	): { email: string; password: string } | undefined {
		const header = request.headers.authorization;
		const match = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header) : null;
		if (!match) return undefined;
		const decoded = Buffer.from(match[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		return colon < 0
			? undefined
			: { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
	}

	private issueJwt(user: AccountUser, context: VendorContext): string {
		const lifetime = context.config.tokenLifetimeSeconds;
		const iat = Math.floor(Date.now() / 1000);
		// The docs' example JWTs carry {uuid, role, iat, exp} with exp − iat = 86400 [I: the lifetime].
		const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ uuid: user.uuid, role: 'User', iat, exp: iat + lifetime })}`;
		const token = `${unsigned}.${base64url(createHmac('sha256', this.signingKey).update(unsigned).digest())}`;
		this.jwts.set(token, { userUuid: user.uuid, expiresAt: Date.now() + lifetime * 1000 });
		return token;
	}

	/**
	 * Who a request acts as. JWT (X-Auth-Token header or ?jwt=) and API token (?bearer=) are the
	 * documented forms [V]; `Authorization: Bearer` is not documented for /rest and is refused here,
	 * so a node sending it would fail its tests. The 401 wording for a missing, unknown or expired
	 * token is not documented [I].
	 */
	private identify(request: SandboxRequest): AccountUser | SandboxResponse {
		const header = request.headers['x-auth-token'];
		const jwt =
			(typeof header === 'string' ? header : undefined) ?? request.query.get('jwt') ?? undefined;
		const bearer = request.query.get('bearer') ?? undefined;
		let userUuid: string | undefined;
		if (jwt !== undefined) {
			const session = this.jwts.get(jwt);
			if (!session) return failure(401, 'Invalid token');
			if (Date.now() >= session.expiresAt) return failure(401, 'Token expired');
			userUuid = session.userUuid;
		} else if (bearer !== undefined) {
			const token = this.apiTokens.get(bearer);
			if (!token) return failure(401, 'Invalid token');
			if (Date.now() >= token.expiresAt) return failure(401, 'Token expired');
			userUuid = token.userUuid;
		} else {
			return failure(401, 'Unauthorized');
		}
		return this.users.find((user) => user.uuid === userUuid) ?? failure(401, 'Invalid token');
	}

	private withUser(
		request: SandboxRequest,
		handler: (user: AccountUser) => SandboxResponse,
	): SandboxResponse {
		const user = this.identify(request);
		return 'status' in user ? user : handler(user);
	}

	private withDomain(
		request: SandboxRequest,
		domain: string,
		handler: (domain: SipDomain) => SandboxResponse,
	): SandboxResponse {
		return this.withUser(request, () => {
			const found = this.domains.get(domain);
			return found ? handler(found) : failure(404, 'SIP Domain not found');
		});
	}

	private withSipUser(
		request: SandboxRequest,
		domain: string,
		uuid: string,
		handler: (user: SipUser) => SandboxResponse,
	): SandboxResponse {
		return this.withDomain(request, domain, () => {
			const user = this.sipUsers.get(uuid);
			return user && user.domain === domain ? handler(user) : failure(404, 'SIP User not found');
		});
	}

	/** GET /rest/auth: Basic email:password logs in [V]; with a valid token it answers who you are [V]. */
	private auth(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const basic = this.basicCredentials(request);
		if (basic) {
			const user = this.users.find(
				(candidate) => candidate.email === basic.email && candidate.password === basic.password,
			);
			if (!user) return failure(401, 'Wrong credentials');
			return ok({ ...this.userProfile(user), token: this.issueJwt(user, context) });
		}
		// [I] Without Basic credentials this is the "who am I" read; no new token is issued.
		return this.withUser(request, (user) => ok(this.userProfile(user)));
	}

	private createToken(user: AccountUser, request: SandboxRequest): SandboxResponse {
		const body = (request.body ?? {}) as { name?: unknown; ttl?: unknown };
		if (typeof body.name !== 'string' || !body.name) {
			return failure(400, 'Validation failed', {
				fields: { 'body.name': { message: 'is required', value: body.name } },
			});
		}
		// GitBook: ttl "Time to live (in seconds)", min 60 [V].
		if (!Number.isInteger(body.ttl) || (body.ttl as number) < 60) {
			return failure(400, 'Validation failed', {
				fields: { 'body.ttl': { message: 'must be an integer of at least 60', value: body.ttl } },
			});
		}
		const token: ApiToken = {
			uuid: randomUUID(),
			token: randomBytes(24).toString('hex'),
			name: body.name,
			userUuid: user.uuid,
			expiresAt: Date.now() + (body.ttl as number) * 1000,
			created_on: new Date().toISOString(),
		};
		this.apiTokens.set(token.token, token);
		return ok({ ...this.tokenView(token, user), token: token.token }, 201);
	}

	// ---- SIP users --------------------------------------------------------------------------------

	/**
	 * Checks a body against the documented fields. The error shape is the docs' example
	 * (`fields: {"params.to": {message, value}}`); the 400 status and the wording are [I]. Unknown
	 * fields are refused [I] so that a field the vendor would silently drop fails the node's tests.
	 */
	private invalidBody(
		body: unknown,
		allowed: Record<string, FieldType>,
		required: string[],
	): SandboxResponse | undefined {
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			return failure(400, 'Request body must be a JSON object');
		}
		const fields: Record<string, { message: string; value: unknown }> = {};
		for (const name of required) {
			if ((body as Record<string, unknown>)[name] === undefined)
				fields[`body.${name}`] = { message: 'is required', value: undefined };
		}
		for (const [name, value] of Object.entries(body)) {
			const type = allowed[name];
			const problem =
				type === undefined
					? 'is not allowed'
					: type === 'string'
						? typeof value === 'string'
							? undefined
							: 'must be a string'
						: type === 'boolean'
							? typeof value === 'boolean'
								? undefined
								: 'must be a boolean'
							: type === 'gender'
								? GENDERS.includes(value as string)
									? undefined
									: `must be one of ${GENDERS.join(', ')}`
								: value === null || (typeof value === 'string' && UUID.test(value))
									? undefined
									: 'must be a UUID';
			if (problem) fields[`body.${name}`] = { message: problem, value };
		}
		if (Object.keys(fields).length) return failure(400, 'Validation failed', { fields });
		for (const name of ['login', 'password']) {
			if (name in body && (body as Record<string, unknown>)[name] === '') {
				return failure(400, 'Validation failed', {
					fields: { [`body.${name}`]: { message: 'must not be empty', value: '' } },
				});
			}
		}
		return undefined;
	}

	private createUser(
		domain: string,
		request: SandboxRequest,
		context: VendorContext,
	): SandboxResponse {
		const invalid = this.invalidBody(request.body, CREATE_FIELDS, ['login', 'password']);
		if (invalid) return invalid;
		const body = request.body as Record<string, unknown>;
		const login = String(body.login);
		if (
			[...this.sipUsers.values()].some((user) => user.domain === domain && user.login === login)
		) {
			// [I] status and wording: Opentact documents only "default → IErrorResponse".
			return failure(400, `SIP User with login "${login}" already exists in ${domain}`);
		}
		const now = new Date().toISOString();
		const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : null);
		const user: SipUser = {
			uuid: randomUUID(),
			domain,
			login,
			password: String(body.password),
			first_name: text('first_name'),
			last_name: text('last_name'),
			email: text('email'),
			phone_number: text('phone_number'),
			avatar: text('avatar'),
			dob: text('dob'),
			gender: text('gender'),
			same_domain_calls_only: body.same_domain_calls_only === true,
			is_active: true,
			tn_lease: null,
			created_on: now,
			modified_on: now,
		};
		this.sipUsers.set(user.uuid, user);
		context.devices.created(this.name, user.uuid, user.password);
		return ok(this.userView(user, context), 201);
	}

	private updateUser(
		user: SipUser,
		request: SandboxRequest,
		context: VendorContext,
	): SandboxResponse {
		const invalid = this.invalidBody(request.body, UPDATE_FIELDS, []);
		if (invalid) return invalid;
		const changes = request.body as Partial<SipUser>;
		if (typeof changes.tn_lease === 'string' && !this.tnLeases.includes(changes.tn_lease)) {
			return failure(404, 'TN Lease not found');
		}
		if (typeof changes.login === 'string' && changes.login !== user.login) {
			const taken = [...this.sipUsers.values()].some(
				(other) => other.domain === user.domain && other.login === changes.login,
			);
			if (taken)
				return failure(
					400,
					`SIP User with login "${changes.login}" already exists in ${user.domain}`,
				);
		}
		Object.assign(user, changes, { modified_on: new Date().toISOString() });
		if (changes.password !== undefined)
			context.devices.passwordChanged(this.name, user.uuid, changes.password);
		return ok(this.userView(user, context));
	}

	// ---- views ------------------------------------------------------------------------------------

	private digests(user: SipUser): [string, string] {
		// Standard SIP digest HA1 with the domain as realm; ha1b is the user@domain variant [V field names].
		return [
			md5(`${user.login}:${user.domain}:${user.password}`),
			md5(`${user.login}@${user.domain}:${user.domain}:${user.password}`),
		];
	}

	private domainView(domain: SipDomain) {
		return {
			domain: domain.domain,
			created_on: domain.created_on,
			modified_on: domain.modified_on,
		};
	}

	/**
	 * ISIPUser as Opentact answers it: never the password, but the ha1/ha1b digests (which the node
	 * must strip). `state` ("online" in the docs' example) comes from the registration simulation [I].
	 */
	private userView(user: SipUser, context: VendorContext) {
		const [ha1, ha1b] = this.digests(user);
		const registered = user.is_active && context.devices.state(this.name, user.uuid).registered;
		return {
			uuid: user.uuid,
			login: user.login,
			ha1,
			ha1b,
			email: user.email,
			state: registered ? 'online' : 'offline',
			is_active: user.is_active,
			created_on: user.created_on,
			modified_on: user.modified_on,
			phone_number: user.phone_number,
			dob: user.dob,
			avatar: user.avatar,
			first_name: user.first_name,
			last_name: user.last_name,
			gender: user.gender,
			sip_domain: this.domainView(this.domains.get(user.domain)!),
			same_domain_calls_only: user.same_domain_calls_only,
			groups: [],
		};
	}

	private userProfile(user: AccountUser) {
		return {
			uuid: user.uuid,
			email: user.email,
			wss_online: false,
			role: 'User',
			created_on: '2026-01-01T00:00:00.000Z',
			modified_on: '2026-01-01T00:00:00.000Z',
			deleted_on: null,
			first_name: user.first_name,
			last_name: user.last_name,
			account: {
				uuid: this.accountUuid,
				email: this.users[0].email,
				name: 'Sandbox Ops',
				level: 'Level0',
				balance: 99.87,
			},
		};
	}

	private account() {
		return {
			uuid: this.accountUuid,
			name: 'Sandbox Ops',
			email: this.users[0].email,
			level: 'Level0',
			balance: 99.87,
			admin: { uuid: this.users[0].uuid, email: this.users[0].email },
		};
	}

	private tokenView(token: ApiToken, user: AccountUser) {
		return {
			uuid: token.uuid,
			name: token.name,
			expired_on: new Date(token.expiresAt).toISOString(),
			created_on: token.created_on,
			modified_on: token.created_on,
			user: { uuid: user.uuid, email: user.email },
		};
	}
}

// Opentact documents no rate limit, so none is exported (and none is enforced by default).

export function createSimulator(): VendorSimulator {
	return new OpentactSimulator();
}
