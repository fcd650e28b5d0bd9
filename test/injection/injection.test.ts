import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { pathSegment } from '../../nodes/shared/validation';
import type { FaultSpec, RecordedRequest } from '../../sandbox';
import { TestEnvironment } from '../harness/run';
import type { RunResult } from '../harness/run';
import { RELIABILITY_DIR } from '../harness/transcript';
import { byId } from '../harness/locator';

/**
 * Credentials, parameters and vendor answers that try to send a request somewhere else: another
 * host, another path, extra query parameters or extra headers. Each case is run on the engine
 * against the sandbox, with a decoy HTTP server on 127.0.0.2 that must never see a connection.
 * A case is either refused before the hostile request is made (an error that says what is wrong,
 * nothing at the decoy, and nothing at the vendor unless the case itself needs one legitimate
 * request first), or encoded: the vendor receives exactly the intended request, with the hostile
 * value inside one path segment or one query value.
 */

const CRLF = '\r\nX-Injected: 1';
/** Credential fields that hold a secret: never to be echoed, whatever their value. */
const SECRET_FIELDS = ['apiKey', 'authToken', 'apiToken', 'password', 'clientSecret'];

interface Context {
	env: TestEnvironment;
	/** http://127.0.0.2:<port> */
	decoyUrl: string;
	decoyPort: number;
	/** http://127.0.0.1:<port> */
	sandboxUrl: string;
	sandboxPort: number;
	seeded(vendor: string): IDataObject;
	sample(vendor: string): IDataObject;
}

interface VendorTarget {
	node: string;
	credentialType: string;
	/** A Get of one resource whose ID (or first path parameter) is `id`. */
	get(context: Context, id: string): INodeParameters;
}

const VENDORS: Record<string, VendorTarget> = {
	ultravox: {
		node: 'ultravox',
		credentialType: 'ultravoxSipApi',
		get: (_context, id) => ({
			resource: 'sipRegistration',
			operation: 'get',
			registrationId: byId(id),
		}),
	},
	vobiz: {
		node: 'vobiz',
		credentialType: 'vobizSipApi',
		get: (_context, id) => ({ resource: 'endpoint', operation: 'get', endpointId: byId(id) }),
	},
	netsapiens: {
		node: 'netSapiens',
		credentialType: 'netSapiensSipApi',
		get: (_context, id) => ({
			resource: 'device',
			operation: 'get',
			domain: byId('~'),
			user: byId('~'),
			device: byId(id),
		}),
	},
	signalwire: {
		node: 'signalWire',
		credentialType: 'signalWireSipApi',
		get: (_context, id) => ({ resource: 'sipEndpoint', operation: 'get', endpointId: byId(id) }),
	},
	opentact: {
		node: 'opentact',
		credentialType: 'opentactSipApi',
		get: (context, id) => ({
			resource: 'sipUser',
			operation: 'get',
			domain: byId(String((context.seeded('opentact').sipDomains as string[])[0])),
			userId: byId(id),
		}),
	},
};

/** A seeded resource of each vendor, for cases that need a request that would otherwise work. */
function seededId(context: Context, vendor: string): string {
	const [key, index] = (
		{
			ultravox: ['sipRegistrationIds', 0],
			vobiz: ['endpointIds', 0],
			netsapiens: ['userDevices', 1],
			signalwire: ['sipEndpointIds', 0],
			opentact: ['sipUserIds', 0],
		} as Record<string, [string, number]>
	)[vendor];
	return String((context.seeded(vendor)[key] as string[])[index]);
}

interface InjectionCase {
	name: string;
	vendor: string;
	/** Changes to the sandbox's sample credential. */
	credential?(context: Context): IDataObject;
	/** The node's parameters; a Get of a seeded resource when absent. */
	parameters?(context: Context): INodeParameters;
	/** Vendor answers that point elsewhere (set before the run). */
	faults?(context: Context): Array<Omit<FaultSpec, 'vendor'>>;
	outcome: 'refused' | 'encoded';
	/** refused: what the error says. */
	error?: RegExp;
	/** refused: the legitimate requests the vendor receives before the hostile one is refused. */
	legitimate?: number;
	/** encoded: checks what the vendor received. */
	received?(requests: RecordedRequest[], context: Context): void;
}

