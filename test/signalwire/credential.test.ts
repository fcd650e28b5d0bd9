import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { SignalWireSipApi } from '../../credentials/SignalWireSipApi.credentials';
import { signalWireBaseUrlExpression } from '../../nodes/SignalWire/shared/space';
import { TestEnvironment } from '../harness/run';

const credentialType = new SignalWireSipApi();
const basic = (project: string, token: string) =>
	`Basic ${Buffer.from(`${project}:${token}`).toString('base64')}`;

/** The node's baseURL expression, resolved by n8n's own expression engine as RoutingNode does. */
function resolveBaseUrl(env: TestEnvironment, credentials: ICredentialDataDecryptedObject): string {
	const node: INode = {
		id: 'n',
		name: 'SignalWire',
		type: 'n8n-nodes-sip-credentials.signalWire',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: env.nodeTypes,
	});
	return String(
		workflow.expression.getSimpleParameterValue(node, signalWireBaseUrlExpression, 'internal', {
			$credentials: credentials,
		} as any),
	);
}

/** What the credential makes of a request, without sending it. */
async function prepared(
	credentials: ICredentialDataDecryptedObject,
	baseURL: string,
): Promise<IHttpRequestOptions> {
	return await credentialType.authenticate(credentials, {
		baseURL,
		url: '/api/relay/rest/sip_profile',
		method: 'PUT',
	});
}

