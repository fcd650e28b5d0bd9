import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { hostileVendor } from '../harness/hostileVendors';
import { hostileSuite } from '../harness/hostileSuite';

/** A host that can never resolve (RFC 6761 reserves .invalid), with or without a network. */
const NO_SUCH_HOST = 'sip-pack-no-such-host.invalid';

/** Error descriptions are sentences, the node's words are its own, network failures are said in words. */
describe('error wording', () => {
	const suite = hostileSuite();
	const vendor = hostileVendor;

	const credential = (type: string, data: ICredentialDataDecryptedObject) =>
		suite.addCredential('wording', type, data, 'wording');

	it('the vendor\'s words end as a sentence before the node\'s advice (SignalWire 404 "Not Found")', async () => {
		const config = vendor('SignalWire');
		suite.hostile.reset(() => ({ status: 404, body: { error: 'Not Found' } }));
		const result = await suite.env.run({
			node: config.node,
			credential: credential(config.credentialType, config.credential(suite.hostile.url)),
			parameters: config.get,
		});
		expect(result.error?.description).toBe(
			'SignalWire said: Not Found.\nNothing was found at that ID or path. Check the ID (or pick it from the list) and the account it belongs to.',
		);
	});

	it("the node's own words are never presented as the vendor's (Opentact answer without a SIP user)", async () => {
		const config = vendor('Opentact');
		suite.hostile.reset(
			(request) =>
				config.login?.(request, []) ?? { status: 200, body: { success: true, payload: null } },
		);
		const result = await suite.env.run({
			node: config.node,
			credential: credential(config.credentialType, config.credential(suite.hostile.url)),
			parameters: config.get,
		});
		expect(result.error?.message).toBe(
			'Opentact Get SIP User failed: Opentact answered HTTP 200 with an answer of an unexpected shape',
		);
		expect(result.error?.description).not.toContain('Opentact said');
		expect(result.error?.description).toContain('The answer carried no SIP user in "payload".');
	});

	it('a host that cannot be found is said in words, with what to do', async () => {
		const config = vendor('Ultravox');
		const result = await suite.env.run({
			node: config.node,
			credential: credential(config.credentialType, {
				apiKey: 'uvk.Live-wording-0123456789',
				baseUrl: `https://${NO_SUCH_HOST}`,
			}),
			parameters: config.get,
		});
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Ultravox Get SIP Registration failed: could not find the host ${NO_SUCH_HOST.replace(/\./g, '\\.')} \\((ENOTFOUND|EAI_AGAIN)\\)$`,
			),
		);
		expect(result.error?.description).toMatch(
			/^Could not find the host .+: check the Base URL \(or Server\) of the credential and this machine's network and DNS\.$/,
		);
	});

	it('a refused connection is said in words', async () => {
		const config = vendor('Vobiz');
		const result = await suite.env.run({
			node: config.node,
			credential: credential(config.credentialType, { ...config.credential('http://127.0.0.1:1') }),
			parameters: { ...config.get, rateLimiting: { serverErrorRetries: 0 } },
		});
		expect(result.error?.message).toMatch(
			/^Vobiz Get Endpoint failed: the host 127\.0\.0\.1(:1)? refused the connection \(ECONNREFUSED\): nothing answers at that address and port$/,
		);
		expect(result.error?.description).toContain(
			'check the Base URL (or Server) of the credential, and that the service is up.',
		);
	});

	it('an Opentact credential test that cannot find the host says so in words', async () => {
		const verdict = await suite.env.testCredential('opentactSipApi', {
			authentication: 'accountLogin',
			email: 'ops@example.com',
			password: 'Wording-Passw0rd-1',
			baseUrl: `https://${NO_SUCH_HOST}/rest`,
		});
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toBe(
			`Could not reach Opentact at https://${NO_SUCH_HOST} to log in: could not find the host ${NO_SUCH_HOST}`,
		);
	});

	it('a NetSapiens OAuth2 credential test that cannot find the host says so in words', async () => {
		const verdict = await suite.env.testCredential('netSapiensSipApi', {
			...vendor('NetSapiens').credential('unused'),
			server: NO_SUCH_HOST,
		});
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toBe(
			`Could not reach NetSapiens to log in at https://${NO_SUCH_HOST}/ns-api/v2/tokens: could not find the host ${NO_SUCH_HOST}. Check the Base URL (or Server) of the credential and this machine's network and DNS.`,
		);
	});
});