const SPACE_REFUSED = /^The credential's Space is not a SignalWire Space name\./;
const HEADER_REFUSED = (label: string) =>
	new RegExp(
		`^The credential's ${label} contains a line break or NUL character\\. Paste the value again without them$`,
	);
const HTTPS_REQUIRED =
	/must use https:\/\/ \(plain http is only allowed for localhost \/ 127\.0\.0\.1\)/;
const NO_USERINFO = /must not contain user info, a query, a fragment, spaces or backslashes/;

const profileGet = (): INodeParameters => ({ resource: 'sipProfile', operation: 'get' });

const credentialCases: InjectionCase[] = [
	// SignalWire: the Space becomes the host the Basic credentials go to.
	...[
		'evil.com#',
		'a.signalwire.com@evil.com',
		'example.signalwire.com.evil.com',
		'example/../evil',
		'evil.com?x=.signalwire.com',
	].flatMap((space): InjectionCase[] => [
		{
			name: `SignalWire Space "${space}" (no Base URL override) is refused`,
			vendor: 'signalwire',
			credential: () => ({ space, baseUrl: '' }),
			parameters: profileGet,
			outcome: 'refused',
			error: SPACE_REFUSED,
		},
		{
			name: `SignalWire Space "${space}" with the sandbox as Base URL override is refused`,
			vendor: 'signalwire',
			credential: () => ({ space }),
			parameters: profileGet,
			outcome: 'refused',
			error: SPACE_REFUSED,
		},
	]),
	{
		name: 'SignalWire Space "127.0.0.2:<decoy>#" (the decoy as the host) is refused',
		vendor: 'signalwire',
		credential: (context) => ({ space: `127.0.0.2:${context.decoyPort}#`, baseUrl: '' }),
		parameters: profileGet,
		outcome: 'refused',
		error: SPACE_REFUSED,
	},
	// NetSapiens: the Server is a bare host name; everything that could move the key is refused.
	...[
		{
			label: 'a path',
			server: 'pbx.example.com/evil',
			error: /must be the host name only, without a path/,
		},
		{ label: 'a port', server: 'pbx.example.com:8443', error: /must not include a port/ },
		{ label: 'user info', server: 'pbx.example.com@evil.com', error: /must not contain user info/ },
		{
			label: 'user info before the decoy',
			server: 'DECOY_USERINFO',
			error: /must not contain user info/,
		},
		{
			label: 'a look-alike Cyrillic letter',
			server: 'pb\u0445.example.com',
			error: /contains non-ASCII characters/,
		},
		{
			label: 'full-width digits that read as the decoy',
			server: 'FULLWIDTH_DECOY',
			error: /contains non-ASCII characters/,
		},
		{
			label: 'plain http to a remote host',
			server: 'http://pbx.example.com',
			error: /must use https: plain http is only allowed/,
		},
		{
			label: 'a fragment',
			server: 'pbx.example.com#@evil.com',
			error: /must not contain a query \(\?\) or fragment \(#\)/,
		},
	].map(({ label, server, error }): InjectionCase => ({
		name: `NetSapiens Server with ${label} is refused`,
		vendor: 'netsapiens',
		credential: (context) => ({
			server:
				server === 'DECOY_USERINFO'
					? `http://127.0.0.1:${context.sandboxPort}@127.0.0.2:${context.decoyPort}/netsapiens`
					: server === 'FULLWIDTH_DECOY'
						? `\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff12:${context.decoyPort}`
						: server,
		}),
		outcome: 'refused',
		error: new RegExp(`^The credential's Server ${error.source}`),
	})),
	// Base URL with plain http to a host that is not this machine, for every vendor that has one.
	...(
		[
			['ultravox', 'http://api.ultravox.ai'],
			['vobiz', 'http://api.vobiz.ai'],
			['opentact', 'http://api.opentact.org/rest'],
			['signalwire', 'http://example.signalwire.com'],
		] as const
	).map(([vendor, baseUrl]): InjectionCase => ({
		name: `${vendor} Base URL "${baseUrl}" (plain http to a remote host) is refused`,
		vendor,
		credential: () => ({ baseUrl }),
		parameters: vendor === 'signalwire' ? profileGet : undefined,
		outcome: 'refused',
		error: HTTPS_REQUIRED,
	})),
	{
		// The IPv4-mapped IPv6 form of the decoy: not "this machine" by name, yet it reaches 127.0.0.2.
		name: 'Ultravox Base URL http://[::ffff:127.0.0.2]:<decoy> is refused as plain http to a remote host',
		vendor: 'ultravox',
		credential: (context) => ({ baseUrl: `http://[::ffff:127.0.0.2]:${context.decoyPort}` }),
		outcome: 'refused',
		error: HTTPS_REQUIRED,
	},
	{
		name: 'Vobiz Base URL with user info in front of the decoy is refused',
		vendor: 'vobiz',
		credential: (context) => ({
			baseUrl: `http://127.0.0.1:${context.sandboxPort}@127.0.0.2:${context.decoyPort}/vobiz`,
		}),
		outcome: 'refused',
		error: NO_USERINFO,
	},
	{
		name: 'Ultravox Base URL with a fragment that hides the decoy is refused',
		vendor: 'ultravox',
		credential: (context) => ({
			baseUrl: `${context.sandboxUrl}/ultravox#@127.0.0.2:${context.decoyPort}`,
		}),
		outcome: 'refused',
		error: NO_USERINFO,
	},
	{
		name: 'Opentact Base URL with a backslash trick is refused',
		vendor: 'opentact',
		credential: (context) => ({
			baseUrl: `http://127.0.0.2:${context.decoyPort}\\@127.0.0.1:${context.sandboxPort}/opentact/rest`,
		}),
		outcome: 'refused',
		error: NO_USERINFO,
	},
	// CR/LF in every value that becomes a header.
	{
		name: 'Ultravox API Key with CR/LF is refused',
		vendor: 'ultravox',
		credential: (context) => ({ apiKey: `${context.sample('ultravox').apiKey}${CRLF}` }),
		outcome: 'refused',
		error: HEADER_REFUSED('API Key'),
	},
	{
		name: 'Vobiz Auth Token with CR/LF is refused',
		vendor: 'vobiz',
		credential: (context) => ({ authToken: `${context.sample('vobiz').authToken}${CRLF}` }),
		outcome: 'refused',
		error: HEADER_REFUSED('Auth Token'),
	},
	{
		// The Auth ID is also a path segment of every Vobiz URL: the path check refuses it first.
		name: 'Vobiz Auth ID with CR/LF is refused',
		vendor: 'vobiz',
		credential: (context) => ({ authId: `${context.sample('vobiz').authId}${CRLF}` }),
		outcome: 'refused',
		error:
			/^The credential's "Auth ID" cannot be used in a Vobiz URL: it must be an Auth ID such as MA_XXXXXXXX, without spaces, and not "\." or "\.\." \(item 0\)$/,
	},
	{
		name: 'SignalWire Project ID with CR/LF is refused',
		vendor: 'signalwire',
		credential: (context) => ({ projectId: `${context.sample('signalwire').projectId}${CRLF}` }),
		parameters: profileGet,
		outcome: 'refused',
		error: HEADER_REFUSED('Project ID'),
	},
	{
		name: 'SignalWire API Token with CR/LF is refused',
		vendor: 'signalwire',
		credential: (context) => ({ apiToken: `${context.sample('signalwire').apiToken}${CRLF}` }),
		parameters: profileGet,
		outcome: 'refused',
		error: HEADER_REFUSED('API Token'),
	},
	{
		// 60 characters with the right prefix, so only the header check can catch it.
		name: 'NetSapiens API key with CR/LF (well-formed otherwise) is refused',
		vendor: 'netsapiens',
		credential: () => ({ apiKey: `nsd_${'a'.repeat(40)}${CRLF}`.padEnd(60, 'b').slice(0, 60) }),
		outcome: 'refused',
		error: HEADER_REFUSED('API Key or access token'),
	},
	{
		name: 'Opentact API Token with CR/LF is refused',
		vendor: 'opentact',
		credential: (context) => ({
			authentication: 'apiToken',
			apiToken: `${context.seeded('opentact').apiToken}${CRLF}`,
		}),
		outcome: 'refused',
		error: HEADER_REFUSED('API Token'),
	},
	{
		// The login's email and password travel inside Basic auth, base64-encoded: no header is added.
		name: 'Opentact email with CR/LF stays inside the Basic credentials of the login',
		vendor: 'opentact',
		credential: (context) => ({ email: `${context.sample('opentact').email}${CRLF}` }),
		outcome: 'encoded',
		received: (requests) => {
			expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				'GET /rest/auth',
			]);
			expect(requests[0].status).toBe(401);
		},
	},
	{
		// The OAuth2 login's secrets travel in its JSON body.
		name: 'NetSapiens OAuth2 Client Secret with CR/LF stays inside the login body',
		vendor: 'netsapiens',
		credential: (context) => ({
			authType: 'oAuth2Password',
			clientSecret: `${context.sample('netsapiens').clientSecret}${CRLF}`,
		}),
		outcome: 'encoded',
		received: (requests, context) => {
			expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				'POST /ns-api/v2/tokens',
			]);
			expect((requests[0].body as IDataObject).client_secret).toBe(
				`${context.sample('netsapiens').clientSecret}${CRLF}`,
			);
		},
	},
];