describe('SignalWire credential', () => {
	let env: TestEnvironment;
	let sample: ICredentialDataDecryptedObject;
	beforeAll(async () => {
		env = await TestEnvironment.start();
		sample = env.sandbox.endpoints().signalwire.credentials as ICredentialDataDecryptedObject;
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.clearRequests());

	describe('real requests go to https://{space}.signalwire.com (built, never sent)', () => {
		const real = {
			space: 'example',
			projectId: 'a1b2c3d4-0000-4000-8000-000000000001',
			apiToken: 'PTsecret-token-1',
			baseUrl: '',
		};

		it.each([
			'example',
			'Example',
			' example.signalwire.com ',
			'https://example.signalwire.com/',
			'EXAMPLE.SignalWire.com',
		])(
			'Space %j becomes https://example.signalwire.com with Basic project:token and no Host override',
			async (space) => {
				const credentials = { ...real, space };
				const baseURL = resolveBaseUrl(env, credentials);
				expect(baseURL).toBe('https://example.signalwire.com');
				const request = await prepared(credentials, baseURL);
				expect(new URL(request.url.slice(1), `${request.baseURL}/`).href).toBe(
					'https://example.signalwire.com/api/relay/rest/sip_profile',
				);
				expect(request.headers).toEqual({ Authorization: basic(real.projectId, real.apiToken) });
			},
		);

		it.each([
			'evil.com#',
			'a.signalwire.com@evil.com',
			'x/y',
			'a b',
			'evil.com',
			'https://evil.com/.signalwire.com',
			'-a',
			'',
			'a.b',
		])('Space %j is refused before a request exists', async (space) => {
			const credentials = { ...real, space };
			await expect(prepared(credentials, resolveBaseUrl(env, credentials))).rejects.toThrow(
				"The credential's Space is not a SignalWire Space name",
			);
		});

		it('a request that leaves the Space (a crafted next link) is refused', async () => {
			await expect(
				credentialType.authenticate(real, {
					baseURL: 'https://example.signalwire.com',
					url: 'https://other.signalwire.com/api/relay/rest/endpoints/sip?page_token=PAx',
				}),
			).rejects.toThrow('Refusing to send credentials to https://other.signalwire.com');
		});

		it('a line break in the project ID or the token is refused without echoing it', async () => {
			await expect(
				prepared({ ...real, apiToken: 'PTabc\r\nX-Evil: 1' }, 'https://example.signalwire.com'),
			).rejects.toThrow("The credential's API Token contains a line break");
			await expect(
				prepared({ ...real, projectId: 'p:q' }, 'https://example.signalwire.com'),
			).rejects.toThrow('must not contain a colon');
		});

		it('the Base URL override must be https unless it is this machine, and then carries the Space as Host', async () => {
			await expect(
				prepared({ ...real, baseUrl: 'http://sandbox.example.com' }, 'http://sandbox.example.com'),
			).rejects.toThrow('must use https://');
			const sandboxed = {
				...real,
				space: 'Example.signalwire.com',
				baseUrl: ' http://127.0.0.1:9/signalwire/ ',
			};
			const baseURL = resolveBaseUrl(env, sandboxed);
			expect(baseURL).toBe('http://127.0.0.1:9/signalwire');
			const request = await prepared(sandboxed, baseURL);
			expect(new URL(request.url.slice(1), `${request.baseURL}/`).href).toBe(
				'http://127.0.0.1:9/signalwire/api/relay/rest/sip_profile',
			);
			expect(request.headers).toEqual({
				Authorization: basic(real.projectId, real.apiToken),
				Host: 'example.signalwire.com',
			});
		});

		it('a blank Base URL Override counts as none', async () => {
			const credentials = { ...real, baseUrl: '   ' };
			const baseURL = resolveBaseUrl(env, credentials);
			expect(baseURL).toBe('https://example.signalwire.com');
			expect((await prepared(credentials, baseURL)).headers).not.toHaveProperty('Host');
		});
	});

	describe('credential test on the engine against the sandbox', () => {
		it('passes with the sample credential: GET /api/relay/rest/sip_profile on the sample Space', async () => {
			expect(await env.testCredential('signalWireSipApi', sample)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const [request] = env.sandbox.requests('signalwire');
			expect([request.method, request.path, request.headers.host]).toEqual([
				'GET',
				'/api/relay/rest/sip_profile',
				'example.signalwire.com',
			]);
			expect(request.headers.authorization).toBe(
				basic(String(sample.projectId), String(sample.apiToken)),
			);
		});

		it('passes when the Space is given as the full host', async () => {
			const verdict = await env.testCredential('signalWireSipApi', {
				...sample,
				space: 'https://Example.signalwire.com',
			});
			expect(verdict.status).toBe('OK');
			expect(env.sandbox.requests('signalwire')[0].headers.host).toBe('example.signalwire.com');
		});

		const refused =
			"SignalWire refused the credential (401). Check the Space, the Project ID and the API Token. SignalWire also answers 401 when the token lacks the Voice scope, which the SIP profile and SIP endpoints need: enable Voice on the token in your Space's API settings.";

		it('fails with a wrong token, explaining 401 including the Voice scope', async () => {
			expect(
				await env.testCredential('signalWireSipApi', { ...sample, apiToken: 'PTwrong' }),
			).toEqual({ status: 'Error', message: refused });
			expect(env.sandbox.requests('signalwire').map((request) => request.status)).toEqual([
				401, 401,
			]);
		});

		it('fails for a token without the Voice scope, which SignalWire answers with 401', async () => {
			const tokenWithoutVoice = String(
				env.sandbox.endpoints().signalwire.seeded.tokenWithoutVoiceScope,
			);
			expect(
				await env.testCredential('signalWireSipApi', { ...sample, apiToken: tokenWithoutVoice }),
			).toEqual({
				status: 'Error',
				message: refused,
			});
		});

		it('fails for another Space: the project is unknown there', async () => {
			expect(
				(await env.testCredential('signalWireSipApi', { ...sample, space: 'other' })).message,
			).toBe(refused);
			expect(env.sandbox.requests('signalwire')[0].headers.host).toBe('other.signalwire.com');
		});

		it.each(['evil.com#', 'a.signalwire.com@evil.com', 'x/y', 'a b'])(
			'Space %j fails the test and the sandbox receives nothing',
			async (space) => {
				const verdict = await env.testCredential('signalWireSipApi', { ...sample, space });
				expect(verdict.status).toBe('Error');
				expect(verdict.message).toContain("The credential's Space is not a SignalWire Space name");
				expect(env.sandbox.requests()).toEqual([]);
			},
		);

		it('a crafted Space also stops a node run before any request', async () => {
			const credential = env.credential('signalwire', 'signalWireSipApi', {
				space: 'a.signalwire.com@evil.com',
			});
			const result = await env.run({
				node: 'signalWire',
				credential,
				parameters: { resource: 'sipProfile', operation: 'get' },
			});
			expect(result.error?.message).toContain(
				"The credential's Space is not a SignalWire Space name",
			);
			expect(env.sandbox.requests()).toEqual([]);
		});
	});
});
