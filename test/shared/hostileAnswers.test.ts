import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { echoOf } from '../harness/hostile';
import type { HostileAnswer, HostileRequest } from '../harness/hostile';
import {
	HOSTILE_VENDORS,
	hostileVendor,
	KEY_CREDENTIALS,
	leakForms,
	serializedError,
} from '../harness/hostileVendors';
import type { HostileVendor } from '../harness/hostileVendors';
import { hostileSuite } from '../harness/hostileSuite';

/**
 * Every vendor node against a vendor impostor on 127.0.0.1 that echoes what it was sent (headers,
 * URL, body: whole, cut short, URL-encoded, inside JSON) in its error bodies, and answers lists of
 * another shape. Runs on n8n-core's engine; nodes, "From List" pickers and credential tests.
 */
describe('hostile vendor answers, all five vendors', () => {
	const suite = hostileSuite();
	/**
	 * Session tokens the impostor issued (Opentact, NetSapiens logins), kept for the whole suite: a
	 * later test may ride on a token an earlier login issued (the pack reuses a fresh one).
	 */
	const issued: string[] = [];

	const store = (
		config: HostileVendor | { vendor: string },
		type: string,
		data: ICredentialDataDecryptedObject,
	) => suite.addCredential(config.vendor, type, data);

	/** Answers logins, then `answer` for everything else. */
	const serve = (config: HostileVendor, answer: (request: HostileRequest) => HostileAnswer) =>
		suite.hostile.reset((request) => config.login?.(request, issued) ?? answer(request));

	const echoing =
		(status: number) =>
		(request: HostileRequest): HostileAnswer => {
			const echo = echoOf(request);
			return { status, body: { detail: echo, message: echo, error: echo, success: false } };
		};

	const expectNoSecret = (what: unknown, secrets: string[], basic?: string) => {
		const text = serializedError(what);
		for (const secret of secrets) {
			for (const form of leakForms(secret)) expect(text).not.toContain(form);
		}
		// A JWT's first characters are its public header ({"alg":…}); its claims and signature are not.
		for (const token of issued) {
			const [, claims, signature] = token.split('.');
			for (const form of [token, claims, signature, signature.slice(-10)])
				expect(text).not.toContain(form);
		}
		if (basic) expect(text).not.toContain(basic);
	};

	describe.each(HOSTILE_VENDORS.map((config) => [config.vendor, config] as const))(
		'%s',
		(_name, config) => {
			const data = () => config.credential(suite.hostile.url);

			it.each([401, 422, 500])(
				'an error body (HTTP %i) that echoes the request never shows a secret in the node error',
				async (status) => {
					const credentialData = data();
					const credential = store(config, config.credentialType, credentialData);
					serve(config, echoing(status));
					const result = await suite.env.run({
						node: config.node,
						credential,
						parameters: config.get,
					});
					expect(result.error?.message).toMatch(new RegExp(`^${config.vendor} .+ failed: `));
					// The impostor did get (and echo) the secret: the test is only meaningful if the echo was there.
					expect(
						suite.hostile.requests.some(
							(request) =>
								echoOf(request).includes(config.secrets(credentialData)[0]) ||
								/authorization|token|key/i.test(Object.keys(request.headers).join()),
						),
					).toBe(true);
					expect(result.error?.description).toContain(`${config.vendor} said: Invalid credentials`);
					expectNoSecret(
						result.error,
						config.secrets(credentialData),
						config.basic?.(credentialData),
					);
				},
			);

			it('with Continue On Fail the error item carries no secret either', async () => {
				const credentialData = data();
				const credential = store(config, config.credentialType, credentialData);
				serve(config, echoing(500));
				const result = await suite.env.run({
					node: config.node,
					credential,
					parameters: config.get,
					continueOnFail: true,
				});
				expect(result.items).toHaveLength(1);
				expectNoSecret(
					result.items[0].json,
					config.secrets(credentialData),
					config.basic?.(credentialData),
				);
				expectNoSecret(
					result.items[0].error,
					config.secrets(credentialData),
					config.basic?.(credentialData),
				);
			});

			it('the "From List" picker turns an echoing error into its own error, without the secret', async () => {
				const credentialData = data();
				const credential = store(config, config.credentialType, credentialData);
				serve(config, echoing(403));
				const context = suite.env.pickerContext(
					config.node,
					credential,
					config.pickerParameters,
					config.pickerPath,
				);
				const failure = await config.picker.call(context).then(
					() => undefined,
					(error: unknown) => error,
				);
				expect(failure).toBeDefined();
				expect((failure as Error).message).toMatch(
					new RegExp(
						`^${config.vendor} List .+ \\(From List\\) failed: ${config.vendor} answered HTTP 403`,
					),
				);
				expectNoSecret(failure, config.secrets(credentialData), config.basic?.(credentialData));
			});

			it('the credential test shows no secret, whatever the server puts in its reason phrase', async () => {
				const credentialData = data();
				serve(config, (request) => ({
					...echoing(502)(request),
					statusText:
						`Bad Gateway ${Object.values(request.headers).join(' ')} ${request.url}`.replace(
							/[^\x20-\x7e]/g,
							'',
						),
				}));
				const verdict = await suite.env.testCredential(config.credentialType, credentialData);
				expect(verdict.status).toBe('Error');
				expect(verdict.message).toContain(
					`${config.vendor} had a server error during the credential test (HTTP 502)`,
				);
				expectNoSecret(verdict, config.secrets(credentialData), config.basic?.(credentialData));
			});

			it('a Get answered with a JSON list is an error, not one empty item per entry', async () => {
				const credential = store(config, config.credentialType, data());
				serve(config, () => ({ status: 200, body: [{ a: 1 }, { b: 2 }, { c: 3 }] }));
				const result = await suite.env.run({
					node: config.node,
					credential,
					parameters: config.get,
					continueOnFail: true,
				});
				expect(result.items).toHaveLength(1);
				const error = result.items[0].error;
				expect(error?.message).toMatch(
					new RegExp(
						`^${config.vendor} Get .+ failed: ${config.vendor} answered HTTP 200 with an answer of an unexpected shape$`,
					),
				);
				expect(error?.description).toContain('The answer was a list of 3 entries where one');
				expect(error?.description).not.toContain(`${config.vendor} said:`);
			});
		},
	);

	describe.each(KEY_CREDENTIALS.map((entry) => [entry.vendor, entry] as const))(
		'%s key credential',
		(_name, entry) => {
			const config = hostileVendor(entry.vendor);

			it('a key that rides on every request (header or URL) is never echoed back into the error', async () => {
				const credentialData = entry.data(suite.hostile.url);
				const credential = store(config, config.credentialType, credentialData);
				serve(config, echoing(400));
				const result = await suite.env.run({
					node: config.node,
					credential,
					parameters: config.get,
				});
				expect(echoOf(suite.hostile.requests[0])).toContain(entry.secrets(credentialData)[0]);
				expect(result.error?.description).toContain(`${config.vendor} said: Invalid credentials`);
				expectNoSecret(result.error, entry.secrets(credentialData));
			});
		},
	);
});