/** Values that try to leave their path segment. */
const PATH_VALUES = (context: Context) => [
	'../',
	'../../admin',
	'..',
	'.',
	'a/../../b',
	'a?admin=1',
	'a#fragment',
	'a%2Fb',
	'%2e%2e',
	'a\r\nX-Injected: 1',
	`//127.0.0.2:${context.decoyPort}/x`,
	`${context.decoyUrl}/x`,
];

interface PathTarget {
	vendor: string;
	/** The parameter the value goes into, and the path the vendor must receive for it. */
	parameter: string;
	parameters(context: Context, value: string): INodeParameters;
	expectedPath(context: Context, segment: string): string;
	/** Which values the parameter's own rule refuses (by the vendor's documented format). */
	refuses(value: string): boolean;
	/** The rule's words when it refuses. */
	error: RegExp;
}

const slashOrDots = (value: string) =>
	value === '.' || value === '..' || value.includes('/') || /[\r\n]/.test(value);
const dotsOrSpace = (value: string) => value === '.' || value === '..' || /\s/.test(value);

const PATH_TARGETS: PathTarget[] = [
	{
		vendor: 'ultravox',
		parameter: 'SIP Registration (Get)',
		parameters: (_context, value) => VENDORS.ultravox.get(_context, value),
		expectedPath: (_context, segment) => `/api/sip/registrations/${segment}`,
		refuses: dotsOrSpace,
		error: /^"SIP Registration" has characters that are not allowed/,
	},
	{
		vendor: 'ultravox',
		parameter: 'SIP Registration (Delete)',
		parameters: (_context, value) => ({
			resource: 'sipRegistration',
			operation: 'delete',
			registrationId: byId(value),
		}),
		expectedPath: (_context, segment) => `/api/sip/registrations/${segment}`,
		refuses: dotsOrSpace,
		error: /^"SIP Registration" has characters that are not allowed/,
	},
	{
		vendor: 'vobiz',
		parameter: 'Endpoint (Get)',
		parameters: (context, value) => VENDORS.vobiz.get(context, value),
		expectedPath: (context, segment) =>
			`/api/v1/Account/${context.sample('vobiz').authId}/Endpoint/${segment}/`,
		refuses: dotsOrSpace,
		error: /^"Endpoint" has characters that are not allowed/,
	},
	{
		vendor: 'vobiz',
		parameter: 'Endpoint (Update)',
		parameters: (_context, value) => ({
			resource: 'endpoint',
			operation: 'update',
			endpointId: byId(value),
			updateFields: { alias: 'X' },
		}),
		expectedPath: (context, segment) =>
			`/api/v1/Account/${context.sample('vobiz').authId}/Endpoint/${segment}/`,
		refuses: dotsOrSpace,
		error: /^"Endpoint" has characters that are not allowed/,
	},
	{
		vendor: 'netsapiens',
		parameter: 'Device (Get)',
		parameters: (context, value) => VENDORS.netsapiens.get(context, value),
		expectedPath: (_context, segment) => `/ns-api/v2/domains/~/users/~/devices/${segment}`,
		refuses: slashOrDots,
		error: /^"Device" has characters that are not allowed/,
	},
	{
		vendor: 'netsapiens',
		parameter: 'User (Get Many)',
		parameters: (_context, value) => ({
			resource: 'device',
			operation: 'getAll',
			listScope: 'user',
			domain: byId('~'),
			user: byId(value),
			returnAll: true,
		}),
		// Get Many asks the list's count first; for a user that does not exist it is the only request.
		expectedPath: (_context, segment) => `/ns-api/v2/domains/~/users/${segment}/devices/count`,
		refuses: (value) => slashOrDots(value) || [...value].length > 16,
		error: /^"User" (has characters that are not allowed|may be at most 16 characters long)/,
	},
	{
		vendor: 'netsapiens',
		parameter: 'Domain (Get)',
		parameters: (_context, value) => ({
			resource: 'device',
			operation: 'get',
			domain: byId(value),
			user: byId('~'),
			device: byId('1000a'),
		}),
		expectedPath: (_context, segment) => `/ns-api/v2/domains/${segment}/users/~/devices/1000a`,
		// Letters, digits, ".", "_" and "-" only (the spec's DomainNamePath).
		refuses: (value) => !/^[A-Za-z0-9._-]+$/.test(value) || value === '.' || value === '..',
		error: /^"Domain" has characters that are not allowed/,
	},
	{
		vendor: 'signalwire',
		parameter: 'SIP Endpoint (Get)',
		parameters: (context, value) => VENDORS.signalwire.get(context, value),
		expectedPath: (_context, segment) => `/api/relay/rest/endpoints/sip/${segment}`,
		// A UUID: nothing else passes; n8n checks the locator's format before the run.
		refuses: () => true,
		error: /^The 'Node Under Test' node has issues:\n- Not a valid SIP Endpoint ID/,
	},
	{
		vendor: 'signalwire',
		parameter: 'SIP Address (Delete)',
		parameters: (_context, value) => ({
			resource: 'sipAddress',
			operation: 'delete',
			addressId: byId(value),
		}),
		expectedPath: (_context, segment) => `/api/fabric/sip_addresses/${segment}`,
		refuses: () => true,
		error: /^The 'Node Under Test' node has issues:\n- Not a valid SIP Address ID/,
	},
	{
		vendor: 'opentact',
		parameter: 'SIP Domain (Get Many)',
		parameters: (_context, value) => ({
			resource: 'sipUser',
			operation: 'getAll',
			domain: byId(value),
			returnAll: true,
		}),
		expectedPath: (_context, segment) => `/rest/sip/domain/${segment}/user`,
		refuses: (value) => slashOrDots(value) || /\s/.test(value),
		error: /^"SIP Domain" has characters that are not allowed/,
	},
	{
		vendor: 'opentact',
		parameter: 'SIP User (Get)',
		parameters: (context, value) => VENDORS.opentact.get(context, value),
		expectedPath: (context, segment) =>
			`/rest/sip/domain/${(context.seeded('opentact').sipDomains as string[])[0]}/user/${segment}`,
		refuses: () => true,
		error: /^The 'Node Under Test' node has issues:\n- Not a SIP user UUID/,
	},
];

