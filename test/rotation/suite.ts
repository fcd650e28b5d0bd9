import type { INodeParameters } from 'n8n-workflow';
import { FIRST_CHARACTER_ALPHABET, generatePassword, SIP_SAFE_ALPHABET } from '../../nodes/shared/password';
import { TestEnvironment } from '../harness/run';
import { packNodeTypes } from '../harness/pack';
import type { VendorProfile } from '../../nodes/shared/vendor';

/** What the rotation suite needs to know to rotate one vendor's credential-bearing resource. */
export interface RotationTarget {
	/** Sandbox simulator name and node name (package.json node name). */
	vendor: string;
	node: string;
	credentialType: string;
	profile: VendorProfile;
	/** Node parameters that pick the seeded resource number `index` (resource, ids…). */
	target(env: TestEnvironment, index: number): Promise<INodeParameters> | INodeParameters;
	/** The device id the sandbox's registration simulation uses for that resource. */
	deviceId(env: TestEnvironment, index: number): Promise<string> | string;
	/** Whether the vendor exposes registration state (else the result is "notVerifiable"). */
	verifiable: boolean;
	/** The request path (below the vendor prefix) and method that apply the password. */
	applyCall: { method: string; path: RegExp };
	/** The body field that carries the password in the vendor's update call. */
	passwordField: string;
}

const rotate = (target: INodeParameters, extra: INodeParameters): INodeParameters => ({
	...target,
	operation: 'rotatePassword',
	...extra,
});

