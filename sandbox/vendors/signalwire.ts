import { randomBytes, randomUUID } from 'node:crypto';
import { Contract } from '../core/contract';
import { signalWireContract } from '../contracts/signalwire';
import type { ContractViolation } from '../core/contract';
import { Router } from '../core/router';
import type { SandboxRequest, SandboxResponse, VendorContext, VendorSimulator } from '../core/types';

/**
 * SignalWire's SIP resources (https://developer.signalwire.com/rest/signalwire-rest/, sandbox/contracts/signalwire.ts):
 * one Space with one project, Basic auth project_id:api_token with scoped tokens, the SIP profile
 * singleton, relay SIP endpoints (legacy, full CRUD with password) and Fabric SIP addresses (write-only
 * password), `links.next` paging with PA/PB page tokens, and the two 422 shapes (relay vs Fabric).
 *
 * The Space is read from the Host header, as SignalWire does: with the credential's Base URL override
 * pointing here the node sends `Host: {space}.signalwire.com` and keeps the vendor's paths unchanged.
 */

const SPACE = 'example';
// Several pages of the node's page size (100), so Return All has to follow links.next.
const SEEDED_ENDPOINTS = 250;
const SEEDED_ADDRESSES = 120;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

const PROFILE_CODECS = ['OPUS', 'G722', 'PCMU', 'PCMA', 'VP8', 'H264'];
const CIPHERS = [
	'AEAD_AES_256_GCM_8',
	'AES_256_CM_HMAC_SHA1_80',
	'AES_CM_128_HMAC_SHA1_80',
	'AES_256_CM_HMAC_SHA1_32',
	'AES_CM_128_HMAC_SHA1_32',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{1,14}$/;

/** Scopes each API family needs (SignalWire's OpenAPI operation descriptions). */
const RELAY_SCOPES = ['voice'];
const FABRIC_SIP_ADDRESS_SCOPES = ['calling', 'fax', 'messaging', 'video'];

/** The target field each relay call handler needs ("Required when call_handler is …"). */
const HANDLER_TARGET: Record<string, string | undefined> = {
	relay_context: 'call_relay_context',
	relay_topic: 'call_relay_topic',
	relay_application: 'call_relay_application',
	relay_connector: undefined,
	relay_script: 'call_relay_script_url',
	laml_webhooks: 'call_request_url',
	laml_application: 'call_laml_application_id',
	dialogflow: 'call_dialogflow_agent_id',
	video_room: 'call_video_room_id',
	call_flow: 'call_flow_id',
	ai_agent: 'call_ai_agent_id',
};

interface ApiToken {
	token: string;
	scopes: string[];
}

interface SipProfile {
	domain_identifier: string;
	default_codecs: string[];
	default_ciphers: string[];
	default_encryption: 'required' | 'optional';
	default_send_as: string;
}

/** Everything SipEndpoint returns, plus what the API keeps but never shows. */
interface Endpoint {
	type: 'sip_endpoint';
	id: string;
	username: string;
	caller_id: string | null;
	send_as: string;
	ciphers: string[];
	codecs: string[];
	encryption: string;
	call_handler: string | null;
	calling_handler_resource_id: string | null;
	call_request_url: string | null;
	call_request_method: string | null;
	call_fallback_url: string | null;
	call_fallback_method: string | null;
	call_status_callback_url: string | null;
	call_status_callback_method: string | null;
	call_laml_application_id: string | null;
	call_dialogflow_agent_id: string | null;
	call_relay_topic: string | null;
	call_relay_topic_status_callback_url: string | null;
	call_relay_context: string | null;
	call_relay_context_status_callback_url: string | null;
	call_relay_application: string | null;
	call_video_room_id: string | null;
	call_relay_script_url: string | null;
	hidden: { password: string; call_flow_id?: string; call_flow_version?: string; call_ai_agent_id?: string };
}

interface Address {
	id: string;
	type: 'sip_address';
	resource_id: string;
	name: string;
	display_name: string;
	context: string;
	uri: string;
	user: string;
	encryption: string;
	codecs: string[];
	ciphers: string[];
	ip_auth_enabled: boolean;
	ip_auth: string[];
	calling_handler_resource_id: string;
	created_at: string;
	updated_at: string;
	password?: string;
}

type Family = 'relay' | 'fabric';

interface FabricError {
	code: string;
	message: string;
	attribute: string | null;
}

const simple = (status: number, error: string): SandboxResponse => ({ status, body: { error } });
const notFound = () => simple(404, 'Not Found');
const unauthorized = () => simple(401, 'Unauthorized');

/** Rails' humanize, which the relay API's messages ("Label can't be blank") are built with. */
function humanize(field: string): string {
	const words = field.replace(/_id$/, '').replace(/_/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The relay REST 422: `{"errors":[{"detail","status","title","code"}]}`. */
function relayInvalid(details: string[]): SandboxResponse {
	return {
		status: 422,
		body: { errors: details.map((detail) => ({ detail, status: '422', title: 'Invalid Attribute', code: '422' })) },
	};
}

/** The Fabric 422: `{"errors":[{"type","code","message","attribute","url"}]}`. */
function fabricInvalid(errors: FabricError[]): SandboxResponse {
	return {
		status: 422,
		body: {
			errors: errors.map((error) => ({
				type: 'validation_error',
				...error,
				url: `https://signalwire.com/docs/apis/error-codes#${error.code}`,
			})),
		},
	};
}

function invalid(family: Family, attribute: string | null, message: string, code = 'invalid_parameter'): SandboxResponse {
	return family === 'relay' ? relayInvalid([message]) : fabricInvalid([{ code, message, attribute }]);
}

/** A contract violation in the words of the API family that found it. */
function violationError(violation: ContractViolation): { attribute: string | null; relay: string; fabric: FabricError } {
	const path = violation.field || String(violation.params.unevaluatedProperty ?? violation.params.additionalProperty ?? '');
	const attribute = path.split('.')[0] || null;
	const name = attribute ? humanize(attribute) : 'Request body';
	const params = violation.params;
	let relay: string;
	let fabric: FabricError;
	switch (violation.keyword) {
		case 'required':
			relay = attribute ? `${name} can't be blank` : 'Request body is required';
			fabric = { code: 'missing_required_parameter', message: `${name} is required`, attribute };
			break;
		case 'enum':
			relay = `${name} is not included in the list`;
			fabric = {
				code: 'invalid_parameter',
				message: `${name} must be one of: ${(params.allowedValues as string[]).join(', ')}`,
				attribute,
			};
			break;
		case 'additionalProperties':
		case 'unevaluatedProperties':
		case 'false schema':
			relay = `${name} is not a permitted attribute`;
			fabric = { code: 'invalid_parameter', message: `${name} is not a permitted parameter`, attribute };
			break;
		case 'maxLength':
			relay = `${name} is too long (maximum is ${params.limit} characters)`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		case 'minItems':
			relay = `${name} must have at least ${params.limit} entr${params.limit === 1 ? 'y' : 'ies'}`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		case 'maxItems':
			relay = `${name} must have at most ${params.limit} entries`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		case 'format':
			relay = `${name} must be a valid ${String(params.format).toUpperCase()}`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		default:
			relay = `${name} is invalid`;
			fabric = { code: 'invalid_parameter', message: `${name} is invalid (${violation.message})`, attribute };
	}
	return { attribute, relay, fabric };
}

function token(): string {
	// [I] SignalWire API tokens look like "PT" + 48 hex characters (console examples).
	return `PT${randomBytes(24).toString('hex')}`;
}

function integerParameter(value: string | null, fallback: number): number {
	if (value === null || value === '') return fallback;
	return /^\d+$/.test(value) ? Number(value) : NaN;
}

export class SignalWireSimulator implements VendorSimulator {
	readonly name = 'signalwire';
	private readonly contract = new Contract(signalWireContract);
	private readonly router = new Router();
	private readonly projectId = randomUUID();
	private readonly tokens: ApiToken[] = [
		{ token: token(), scopes: ['voice', 'calling', 'messaging', 'fax', 'video'] },
		// A token without Voice: SignalWire answers 401 to it on the relay APIs (SignalWire's authorization guide).
		{ token: token(), scopes: ['calling'] },
	];
	/** Numbers bought or verified in the project, the only ones `default_send_as` may name ([I]). */
	private readonly projectNumbers = ['+15551230000', '+15551230001', '+15551230002'];
	/** Fabric resources that may handle calls to a SIP address (AI agents, SWML scripts, …). */
	private readonly callingResources: string[] = [randomUUID(), randomUUID(), randomUUID()];
	/** Domains (contexts) of the project; `public` is the default one. */
	private readonly domains = new Map<string, string>([
		[randomUUID(), 'public'],
		[randomUUID(), 'branch-office'],
	]);
	private profile!: SipProfile;
	private endpoints = new Map<string, Endpoint>();
	private addresses = new Map<string, Address>();

	constructor() {
		this.router
			.on('GET', '/api/relay/rest/sip_profile', () => ({ status: 200, body: this.profileView() }))
			.on('PUT', '/api/relay/rest/sip_profile', (request) => this.updateProfile(request))
			.on('GET', '/api/relay/rest/endpoints/sip', (request, _params, context) => this.listEndpoints(request, context))
			.on('POST', '/api/relay/rest/endpoints/sip', (request, _params, context) => this.createEndpoint(request, context))
			.on('GET', '/api/relay/rest/endpoints/sip/{id}', (_request, { id }) => this.getEndpoint(id))
			.on('PUT', '/api/relay/rest/endpoints/sip/{id}', (request, { id }, context) => this.updateEndpoint(id, request, context))
			.on('DELETE', '/api/relay/rest/endpoints/sip/{id}', (_request, { id }, context) => this.deleteEndpoint(id, context))
			.on('GET', '/api/fabric/sip_addresses', (request, _params, context) => this.listAddresses(request, context))
			.on('POST', '/api/fabric/sip_addresses', (request, _params, context) => this.createAddress(request, context))
			.on('GET', '/api/fabric/sip_addresses/{id}', (_request, { id }) => this.getAddress(id))
			.on('PATCH', '/api/fabric/sip_addresses/{id}', (request, { id }, context) => this.updateAddress(id, request, context))
			.on('DELETE', '/api/fabric/sip_addresses/{id}', (_request, { id }, context) => this.deleteAddress(id, context));
	}

	reset(context: VendorContext): void {
		this.profile = {
			domain_identifier: 'office',
			default_codecs: ['OPUS', 'PCMU', 'PCMA'],
			default_ciphers: [...CIPHERS],
			default_encryption: 'optional',
			default_send_as: this.projectNumbers[0],
		};
		const entropy = randomBytes(12 * (SEEDED_ENDPOINTS + SEEDED_ADDRESSES));
		const seededPassword = (n: number) => entropy.subarray(12 * n, 12 * (n + 1)).toString('base64url');
		this.endpoints = new Map();
		for (let n = 0; n < SEEDED_ENDPOINTS; n++) {
			const endpoint = this.newEndpoint(`ext${1000 + n}`, seededPassword(n));
			endpoint.caller_id = n % 3 === 0 ? `Front Desk ${n}` : `Agent ${n}`;
			this.endpoints.set(endpoint.id, endpoint);
			context.devices.created(this.name, endpoint.id, endpoint.hidden.password);
		}
		this.addresses = new Map();
		const publicDomain = [...this.domains.keys()][0];
		for (let n = 0; n < SEEDED_ADDRESSES; n++) {
			const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
			const address = this.newAddress(`line-${n}`, this.callingResources[n % 3], publicDomain, at);
			address.user = `agent${n}`;
			address.password = seededPassword(SEEDED_ENDPOINTS + n);
			this.addresses.set(address.id, address);
			context.devices.created(this.name, address.id, address.password);
		}
	}

	sampleCredentials(baseUrl: string): Record<string, unknown> {
		return { space: SPACE, projectId: this.projectId, apiToken: this.tokens[0].token, baseUrl };
	}

	seeded(): Record<string, unknown> {
		return {
			space: SPACE,
			sipEndpointIds: [...this.endpoints.keys()].slice(0, 5),
			sipEndpointCount: this.endpoints.size,
			sipAddressIds: [...this.addresses.keys()].slice(0, 5),
			sipAddressCount: this.addresses.size,
			tokenWithoutVoiceScope: this.tokens[1].token,
			projectNumbers: [...this.projectNumbers],
			callingHandlerResourceIds: [...this.callingResources],
			domainIds: Object.fromEntries([...this.domains].map(([id, name]) => [name, id])),
		};
	}

	secrets(): string[] {
		return [
			...this.tokens.map((entry) => entry.token),
			...this.tokens.map((entry) => Buffer.from(`${this.projectId}:${entry.token}`).toString('base64')),
			...[...this.endpoints.values()].map((endpoint) => endpoint.hidden.password),
			...[...this.addresses.values()].flatMap((address) => (address.password ? [address.password] : [])),
		];
	}

	/**
	 * Only writes count: SignalWire documents 13,800 POST/PUT/PATCH per 10 seconds per Space and
	 * GET/DELETE as effectively unlimited.
	 */
	rateLimitKey(request: SandboxRequest): string | undefined {
		if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return undefined;
		return this.spaceOf(request) === SPACE && this.tokenOf(request) ? SPACE : undefined;
	}

	tooManyRequests(): SandboxResponse {
		// [I] The 429 body follows the simple error shape; SignalWire documents no Retry-After header.
		return simple(429, 'Too Many Requests');
	}

	async handle(request: SandboxRequest, context: VendorContext): Promise<SandboxResponse> {
		const space = this.spaceOf(request);
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
		const apiToken = this.tokenOf(request);
		if (!apiToken) return unauthorized();

		const route = this.router.match(request);
		// [I] Unknown routes and wrong methods both answer the simple 404 shape.
		if (route === undefined || route === 'methodNotAllowed') return notFound();
		const family: Family = request.path.startsWith('/api/relay/') ? 'relay' : 'fabric';
		const needed = family === 'relay' ? RELAY_SCOPES : FABRIC_SIP_ADDRESS_SCOPES;
		// SignalWire's authorization guide: a token without the scope an operation needs gets 401, not 403.
		if (!needed.some((scope) => apiToken.scopes.includes(scope))) return unauthorized();
		// The path ID is declared as a UUID.
		if (route.params.id !== undefined && !UUID.test(route.params.id)) return notFound();

		const operation = this.contract.operation(request.method, request.path);
		if (operation && ['POST', 'PUT', 'PATCH'].includes(request.method)) {
			if (typeof request.body === 'string') return simple(400, 'Bad Request');
			const violations = this.contract.validateRequestBody(operation, this.forContract(request));
			if (violations.length) return this.contractFailure(family, violations);
		}
		const answer = await route.handler(request, route.params, context);
		if (operation) this.contract.assertResponse(operation, answer.status, answer.body);
		return answer;
	}

	private spaceOf(request: SandboxRequest): string | undefined {
		const host = String(request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
		return /^([a-z0-9-]+)\.signalwire\.com$/.exec(host)?.[1];
	}

	private tokenOf(request: SandboxRequest): ApiToken | undefined {
		const header = request.headers.authorization;
		const encoded = typeof header === 'string' ? /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim())?.[1] : undefined;
		if (!encoded) return undefined;
		const decoded = Buffer.from(encoded, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0 || decoded.slice(0, colon) !== this.projectId) return undefined;
		const secret = decoded.slice(colon + 1);
		return this.tokens.find((entry) => entry.token === secret);
	}

	/**
	 * The body as the schema can judge it. `default_send_as` is typed string, yet the same schema's
	 * description says "Specify null or an empty string" for a random number, so null is accepted.
	 */
	private forContract(request: SandboxRequest): unknown {
		const body = request.body;
		if (request.path === '/api/relay/rest/sip_profile' && body && typeof body === 'object' && (body as Record<string, unknown>).default_send_as === null) {
			return { ...(body as Record<string, unknown>), default_send_as: '' };
		}
		return body;
	}

	private contractFailure(family: Family, violations: ContractViolation[]): SandboxResponse {
		const seen = new Set<string>();
		const errors = violations
			.map(violationError)
			.filter((error) => {
				const key = `${error.attribute}|${error.relay}`;
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			});
		return family === 'relay'
			? relayInvalid(errors.map((error) => error.relay))
			: fabricInvalid(errors.map((error) => error.fabric));
	}

	// -------------------------------------------------------------------------------------------
	// Paging: `page_size`, `page_number` and an opaque `page_token` from `links`. Tokens are "PA" +
	// the last ID of a page (the page after it) or "PB" + the first ID (the page before), as the
	// documented examples suggest.

	private page<T extends { id: string }>(
		family: Family,
		all: T[],
		request: SandboxRequest,
		context: VendorContext,
		keep: Record<string, string> = {},
	): { items: T[]; links: Record<string, string> } | SandboxResponse {
		const pageSize = integerParameter(request.query.get('page_size'), DEFAULT_PAGE_SIZE);
		if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
			return invalid(family, 'page_size', `Page size must be between 1 and ${MAX_PAGE_SIZE}`);
		}
		const pageNumber = integerParameter(request.query.get('page_number'), 0);
		if (!(pageNumber >= 0)) return invalid(family, 'page_number', 'Page number must be 0 or greater');
		const pageToken = request.query.get('page_token');
		if (pageNumber > 0 && !pageToken) {
			return invalid(family, 'page_token', 'Page token is required when page number is greater than 0', 'missing_required_parameter');
		}
		let start = 0;
		if (pageToken) {
			const [, direction, id] = /^P([AB])(.+)$/.exec(pageToken) ?? [];
			const at = id === undefined ? -1 : all.findIndex((item) => item.id === id);
			if (at < 0) return invalid(family, null, 'Page token is invalid', 'page_token_is_invalid');
			start = direction === 'A' ? at + 1 : Math.max(0, at - pageSize);
		}
		const items = all.slice(start, start + pageSize);
		const link = (number: number, tokenValue?: string) => {
			const query = new URLSearchParams({ page_number: String(number), page_size: String(pageSize) });
			if (tokenValue) query.set('page_token', tokenValue);
			// [I] Filters travel in the links, so following `links.next` verbatim keeps them.
			for (const [key, value] of Object.entries(keep)) query.set(key, value);
			return `${context.baseUrl}${request.path}?${query}`;
		};
		const links: Record<string, string> = {
			self: link(pageNumber, pageToken ?? undefined),
			first: link(0),
		};
		if (start + pageSize < all.length && items.length) links.next = link(pageNumber + 1, `PA${items[items.length - 1].id}`);
		if (start > 0) links.prev = link(Math.max(0, pageNumber - 1), `PB${all[start].id}`);
		return { items, links };
	}

	// -------------------------------------------------------------------------------------------
	// SIP profile

	private profileView() {
		// [I] The domain joins Space and identifier: the spec's example is your-space-example.sip.signalwire.com.
		return { domain: `${SPACE}-${this.profile.domain_identifier}.sip.signalwire.com`, ...this.profile };
	}

	private updateProfile(request: SandboxRequest): SandboxResponse {
		const changes = request.body as Partial<Record<keyof SipProfile, unknown>>;
		const details: string[] = [];
		if (changes.domain_identifier !== undefined && String(changes.domain_identifier).trim() === '') {
			details.push("Domain identifier can't be blank");
		}
		const unsupportedCodecs = ((changes.default_codecs as string[]) ?? []).filter((codec) => !PROFILE_CODECS.includes(codec));
		if (unsupportedCodecs.length) details.push(`Default codecs contains unsupported values: ${unsupportedCodecs.join(', ')}`);
		const unsupportedCiphers = ((changes.default_ciphers as string[]) ?? []).filter((cipher) => !CIPHERS.includes(cipher));
		if (unsupportedCiphers.length) details.push(`Default ciphers contains unsupported values: ${unsupportedCiphers.join(', ')}`);
		const sendAs = changes.default_send_as;
		if (typeof sendAs === 'string' && sendAs !== '') {
			if (!E164.test(sendAs)) details.push('Default send as must be an E.164 number');
			// [I] SignalWire can only send from numbers the project bought or verified.
			else if (!this.projectNumbers.includes(sendAs)) details.push('Default send as is not a purchased or verified number of this project');
		}
		if (details.length) return relayInvalid(details);
		const { default_send_as: _sendAs, ...rest } = changes;
		Object.assign(this.profile, rest);
		// [I] null and "" both mean "pick a random number"; the response schema types it as a string.
		if ('default_send_as' in changes) this.profile.default_send_as = typeof sendAs === 'string' ? sendAs : '';
		// The spec answers this PUT with 201.
		return { status: 201, body: this.profileView() };
	}

	// -------------------------------------------------------------------------------------------
	// SIP endpoints (relay REST, legacy)

	private newEndpoint(username: string, password: string): Endpoint {
		return {
			type: 'sip_endpoint',
			id: randomUUID(),
			username,
			caller_id: null,
			// [I] An endpoint created without send_as sends from a random project number.
			send_as: 'random',
			// [I] A new endpoint starts from the SIP profile's defaults.
			ciphers: [...this.profile.default_ciphers],
			codecs: [...this.profile.default_codecs],
			encryption: 'default',
			call_handler: null,
			calling_handler_resource_id: null,
			call_request_url: null,
			call_request_method: null,
			call_fallback_url: null,
			call_fallback_method: null,
			call_status_callback_url: null,
			call_status_callback_method: null,
			call_laml_application_id: null,
			call_dialogflow_agent_id: null,
			call_relay_topic: null,
			call_relay_topic_status_callback_url: null,
			call_relay_context: null,
			call_relay_context_status_callback_url: null,
			call_relay_application: null,
			call_video_room_id: null,
			call_relay_script_url: null,
			hidden: { password },
		};
	}

	private endpointView(endpoint: Endpoint) {
		const { hidden: _hidden, ...visible } = endpoint;
		return visible;
	}

	/** Rules beyond the schema that the spec states in words. */
	private endpointProblems(merged: Record<string, unknown>, exceptId?: string): string[] {
		const details: string[] = [];
		const username = merged.username;
		if (typeof username === 'string') {
			if (username === '') details.push("Username can't be blank");
			else if (/[\s@]/.test(username)) details.push('Username must not contain white space characters or @');
			// [I] The exact wording of the uniqueness error is not documented.
			else if ([...this.endpoints.values()].some((other) => other.username === username && other.id !== exceptId)) {
				details.push('Username has already been taken');
			}
		}
		if (merged.password === '') details.push("Password can't be blank");
		const handler = merged.call_handler;
		const target = typeof handler === 'string' ? HANDLER_TARGET[handler] : undefined;
		if (target && (merged[target] === undefined || merged[target] === null || merged[target] === '')) {
			details.push(`${humanize(target)} can't be blank when call handler is ${handler}`);
		}
		return details;
	}

	private applyEndpoint(endpoint: Endpoint, changes: Record<string, unknown>): void {
		const { password, call_flow_id, call_flow_version, call_ai_agent_id, ...visible } = changes;
		Object.assign(endpoint, visible);
		if (typeof password === 'string') endpoint.hidden.password = password;
		if (call_flow_version !== undefined) endpoint.hidden.call_flow_version = String(call_flow_version);
		// [I] SipEndpoint has no call_flow_id / call_ai_agent_id; the handling resource shows up as
		// calling_handler_resource_id instead.
		if (typeof call_flow_id === 'string') {
			endpoint.hidden.call_flow_id = call_flow_id;
			if (endpoint.call_handler === 'call_flow') endpoint.calling_handler_resource_id = call_flow_id;
		}
		if (typeof call_ai_agent_id === 'string') {
			endpoint.hidden.call_ai_agent_id = call_ai_agent_id;
			if (endpoint.call_handler === 'ai_agent') endpoint.calling_handler_resource_id = call_ai_agent_id;
		}
	}

	private listEndpoints(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const keep: Record<string, string> = {};
		let all = [...this.endpoints.values()];
		for (const [parameter, field] of [
			['filter_username', 'username'],
			['filter_caller_id', 'caller_id'],
		] as const) {
			const needle = request.query.get(parameter);
			if (!needle) continue;
			keep[parameter] = needle;
			all = all.filter((endpoint) => String(endpoint[field] ?? '').toLowerCase().includes(needle.toLowerCase()));
		}
		const page = this.page('relay', all, request, context, keep);
		if ('status' in page) return page;
		return { status: 200, body: { links: page.links, data: page.items.map((endpoint) => this.endpointView(endpoint)) } };
	}

	private createEndpoint(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const body = request.body as Record<string, unknown>;
		const details = this.endpointProblems(body);
		if (details.length) return relayInvalid(details);
		const endpoint = this.newEndpoint(String(body.username), String(body.password));
		this.applyEndpoint(endpoint, body);
		this.endpoints.set(endpoint.id, endpoint);
		context.devices.created(this.name, endpoint.id, endpoint.hidden.password);
		// The spec answers this POST with 200, not 201.
		return { status: 200, body: this.endpointView(endpoint) };
	}

	private getEndpoint(id: string): SandboxResponse {
		const endpoint = this.endpoints.get(id);
		return endpoint ? { status: 200, body: this.endpointView(endpoint) } : notFound();
	}

	private updateEndpoint(id: string, request: SandboxRequest, context: VendorContext): SandboxResponse {
		const endpoint = this.endpoints.get(id);
		if (!endpoint) return notFound();
		const changes = (request.body ?? {}) as Record<string, unknown>;
		const merged = { ...endpoint, ...endpoint.hidden, ...changes };
		const details = this.endpointProblems(merged, id);
		if (details.length) return relayInvalid(details);
		this.applyEndpoint(endpoint, changes);
		if (typeof changes.password === 'string') context.devices.passwordChanged(this.name, id, changes.password);
		return { status: 200, body: this.endpointView(endpoint) };
	}

	private deleteEndpoint(id: string, context: VendorContext): SandboxResponse {
		if (!this.endpoints.delete(id)) return notFound();
		context.devices.removed(this.name, id);
		return { status: 204 };
	}

	// -------------------------------------------------------------------------------------------
	// SIP addresses (Fabric)

	private newAddress(name: string, handler: string, contextId: string, at = new Date().toISOString()): Address {
		const address: Address = {
			id: randomUUID(),
			type: 'sip_address',
			// [I] Every Fabric address is itself a resource with its own ID.
			resource_id: randomUUID(),
			name,
			display_name: name,
			context: this.domains.get(contextId) ?? 'public',
			uri: '',
			user: '*',
			encryption: 'optional',
			codecs: ['PCMU', 'PCMA'],
			ciphers: [...CIPHERS],
			ip_auth_enabled: false,
			ip_auth: [],
			calling_handler_resource_id: handler,
			created_at: at,
			updated_at: at,
		};
		address.uri = this.uriOf(address);
		return address;
	}

	/** [I] From the spec's example sip:my-space-support-line@sip.signalwire.com (default Domain). */
	private uriOf(address: Address): string {
		const domain = address.context === 'public' ? 'sip.signalwire.com' : `${address.context}.sip.signalwire.com`;
		return `sip:${SPACE}-${address.name}@${domain}`;
	}

	private addressView(address: Address) {
		const { password: _password, ...visible } = address;
		return visible;
	}

	/** Rules the spec states in words rather than in the schema. */
	private addressProblems(merged: Address, exceptId?: string): FabricError[] {
		const errors: FabricError[] = [];
		if ([...this.addresses.values()].some((other) => other.name === merged.name && other.id !== exceptId)) {
			errors.push({ code: 'invalid_parameter', message: 'Name has already been taken', attribute: 'name' });
		}
		if (!this.callingResources.includes(merged.calling_handler_resource_id)) {
			errors.push({
				code: 'invalid_parameter',
				message: 'Calling handler resource must reference a resource in this project',
				attribute: 'calling_handler_resource_id',
			});
		}
		if (merged.ip_auth_enabled && merged.ip_auth.length === 0) {
			errors.push({
				code: 'invalid_parameter',
				message: 'Ip auth needs at least one entry when ip_auth_enabled is true',
				attribute: 'ip_auth',
			});
		}
		return errors;
	}

	private listAddresses(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const page = this.page('fabric', [...this.addresses.values()], request, context);
		if ('status' in page) return page;
		return {
			status: 200,
			body: { links: page.links, items_count: page.items.length, data: page.items.map((address) => this.addressView(address)) },
		};
	}

	private applyAddress(address: Address, changes: Record<string, unknown>): FabricError[] {
		const { context_id, password: _password, ...rest } = changes;
		if (context_id !== undefined) {
			const domain = this.domains.get(String(context_id));
			if (!domain) {
				return [{ code: 'invalid_parameter', message: 'Context must reference a Domain of this project', attribute: 'context_id' }];
			}
			address.context = domain;
		}
		Object.assign(address, rest);
		address.display_name = address.name;
		address.uri = this.uriOf(address);
		return [];
	}

	private createAddress(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const body = request.body as Record<string, unknown>;
		const publicDomain = [...this.domains.keys()][0];
		const address = this.newAddress(String(body.name), String(body.calling_handler_resource_id), publicDomain);
		const errors = [...this.applyAddress(address, body), ...this.addressProblems(address)];
		if (errors.length) return fabricInvalid(errors);
		if (typeof body.password === 'string') {
			address.password = body.password;
			context.devices.created(this.name, address.id, body.password);
		}
		this.addresses.set(address.id, address);
		return { status: 201, body: this.addressView(address) };
	}

	private getAddress(id: string): SandboxResponse {
		const address = this.addresses.get(id);
		return address ? { status: 200, body: this.addressView(address) } : notFound();
	}

	private updateAddress(id: string, request: SandboxRequest, context: VendorContext): SandboxResponse {
		const address = this.addresses.get(id);
		if (!address) return notFound();
		const changes = (request.body ?? {}) as Record<string, unknown>;
		const candidate: Address = { ...address, codecs: [...address.codecs], ciphers: [...address.ciphers], ip_auth: [...address.ip_auth] };
		const errors = [...this.applyAddress(candidate, changes), ...this.addressProblems(candidate, id)];
		if (errors.length) return fabricInvalid(errors);
		candidate.updated_at = new Date().toISOString();
		this.addresses.set(id, candidate);
		if (typeof changes.password === 'string') {
			candidate.password = changes.password;
			if (context.devices.has(this.name, id)) context.devices.passwordChanged(this.name, id, changes.password);
			else context.devices.created(this.name, id, changes.password);
		}
		return { status: 200, body: this.addressView(candidate) };
	}

	private deleteAddress(id: string, context: VendorContext): SandboxResponse {
		if (!this.addresses.delete(id)) return notFound();
		context.devices.removed(this.name, id);
		return { status: 204 };
	}
}

/** 13,800 writes per 10 seconds, enforced here as 1,380 per second (writes only, see rateLimitKey). */
export const documentedRequestsPerSecond = 1380;

export function createSimulator(): VendorSimulator {
	return new SignalWireSimulator();
}