function pathCases(context: Context): InjectionCase[] {
	return PATH_TARGETS.flatMap((target) =>
		PATH_VALUES(context).map((value): InjectionCase => {
			const refused = target.refuses(value);
			return {
				name: `${target.vendor} ${target.parameter} = ${JSON.stringify(value)} is ${refused ? 'refused' : 'encoded into one path segment'}`,
				vendor: target.vendor,
				parameters: (ctx) => target.parameters(ctx, value),
				outcome: refused ? 'refused' : 'encoded',
				error: target.error,
				received: (requests, ctx) => {
					const calls = requests.filter((request) => request.path !== '/rest/auth');
					expect(calls).toHaveLength(1);
					// The raw path as it arrived has the template's segments, and the value's segment decodes
					// to the whole value: it could not add, remove or climb a segment.
					const template = target.expectedPath(ctx, '{value}').split('/');
					const received = calls[0].path.split('/');
					expect(received).toHaveLength(template.length);
					const at = template.indexOf('{value}');
					expect(received.filter((_, index) => index !== at)).toEqual(
						template.filter((_, index) => index !== at),
					);
					expect(decodeURIComponent(received[at])).toBe(value);
					expect(received[at]).toBe(pathSegment(value));
					// Nothing in it is a dot segment a URL parser would remove, and nothing became a query.
					expect(new URL(`http://sandbox${calls[0].path}`).pathname).toBe(calls[0].path);
					expect(calls[0].query).not.toHaveProperty('admin');
				},
			};
		}),
	);
}

