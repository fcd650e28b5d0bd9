import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameters,
} from 'n8n-workflow';
import { searchDevices } from '../../nodes/NetSapiens/listSearch/searchDevices';
import { searchSipDomains } from '../../nodes/Opentact/listSearch/searchSipDomains';
import { searchSipEndpoints } from '../../nodes/SignalWire/listSearch/searchSipEndpoints';
import { searchSipRegistrations } from '../../nodes/Ultravox/listSearch/searchSipRegistrations';
import { searchEndpoints } from '../../nodes/Vobiz/listSearch/searchEndpoints';
import type { HostileAnswer, HostileRequest } from './hostile';
import { byId } from './locator';

/** A JWT as Opentact and NetSapiens issue them (header.claims.signature), unique per login. */
export function sessionJwt(): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const signature = Buffer.from(`sig-${Math.random()}-${Date.now()}`).toString('base64url');
	return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ uuid: 'u-1', exp: Math.floor(Date.now() / 1000) + 86400 })}.${signature}`;
}

/** How one vendor node is pointed at the hostile server, and what its secrets and lists look like. */
export interface HostileVendor {
	vendor: string;
	node: string;
	credentialType: string;
	credential(baseUrl: string): ICredentialDataDecryptedObject;
	/** What must never appear, whole or in part: the credential's secrets. */
	secrets(data: ICredentialDataDecryptedObject): string[];
	/** The Basic auth value built from them (its first characters encode the user, which is no secret). */
	basic?(data: ICredentialDataDecryptedObject): string;
	/** The login of credentials that have one (Opentact account login, NetSapiens OAuth2). */
	login?(request: HostileRequest, issued: string[]): HostileAnswer | undefined;
	get: INodeParameters;
	list: INodeParameters;
	/** A full, valid page `number` (1-based) of a list of `total`, and whether more pages follow. */
	page(baseUrl: string, number: number, pageSize: number, total: number): unknown;
	/** The answer to the list's count request, for a vendor that has one (NetSapiens `…/devices/count`). */
	count?: { path: RegExp; answer(total: number): unknown };
	pageSize: number;
	picker: (this: ILoadOptionsFunctions) => Promise<INodeListSearchResult>;
	pickerParameters: INodeParameters;
	pickerPath: string;
}

const rows = (from: number, count: number, make: (n: number) => IDataObject) =>
	Array.from({ length: Math.max(0, count) }, (_, index) => make(from + index));

const basic = (user: unknown, secret: unknown) =>
	Buffer.from(`${String(user)}:${String(secret)}`).toString('base64');

export const HOSTILE_VENDORS: HostileVendor[] = [
	{
		vendor: 'Ultravox',
		node: 'ultravox',
		credentialType: 'ultravoxSipApi',
		credential: (baseUrl) => ({ apiKey: 'uvk.Live9f8e7d6c5b4a39281706Zq', baseUrl }),
		secrets: (data) => [String(data.apiKey)],
		get: { resource: 'sipRegistration', operation: 'get', registrationId: byId('reg-1') },
		list: { resource: 'sipRegistration', operation: 'getAll', returnAll: true },
		pageSize: 100,
		page: (baseUrl, number, pageSize, total) => ({
			results: rows(
				(number - 1) * pageSize,
				Math.min(pageSize, total - (number - 1) * pageSize),
				(n) => ({
					registrationId: `reg-${n}`,
					username: `u${n}`,
				}),
			),
			next:
				number * pageSize < total ? `${baseUrl}/api/sip/registrations?cursor=${number + 1}` : null,
		}),
		picker: searchSipRegistrations,
		pickerParameters: { resource: 'sipRegistration', operation: 'get' },
		pickerPath: 'parameters.registrationId',
	},
	{
		vendor: 'SignalWire',
		node: 'signalWire',
		credentialType: 'signalWireSipApi',
		credential: (baseUrl) => ({
			space: 'example',
			projectId: 'a1b2c3d4-hostile-project',
			apiToken: 'PTa9b8c7d6e5f4a3b2c1d0e9f8',
			baseUrl,
		}),
		secrets: (data) => [String(data.apiToken)],
		basic: (data) => basic(data.projectId, data.apiToken),
		get: {
			resource: 'sipEndpoint',
			operation: 'get',
			endpointId: byId('67075301-69b2-4fc3-8a2c-c95a69a5665e'),
		},
		list: { resource: 'sipEndpoint', operation: 'getAll', returnAll: true },
		pageSize: 100,
		page: (baseUrl, number, pageSize, total) => ({
			data: rows(
				(number - 1) * pageSize,
				Math.min(pageSize, total - (number - 1) * pageSize),
				(n) => ({ id: `ep-${n}`, username: `u${n}` }),
			),
			links:
				number * pageSize < total
					? { next: `${baseUrl}/api/relay/rest/endpoints/sip?page=${number + 1}` }
					: {},
		}),
		picker: searchSipEndpoints,
		pickerParameters: { resource: 'sipEndpoint', operation: 'get' },
		pickerPath: 'parameters.endpointId',
	},
	{
		vendor: 'Vobiz',
		node: 'vobiz',
		credentialType: 'vobizSipApi',
		credential: (baseUrl) => ({
			authId: 'MA_HOSTILE01',
			authToken: 'VobizTok_5f4e3d2c1b0a99887766',
			baseUrl,
		}),
		secrets: (data) => [String(data.authToken)],
		get: { resource: 'endpoint', operation: 'get', endpointId: byId('ep-1') },
		list: { resource: 'endpoint', operation: 'getAll', returnAll: true },
		pageSize: 100,
		page: (_baseUrl, number, pageSize, total) => ({
			objects: rows(
				(number - 1) * pageSize,
				Math.min(pageSize, total - (number - 1) * pageSize),
				(n) => ({ endpoint_id: `ep-${n}`, username: `u${n}` }),
			),
			meta: { total_count: total, limit: pageSize, offset: (number - 1) * pageSize },
		}),
		picker: searchEndpoints,
		pickerParameters: { resource: 'endpoint', operation: 'get' },
		pickerPath: 'parameters.endpointId',
	},
	{
		vendor: 'NetSapiens',
		node: 'netSapiens',
		credentialType: 'netSapiensSipApi',
		credential: (baseUrl) => ({
			server: baseUrl,
			authType: 'oAuth2Password',
			clientId: 'hostile-client',
			clientSecret: 'ClientSecret-Abc123456789xyz',
			username: '1000@example.com',
			password: 'UserPassw0rd!Zz-77',
		}),
		secrets: (data) => [String(data.clientSecret), String(data.password)],
		login: (request, issued) => {
			if (request.path !== '/ns-api/v2/tokens') return undefined;
			const token = sessionJwt();
			issued.push(token);
			return { status: 200, body: { access_token: token, expires_in: 3600, token_type: 'Bearer' } };
		},
		get: {
			resource: 'device',
			operation: 'get',
			domain: byId('~'),
			user: byId('~'),
			device: byId('1000a'),
		},
		list: {
			resource: 'device',
			operation: 'getAll',
			listScope: 'user',
			domain: byId('~'),
			user: byId('~'),
			returnAll: true,
		},
		pageSize: 1000,
		page: (_baseUrl, number, pageSize, total) =>
			rows((number - 1) * pageSize, Math.min(pageSize, total - (number - 1) * pageSize), (n) => ({
				device: `d${n}`,
			})),
		count: { path: /\/devices\/count$/, answer: (total) => ({ total }) },
		picker: searchDevices,
		pickerParameters: { resource: 'device', operation: 'get', domain: byId('~'), user: byId('~') },
		pickerPath: 'parameters.device',
	},
	{
		vendor: 'Opentact',
		node: 'opentact',
		credentialType: 'opentactSipApi',
		credential: (baseUrl) => ({
			authentication: 'accountLogin',
			email: 'ops@example.com',
			password: 'OpentactPassw0rd!-991',
			baseUrl: `${baseUrl}/rest`,
		}),
		secrets: (data) => [String(data.password)],
		basic: (data) => basic(data.email, data.password),
		login: (request, issued) => {
			if (request.path !== '/rest/auth') return undefined;
			const token = sessionJwt();
			issued.push(token);
			return {
				status: 200,
				body: { success: true, payload: { uuid: 'u-1', email: 'ops@example.com', token } },
			};
		},
		get: {
			resource: 'sipUser',
			operation: 'get',
			domain: byId('abc.sip.opentact.org'),
			userId: byId('5f0c7d2e-8a1b-4c3d-9e4f-0a1b2c3d4e5f'),
		},
		list: {
			resource: 'sipUser',
			operation: 'getAll',
			domain: byId('abc.sip.opentact.org'),
			returnAll: true,
		},
		pageSize: Number.MAX_SAFE_INTEGER,
		page: (_baseUrl, _number, _pageSize, total) => ({
			success: true,
			payload: rows(0, total, (n) => ({ uuid: `uuid-${n}`, login: `u${n}` })),
		}),
		picker: searchSipDomains,
		pickerParameters: { resource: 'sipUser', operation: 'get' },
		pickerPath: 'parameters.domain',
	},
];

/** One vendor's entry of HOSTILE_VENDORS, by the name users know it by ("Vobiz"). */
export function hostileVendor(name: string): HostileVendor {
	const config = HOSTILE_VENDORS.find((candidate) => candidate.vendor === name);
	if (!config) throw new Error(`No hostile vendor named ${name}`);
	return config;
}

/** The Opentact API-token and NetSapiens API-key credentials: their secret rides on every request. */
export const KEY_CREDENTIALS: {
	vendor: string;
	data(baseUrl: string): ICredentialDataDecryptedObject;
	secrets(data: ICredentialDataDecryptedObject): string[];
}[] = [
	{
		vendor: 'Opentact',
		data: (baseUrl) => ({
			authentication: 'apiToken',
			apiToken: 'OpentactApiTok-7a6b5c4d3e2f1a0b',
			baseUrl: `${baseUrl}/rest`,
		}),
		secrets: (data) => [String(data.apiToken)],
	},
	{
		vendor: 'NetSapiens',
		data: (baseUrl) => ({
			server: baseUrl,
			authType: 'apiKey',
			apiKey: `nsu_${'Hx7'.repeat(16)}${'C0DE1234'}`,
		}),
		secrets: (data) => [String(data.apiKey)],
	},
];

/**
 * Every text n8n keeps of an error: message, description, context, the response it was built from,
 * the messages list and the stack (the node, the user's own workflow, left out).
 */
export function serializedError(error: unknown): string {
	if (!error || typeof error !== 'object') return String(error);
	const record = error as Record<string, unknown>;
	const view = Object.fromEntries(
		[
			...new Set([
				...Object.getOwnPropertyNames(error),
				'message',
				'stack',
				'description',
				'cause',
				'context',
			]),
		]
			.filter((key) => key !== 'node')
			.map((key) => [key, record[key]]),
	);
	return JSON.stringify(view, (_key, value: unknown) =>
		value instanceof Error
			? {
					...value,
					message: value.message,
					stack: value.stack,
					cause: (value as { cause?: unknown }).cause,
				}
			: value,
	);
}

/** The forms a leaked secret would take in a serialized error: whole, URL-encoded, cut to its first or last 10 characters. */
export function leakForms(secret: string): string[] {
	return [
		secret,
		encodeURIComponent(secret),
		secret.slice(0, 10),
		secret.slice(-10),
		JSON.stringify(secret).slice(1, -1),
	];
}