export function describeRotation(config: RotationTarget): void {
	describe(`${config.vendor}: password rotation on the engine against the sandbox`, () => {
		let env: TestEnvironment;
		let credential: { type: string; id: string };
		const policy = config.profile.rotation!.policy;

		beforeAll(async () => {
			env = await TestEnvironment.start();
			credential = env.credential(config.vendor, config.credentialType);
		});
		afterAll(async () => await env.close());
		beforeEach(() => {
			env.sandbox.reset();
			env.sandbox.configure({ registrationDelayMs: 0 });
		});

		const applyRequests = () =>
			env.sandbox
				.requests(config.vendor)
				.filter((request) => request.method === config.applyCall.method && config.applyCall.path.test(request.path));

		it('10,000 generated passwords all meet the policy (length, SIP-safe alphabet, vendor minimum, letter or digit first)', () => {
			for (const requested of [1, policy.minimumLength, 24, 64]) {
				for (let n = 0; n < 2500; n++) {
					const password = generatePassword(requested, policy);
					expect(password.length).toBe(Math.max(requested, policy.minimumLength));
					expect([...password].every((character) => SIP_SAFE_ALPHABET.includes(character))).toBe(true);
					expect(FIRST_CHARACTER_ALPHABET).toContain(password[0]);
				}
			}
		});

		it('Generate Password outputs a policy password without sending anything', async () => {
			const result = await env.run({
				node: config.node,
				credential,
				parameters: { ...(await config.target(env, 0)), operation: 'generatePassword', passwordLength: 30 },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ vendor: config.profile.displayName, length: 30 });
			expect(String(result.items[0].json.newPassword)).toHaveLength(30);
			expect(env.sandbox.requests(config.vendor)).toHaveLength(0);
		});

		it('applies a generated password with the vendor update call and outputs it in newPassword only', async () => {
			const result = await env.run({
				node: config.node,
				credential,
				parameters: rotate(await config.target(env, 0), { verification: 'none' }),
			});
			expect(result.error).toBeUndefined();
			const item = result.items[0].json;
			expect(item).toMatchObject({ vendor: config.profile.displayName, verification: 'skipped' });
			expect(new Date(String(item.rotatedAt)).getTime()).toBeGreaterThan(Date.now() - 60_000);
			const password = String(item.newPassword);
			expect(password).toHaveLength(24);
			const [apply] = applyRequests();
			expect((apply.body as Record<string, unknown>)[config.passwordField]).toBe(password);
			expect(Object.keys(apply.body as object)).toEqual([config.passwordField]);
			const { newPassword: _newPassword, ...rest } = item;
			expect(JSON.stringify(rest)).not.toContain(password);
		});

		it('leaves the password out of the output when asked to', async () => {
			const result = await env.run({
				node: config.node,
				credential,
				parameters: rotate(await config.target(env, 0), { verification: 'none', includeNewPassword: false }),
			});
			expect(result.items[0].json).not.toHaveProperty('newPassword');
		});

		it('"apply, then drop the response": a rerun with the same supplied password converges and the device registers with it', async () => {
			const pending = generatePassword(24, policy);
			const parameters = rotate(await config.target(env, 1), {
				passwordSource: 'provided',
				newPassword: pending,
				verification: 'readBack',
			});
			env.sandbox.injectFault({ vendor: config.vendor, mode: 'applyThenDrop', method: config.applyCall.method });
			const first = await env.run({ node: config.node, credential, parameters, continueOnFail: true });
			expect(first.items).toHaveLength(1);
			expect(first.items[0].json.error).toBeDefined();
			expect(JSON.stringify(first.items)).not.toContain(pending);

			const deviceId = await config.deviceId(env, 1);
			expect(env.sandbox.devices.vendorPassword(config.vendor, deviceId)).toBe(pending);
			env.sandbox.devices.provision(config.vendor, deviceId, pending);
			const rerun = await env.run({ node: config.node, credential, parameters });
			expect(rerun.error).toBeUndefined();
			expect(rerun.items[0].json.newPassword).toBe(pending);
			expect(env.sandbox.devices.vendorPassword(config.vendor, deviceId)).toBe(pending);
			expect(env.sandbox.devices.state(config.vendor, deviceId).registered).toBe(true);
			expect(rerun.items[0].json.verification).toBe(config.verifiable ? 'verified' : 'notVerifiable');
			expect(applyRequests()).toHaveLength(2);
		});

		if (config.verifiable) {
			it('a device never given the new password is "notVerified" after the timeout, and the flow can branch on it', async () => {
				const started = Date.now();
				const result = await env.run({
					node: config.node,
					credential,
					parameters: rotate(await config.target(env, 2), {
						verification: 'waitForRegistration',
						registrationTimeoutSeconds: 2,
						pollIntervalSeconds: 1,
					}),
				});
				expect(result.error).toBeUndefined();
				expect(result.items[0].json.verification).toBe('notVerified');
				expect(result.items[0].json.verificationDetail).toBe(
					'The device did not register with the new password within 2 s.',
				);
				expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
				const reads = env.sandbox.requests(config.vendor).filter((request) => request.method === 'GET');
				expect(reads.length).toBeGreaterThanOrEqual(2);
			});

			it('a device given the new password while the node waits is "verified"', async () => {
				env.sandbox.configure({ registrationDelayMs: 300 });
				const deviceId = await config.deviceId(env, 3);
				const pending = generatePassword(24, policy);
				const running = env.run({
					node: config.node,
					credential,
					parameters: rotate(await config.target(env, 3), {
						passwordSource: 'provided',
						newPassword: pending,
						verification: 'waitForRegistration',
						registrationTimeoutSeconds: 10,
						pollIntervalSeconds: 1,
					}),
				});
				await new Promise((resolve) => setTimeout(resolve, 400));
				env.sandbox.devices.provision(config.vendor, deviceId, pending);
				const result = await running;
				expect(result.items[0].json.verification).toBe('verified');
			});
		} else {
			it('reports "notVerifiable" for a vendor without registration state, never more than it knows', async () => {
				const result = await env.run({
					node: config.node,
					credential,
					parameters: rotate(await config.target(env, 2), { verification: 'readBack' }),
				});
				expect(result.items[0].json.verification).toBe('notVerifiable');
			});
		}

		it('a supplied password below the vendor minimum is refused before any request, without echoing it', async () => {
			const short = 'Ab3-'.slice(0, Math.max(1, policy.minimumLength - 1)).padEnd(policy.minimumLength - 1, 'x');
			const result = await env.run({
				node: config.node,
				credential,
				parameters: rotate(await config.target(env, 0), { passwordSource: 'provided', newPassword: short }),
			});
			expect(result.error?.message).toBe(
				`"New Password" is ${short.length} characters long; this vendor needs at least ${policy.minimumLength} (item 0)`,
			);
			expect(applyRequests()).toHaveLength(0);
		});

		it('no error output of a failed rotation contains the password', async () => {
			const pending = generatePassword(24, policy);
			env.sandbox.injectFault({
				vendor: config.vendor,
				mode: 'status',
				status: 500,
				method: config.applyCall.method,
				body: { detail: `echoing ${pending}`, message: `echoing ${pending}`, error: `echoing ${pending}` },
			});
			// As in a real flow, the pending password arrives from an earlier step by expression.
			const result = await env.run({
				node: config.node,
				credential,
				items: [{ pendingPassword: pending }],
				parameters: rotate(await config.target(env, 0), {
					passwordSource: 'provided',
					newPassword: '={{ $json.pendingPassword }}',
				}),
			});
			expect(result.error).toBeDefined();
			expect(JSON.stringify({ message: result.error?.message, description: result.error?.description })).not.toContain(pending);
			expect(JSON.stringify(result.error)).not.toContain(pending);
		});
	});
}

/** The node class for a vendor, to read its profile from the source the pack ships. */
export function nodeTypeNamed(name: string) {
	return packNodeTypes()[`n8n-nodes-sip-credentials.${name}`];
}