/** Query values are encoded by n8n's HTTP client: a value cannot add or replace a parameter. */
const queryCases: InjectionCase[] = [
	{
		name: 'Vobiz Get Many filter "x&limit=1000&offset=7" stays one query value',
		vendor: 'vobiz',
		parameters: () => ({
			resource: 'endpoint',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { aliasContains: 'x&limit=1000&offset=7' },
		}),
		outcome: 'encoded',
		received: (requests) => {
			expect(requests).toHaveLength(1);
			expect(requests[0].query).toEqual({
				alias__contains: 'x&limit=1000&offset=7',
				limit: '3',
				offset: '0',
			});
		},
	},
	{
		name: 'SignalWire Get Many filter "x&page_size=1000#y" stays one query value',
		vendor: 'signalwire',
		parameters: () => ({
			resource: 'sipEndpoint',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { username: 'x&page_size=1000#y' },
		}),
		outcome: 'encoded',
		received: (requests) => {
			expect(requests).toHaveLength(1);
			expect(requests[0].query).toEqual({ filter_username: 'x&page_size=1000#y', page_size: '3' });
		},
	},
];

const VENDOR_FAULT_PATH: Record<string, string> = {
	ultravox: '^/api/',
	vobiz: '^/api/v1/Account/',
	netsapiens: '^/ns-api/v2/domains/',
	signalwire: '^/api/',
	opentact: '^/rest/sip/',
};

/** Vendor answers that point at another host: a redirect, or a next-page link. */
const answerCases: InjectionCase[] = [
	...Object.keys(VENDORS).map((vendor): InjectionCase => ({
		name: `${vendor}: a redirect to the decoy is not followed (the credential's headers stay home)`,
		vendor,
		faults: (context) => [
			{
				mode: 'status',
				status: 302,
				headers: { location: `${context.decoyUrl}/steal` },
				path: VENDOR_FAULT_PATH[vendor],
			},
		],
		outcome: 'refused',
		// The call itself (and, for Opentact, its login) reached the vendor; the redirect did not go further.
		legitimate: vendor === 'opentact' ? 2 : 1,
		error: /failed: .+ answered HTTP 302$/,
	})),
	{
		name: 'opentact: a redirect of the login to the decoy is not followed (the email and password stay home)',
		vendor: 'opentact',
		// Another user of the account: a login of its own, not a session token reused from an earlier case.
		credential: (context) => ({ ...(context.seeded('opentact').otherLogins as IDataObject[])[0] }),
		faults: (context) => [
			{
				mode: 'status',
				status: 302,
				headers: { location: `${context.decoyUrl}/steal` },
				path: '^/rest/auth$',
			},
		],
		outcome: 'refused',
		legitimate: 1,
		error: /^Opentact login failed \(HTTP 302\)$/,
	},
	{
		name: 'ultravox: a next-page link to the decoy is refused by the credential',
		vendor: 'ultravox',
		parameters: () => ({ resource: 'sipRegistration', operation: 'getAll', returnAll: true }),
		faults: (context) => [
			{
				mode: 'status',
				status: 200,
				path: '^/api/sip/registrations$',
				body: {
					results: [{ registrationId: 'r1' }],
					next: `${context.decoyUrl}/api/sip/registrations?cursor=2`,
					previous: null,
					total: 9,
				},
			},
		],
		outcome: 'refused',
		legitimate: 1,
		error: /^a link in \w+'s answer pointed to another origin \(http:\/\/127\.0\.0\.2:\d+\)$/,
	},
	{
		name: 'signalwire: a links.next to the decoy is refused by the credential',
		vendor: 'signalwire',
		parameters: () => ({ resource: 'sipEndpoint', operation: 'getAll', returnAll: true }),
		faults: (context) => [
			{
				mode: 'status',
				status: 200,
				path: '^/api/relay/rest/endpoints/sip$',
				body: {
					links: {
						self: 'x',
						first: 'x',
						next: `${context.decoyUrl}/api/relay/rest/endpoints/sip?page_token=PA2`,
					},
					data: [{ id: 'e1' }],
				},
			},
		],
		outcome: 'refused',
		legitimate: 1,
		error: /^a link in \w+'s answer pointed to another origin \(http:\/\/127\.0\.0\.2:\d+\)$/,
	},
];

describe('Injection: credentials, parameters and answers that try to redirect a request', () => {
	let env: TestEnvironment;
	let decoy: Server;
	let context: Context;
	const decoyHits: string[] = [];
	let decoyConnections = 0;
	const tally = { cases: 0, refused: 0, encoded: 0, reachedOtherHost: 0 };

	beforeAll(async () => {
		decoy = createServer((request, response) => {
			decoyHits.push(`${request.method} ${request.url}`);
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{}');
		});
		// Any connection counts, even one that never becomes an HTTP request (a TLS hello).
		decoy.on('connection', () => {
			decoyHits.push('connection');
			decoyConnections++;
		});
		await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.2', resolve));
		env = await TestEnvironment.start();
		const decoyPort = (decoy.address() as AddressInfo).port;
		const endpoints = env.sandbox.endpoints();
		// Credentials (and the Vobiz Auth ID) outlive a reset; seeded IDs do not.
		context = {
			env,
			decoyPort,
			decoyUrl: `http://127.0.0.2:${decoyPort}`,
			sandboxUrl: env.sandbox.url,
			sandboxPort: Number(new URL(env.sandbox.url).port),
			// Read at the time of use: a reset seeds new IDs.
			seeded: (vendor) => env.sandbox.endpoints()[vendor].seeded as IDataObject,
			sample: (vendor) => endpoints[vendor].credentials as IDataObject,
		};
	});

	afterAll(async () => {
		await env?.close();
		await new Promise<void>((resolve) => decoy.close(() => resolve()));
		tally.reachedOtherHost = decoyConnections;
		mkdirSync(RELIABILITY_DIR, { recursive: true });
		writeFileSync(
			path.join(RELIABILITY_DIR, 'injection.json'),
			`${JSON.stringify(tally, null, '\t')}\n`,
		);
	});

	const runCase = async (injection: InjectionCase) => {
		const target = VENDORS[injection.vendor];
		env.sandbox.reset();
		for (const fault of injection.faults?.(context) ?? [])
			env.sandbox.injectFault({ vendor: injection.vendor, count: 1, ...fault } as FaultSpec);
		decoyHits.length = 0;
		const credentialData = injection.credential?.(context) ?? {};
		const credential = env.credential(
			injection.vendor,
			target.credentialType,
			credentialData as never,
		);
		// n8n itself refuses a resource-locator ID that fails the locator's format before the workflow
		// runs ("The node has issues"): that refusal is what the user sees then.
		const result = await env
			.run({
				node: target.node,
				credential,
				parameters:
					injection.parameters?.(context) ??
					target.get(context, seededId(context, injection.vendor)),
			})
			.catch((error: Error) => {
				if (error.name !== 'WorkflowHasIssuesError') throw error;
				return { items: [], error: error as RunResult['error'] };
			});
		const requests = env.sandbox.requests(injection.vendor);
		env.sandbox.clearFaults();

		// Never another host; never a header the values tried to add.
		expect(decoyHits).toEqual([]);
		for (const request of env.sandbox.requests()) {
			expect(
				Object.keys(request.headers).filter((name) => name.toLowerCase() === 'x-injected'),
			).toEqual([]);
		}
		// Nothing secret in what the user sees, the hostile credential values included.
		const hostileSecrets = SECRET_FIELDS.map((field) => credentialData[field]).filter(
			(value) => typeof value === 'string',
		);
		const secrets = [...env.sandbox.secrets(), ...(hostileSecrets as string[])].filter(
			(secret) => secret.length >= 12,
		);
		const shown = `${result.error?.message ?? ''}\n${result.error?.description ?? ''}`;
		expect(secrets.filter((secret) => shown.includes(secret))).toEqual([]);

		if (injection.outcome === 'refused') {
			// A refusal from the request path names the operation first ("<Vendor> <Operation> failed: ").
			const message = result.error?.message ?? '';
			const afterOperation = message.replace(/^\S+ .+? failed: /, '');
			expect(injection.error!.test(message) ? message : afterOperation).toMatch(injection.error!);
			expect(requests).toHaveLength(injection.legitimate ?? 0);
			tally.refused++;
		} else {
			injection.received!(requests, context);
			tally.encoded++;
		}
		tally.cases++;
	};

	it.each(credentialCases.map((injection) => [injection.name, injection] as const))(
		'%s',
		async (_name, injection) => {
			await runCase(injection);
		},
	);

	it.each(queryCases.map((injection) => [injection.name, injection] as const))(
		'%s',
		async (_name, injection) => {
			await runCase(injection);
		},
	);

	it.each(answerCases.map((injection) => [injection.name, injection] as const))(
		'%s',
		async (_name, injection) => {
			await runCase(injection);
		},
	);

	it('path parameters with ../, ?, #, %2F, CR/LF and URLs are refused by their rule or stay one encoded segment', async () => {
		const cases = pathCases(context);
		expect(cases.length).toBe(PATH_TARGETS.length * PATH_VALUES(context).length);
		for (const injection of cases) {
			try {
				await runCase(injection);
			} catch (failure) {
				(failure as Error).message = `${injection.name}:\n${(failure as Error).message}`;
				throw failure;
			}
		}
		// Both outcomes occur: rules refuse what the vendor's format forbids, encoding carries the rest.
		expect(cases.filter((injection) => injection.outcome === 'encoded').length).toBeGreaterThan(0);
		expect(cases.filter((injection) => injection.outcome === 'refused').length).toBeGreaterThan(0);
	});

	it('the decoy was never reached, and every case was counted', () => {
		expect(decoyConnections).toBe(0);
		expect(tally.cases).toBe(tally.refused + tally.encoded);
		expect(tally.cases).toBeGreaterThanOrEqual(
			credentialCases.length + queryCases.length + answerCases.length,
		);
	});
});
