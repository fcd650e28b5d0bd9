import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { FaultSpec } from '../../sandbox/core/types';
import {
	FIRST_CHARACTER_ALPHABET,
	generatePassword,
	SIP_SAFE_ALPHABET,
} from '../../nodes/shared/password';
import { TestEnvironment } from '../harness/run';
import { sandboxSuite } from '../harness/sandboxSuite';
import { packNodeTypes } from '../harness/pack';
import type { VendorProfile } from '../../nodes/shared/vendor';
import { describeDryRun } from './dryRun';

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
	/** The vendor signs out every device on a password change, so a registration read after it counts. */
	changeSignsOut?: boolean;
	/** The request path (below the vendor prefix) and method that apply the password. */
	applyCall: { method: string; path: RegExp };
	/** The body field that carries the password in the vendor's update call. */
	passwordField: string;
	/** The status of the vendor's validation error (a password it refuses). */
	validationStatus: 400 | 422;
}

type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

/** One way an apply can fail, as the sandbox injects it, and what the node must make of it. */
interface ApplyFailure {
	name: string;
	outcome: 'unknown' | 'refused';
	/** Whether the vendor ends up holding the new password. */
	vendorApplies: boolean;
	fault: (config: RotationTarget) => Omit<FaultSpec, 'vendor'>;
	parameters?: INodeParameters;
}

const APPLY_FAILURES: ApplyFailure[] = [
	{
		name: 'a 5xx after the vendor applied the change',
		outcome: 'unknown',
		vendorApplies: true,
		fault: () => ({ mode: 'applyThenStatus', status: 503, body: { detail: 'upstream failed' } }),
	},
	{
		name: 'the connection dropped after the vendor applied the change',
		outcome: 'unknown',
		vendorApplies: true,
		fault: () => ({ mode: 'applyThenDrop' }),
	},
	{
		name: 'a timeout (the vendor applies after the node gave up)',
		outcome: 'unknown',
		vendorApplies: true,
		fault: () => ({ mode: 'delay', delayMs: 1500 }),
		parameters: { requestOptions: { timeout: 300 } },
	},
	{
		name: 'a redirect (never followed)',
		outcome: 'unknown',
		vendorApplies: false,
		fault: () => ({
			mode: 'status',
			status: 302,
			headers: { location: 'https://elsewhere.example/update' },
		}),
	},
	{
		name: 'a validation 4xx refusing the password',
		outcome: 'refused',
		vendorApplies: false,
		fault: (config) => ({
			mode: 'status',
			status: config.validationStatus,
			body: {
				detail: 'password does not meet the policy',
				message: 'password does not meet the policy',
			},
		}),
	},
];

const rotate = (target: INodeParameters, extra: INodeParameters): INodeParameters => ({
	...target,
	operation: 'rotatePassword',
	...extra,
});

export function describeRotation(config: RotationTarget): void {
	describeDryRun(config);
	describe(`${config.vendor}: password rotation on the engine against the sandbox`, () => {
		const suite = sandboxSuite(config.vendor, config.credentialType, { registrationDelayMs: 0 });
		const policy = config.profile.rotation.policy;

		const applyRequests = () =>
			suite.env.sandbox
				.requests(config.vendor)
				.filter(
					(request) =>
						request.method === config.applyCall.method && config.applyCall.path.test(request.path),
				);

		/** Runs the node with an "On Error" setting: its main output, its error output and the run's error. */
		const runWith = async (
			onError: OnError,
			parameters: INodeParameters,
			items: IDataObject[] = [{}],
		) => {
			const result = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters,
				items,
				onError,
			});
			return { main: result.items, errorOutput: result.errorItems, error: result.error };
		};

		/** Waits (at most 5 s) until the vendor holds `password`: a delayed apply lands after the node gave up. */
		const vendorComesToHold = async (deviceId: string, password: string) => {
			for (
				let waited = 0;
				waited < 5000 &&
				suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId) !== password;
				waited += 50
			) {
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId);
		};

		for (const failure of APPLY_FAILURES) {
			it(`${failure.name}: outcome "${failure.outcome}"; every On Error setting leaves n8n holding any password the vendor may hold, and no message shows it`, async () => {
				for (const onError of [
					'continueErrorOutput',
					'continueRegularOutput',
					'stopWorkflow',
				] as const) {
					// A reset seeds new resources (some vendors' IDs are random): pick the target after it.
					suite.env.sandbox.reset();
					const deviceId = await config.deviceId(suite.env, 1);
					const parameters = rotate(await config.target(suite.env, 1), {
						verification: 'none',
						...failure.parameters,
					});
					const before = suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId);
					suite.env.sandbox.injectFault({
						vendor: config.vendor,
						method: config.applyCall.method,
						...failure.fault(config),
					});
					const result = await runWith(onError, parameters);
					const applies = applyRequests();
					expect(applies).toHaveLength(1);
					const sent = String((applies[0].body as IDataObject)[config.passwordField]);
					const held = failure.vendorApplies
						? await vendorComesToHold(deviceId, sent)
						: suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId);
					expect(held).toBe(failure.vendorApplies ? sent : before);
					const context = `${onError}: ${JSON.stringify({ main: result.main, errorOutput: result.errorOutput, error: result.error?.message })}`;

					if (onError === 'stopWorkflow' && failure.outcome === 'refused') {
						// Nothing is live that n8n does not have: the run stops, saying what to do.
						expect({ context, items: result.main.length }).toEqual({ context, items: 0 });
						expect(result.error?.message).toContain(
							`${config.profile.displayName} refused this password; the previous one is still live`,
						);
						expect(result.error?.message).toContain('generate a new one');
						expect(
							JSON.stringify({ m: result.error?.message, d: result.error?.description }),
						).not.toContain(sent);
						continue;
					}
					// The item: on the error output with that setting, else on the main output (a generated
					// password that may be live exists nowhere else, so even "Stop Workflow" outputs it).
					const [item, ...rest] =
						onError === 'continueErrorOutput' ? result.errorOutput : result.main;
					expect({ context, rest: rest.length, error: result.error?.message }).toEqual({
						context,
						rest: 0,
						error: undefined,
					});
					if (onError === 'continueErrorOutput') expect(result.main).toHaveLength(0);
					expect(item.pairedItem).toEqual({ item: 0 });
					const details = item.json.details as IDataObject;
					expect(details).toMatchObject({
						outcome: failure.outcome,
						vendor: config.profile.displayName,
						resourceId: expect.any(String),
					});
					if (failure.outcome === 'unknown') {
						expect(details.pendingPassword).toBe(sent);
						expect(item.json.error).toContain('The outcome is unknown');
						expect(item.json.error).toContain('"pendingPassword"');
						expect(item.json.error).toContain('re-applying the same password converges');
					} else {
						// Refused: the previous password is live, but should the vendor have kept the new one all
						// the same, n8n still has it.
						expect(details.pendingPassword).toBe(sent);
						expect(item.json.error).toContain('refused this password');
					}
					const { pendingPassword: _pending, ...shown } = details;
					expect(JSON.stringify({ error: item.json.error, shown })).not.toContain(sent);
				}
			});
		}

		it('Generate with several items and "On Error: Stop Workflow" is refused before any request (one failure would discard every applied password)', async () => {
			const parameters = rotate(await config.target(suite.env, 0), { verification: 'none' });
			const result = await runWith('stopWorkflow', parameters, [{}, {}]);
			expect(result.error?.message).toBe(
				'"Password Source: Generate" with 2 items needs the node\'s "On Error" setting to continue (item 0)',
			);
			expect(result.error?.description).toContain('Continue (using error output)');
			expect(result.error?.description).toContain('Nothing was sent to the vendor.');
			expect(applyRequests()).toHaveLength(0);
			// With the error output, the same items run and each yields an item.
			const tolerant = await runWith('continueErrorOutput', parameters, [{}, {}]);
			expect(tolerant.main.map((item) => item.json.outcome)).toEqual(['applied', 'applied']);
		});

		it('the first Rotate Password in the editor (one item, default settings) rotates and outputs the password', async () => {
			const deviceId = await config.deviceId(suite.env, 0);
			const result = await runWith('stopWorkflow', {
				...(await config.target(suite.env, 0)),
				operation: 'rotatePassword',
			});
			expect(result.error).toBeUndefined();
			expect(result.main[0].json).toMatchObject({
				outcome: 'applied',
				verification: config.verifiable ? 'notVerified' : 'notVerifiable',
			});
			expect(suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId)).toBe(
				result.main[0].json.newPassword,
			);
		});

		it('10,000 generated passwords all meet the policy (length, SIP-safe alphabet, vendor minimum, letter or digit first)', () => {
			for (const requested of [1, policy.minimumLength, 24, 64]) {
				for (let n = 0; n < 2500; n++) {
					const password = generatePassword(requested, policy);
					expect(password.length).toBe(Math.max(requested, policy.minimumLength));
					expect([...password].every((character) => SIP_SAFE_ALPHABET.includes(character))).toBe(
						true,
					);
					expect(FIRST_CHARACTER_ALPHABET).toContain(password[0]);
				}
			}
		});

		it('Generate Password outputs a policy password without sending anything', async () => {
			const result = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters: {
					...(await config.target(suite.env, 0)),
					operation: 'generatePassword',
					passwordLength: 30,
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				vendor: config.profile.displayName,
				length: 30,
			});
			expect(String(result.items[0].json.newPassword)).toHaveLength(30);
			expect(suite.env.sandbox.requests(config.vendor)).toHaveLength(0);
		});

		it('applies a generated password with the vendor update call and outputs it in newPassword only', async () => {
			const result = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters: rotate(await config.target(suite.env, 0), { verification: 'none' }),
			});
			expect(result.error).toBeUndefined();
			const item = result.items[0].json;
			expect(item).toMatchObject({
				vendor: config.profile.displayName,
				outcome: 'applied',
				verification: 'skipped',
			});
			expect(new Date(String(item.rotatedAt)).getTime()).toBeGreaterThan(Date.now() - 60_000);
			const password = String(item.newPassword);
			expect(password).toHaveLength(24);
			const [apply] = applyRequests();
			expect((apply.body as Record<string, unknown>)[config.passwordField]).toBe(password);
			expect(Object.keys(apply.body as object)).toEqual([config.passwordField]);
			const { newPassword: _newPassword, ...rest } = item;
			expect(JSON.stringify(rest)).not.toContain(password);
		});

		it('leaves a supplied password out of the output when asked to', async () => {
			const result = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters: rotate(await config.target(suite.env, 0), {
					verification: 'none',
					includeNewPassword: false,
					passwordSource: 'provided',
					newPassword: generatePassword(24, policy),
				}),
			});
			expect(result.items[0].json).toMatchObject({ outcome: 'applied' });
			expect(result.items[0].json).not.toHaveProperty('newPassword');
		});

		it('a generated password with "Output New Password" off is refused before any request: it would be known nowhere', async () => {
			const result = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters: rotate(await config.target(suite.env, 0), {
					verification: 'none',
					includeNewPassword: false,
				}),
			});
			expect(result.error?.message).toBe(
				'"Output New Password" is off, so the generated password would be known nowhere once applied (item 0)',
			);
			expect(result.error?.description).toContain('Turn on "Output New Password"');
			expect(applyRequests()).toHaveLength(0);
		});

		it('"apply, then drop the response": a rerun with the same supplied password converges and the device registers with it', async () => {
			const pending = generatePassword(24, policy);
			const parameters = rotate(await config.target(suite.env, 1), {
				passwordSource: 'provided',
				newPassword: pending,
				verification: 'readBack',
			});
			suite.env.sandbox.injectFault({
				vendor: config.vendor,
				mode: 'applyThenDrop',
				method: config.applyCall.method,
			});
			const first = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters,
				continueOnFail: true,
			});
			expect(first.items).toHaveLength(1);
			expect(first.items[0].json.error).toBeDefined();
			expect(first.items[0].json.details).toMatchObject({
				outcome: 'unknown',
				pendingPassword: pending,
			});
			expect(String(first.items[0].json.error)).not.toContain(pending);

			const deviceId = await config.deviceId(suite.env, 1);
			expect(suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId)).toBe(pending);
			suite.env.sandbox.devices.provision(config.vendor, deviceId, pending);
			const rerun = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters,
			});
			expect(rerun.error).toBeUndefined();
			expect(rerun.items[0].json.newPassword).toBe(pending);
			expect(suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId)).toBe(pending);
			expect(suite.env.sandbox.devices.state(config.vendor, deviceId).registered).toBe(true);
			expect(applyRequests()).toHaveLength(2);
			// The device registered before this apply: that proves nothing about this apply, unless the vendor
			// signs every device out on a change (then the registration read after it is a new one).
			if (config.changeSignsOut) {
				expect(rerun.items[0].json.verification).toBe('verified');
			} else {
				expect(rerun.items[0].json.verification).toBe(
					config.verifiable ? 'notVerified' : 'notVerifiable',
				);
				if (config.verifiable)
					expect(rerun.items[0].json.verificationDetail).toContain('It is registered, but');
			}
		});

		if (config.verifiable) {
			it('a device never given the new password is "notVerified" after the timeout, and the flow can branch on it', async () => {
				const started = Date.now();
				const result = await suite.env.run({
					node: config.node,
					credential: suite.credential,
					parameters: rotate(await config.target(suite.env, 2), {
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
				const reads = suite.env.sandbox
					.requests(config.vendor)
					.filter((request) => request.method === 'GET');
				expect(reads.length).toBeGreaterThanOrEqual(2);
			});

			it(
				config.changeSignsOut
					? 'a registration read after the apply is "verified": the vendor signs every device out on a change'
					: 'a registration that cannot be told from one before the apply is never "verified" (same second, no sign-out seen)',
				async () => {
					// The phone already has the new password: it registers the moment the vendor takes it, in the apply's
					// own second and without a sign-out in between — indistinguishable from a registration just before it.
					const deviceId = await config.deviceId(suite.env, 3);
					const pending = generatePassword(24, policy);
					suite.env.sandbox.devices.provision(config.vendor, deviceId, pending);
					const result = await suite.env.run({
						node: config.node,
						credential: suite.credential,
						parameters: rotate(await config.target(suite.env, 3), {
							passwordSource: 'provided',
							newPassword: pending,
							verification: 'readBack',
						}),
					});
					expect(suite.env.sandbox.devices.state(config.vendor, deviceId).registered).toBe(true);
					if (config.changeSignsOut) {
						expect(result.items[0].json).toMatchObject({
							outcome: 'applied',
							verification: 'verified',
						});
						expect(result.items[0].json.verificationDetail).toContain(
							'signs out every device when its password changes',
						);
						return;
					}
					expect(result.items[0].json).toMatchObject({
						outcome: 'applied',
						verification: 'notVerified',
					});
					expect(result.items[0].json.verificationDetail).toContain('It is registered, but');
				},
			);

			it('a device given the new password while the node waits is "verified"', async () => {
				// The registration lands in a later second than the apply: vendors state registration times to the second.
				suite.env.sandbox.configure({ registrationDelayMs: 1100 });
				const deviceId = await config.deviceId(suite.env, 3);
				const pending = generatePassword(24, policy);
				const running = suite.env.run({
					node: config.node,
					credential: suite.credential,
					parameters: rotate(await config.target(suite.env, 3), {
						passwordSource: 'provided',
						newPassword: pending,
						verification: 'waitForRegistration',
						registrationTimeoutSeconds: 10,
						pollIntervalSeconds: 1,
					}),
				});
				await new Promise((resolve) => setTimeout(resolve, 400));
				suite.env.sandbox.devices.provision(config.vendor, deviceId, pending);
				const result = await running;
				expect(result.items[0].json.verification).toBe('verified');
			});
		} else {
			it('reports "notVerifiable" for a vendor without registration state, never more than it knows', async () => {
				const result = await suite.env.run({
					node: config.node,
					credential: suite.credential,
					parameters: rotate(await config.target(suite.env, 2), { verification: 'readBack' }),
				});
				expect(result.items[0].json.verification).toBe('notVerifiable');
			});
		}

		it('a supplied password below the vendor minimum is refused before any request, without echoing it', async () => {
			const short = 'Ab3-'
				.slice(0, Math.max(1, policy.minimumLength - 1))
				.padEnd(policy.minimumLength - 1, 'x');
			const result = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters: rotate(await config.target(suite.env, 0), {
					passwordSource: 'provided',
					newPassword: short,
				}),
			});
			expect(result.error?.message).toBe(
				`"New Password" is ${short.length} characters long; this vendor needs at least ${policy.minimumLength} (item 0)`,
			);
			expect(applyRequests()).toHaveLength(0);
		});

		it('no error output of a failed rotation contains the password', async () => {
			const pending = generatePassword(24, policy);
			suite.env.sandbox.injectFault({
				vendor: config.vendor,
				mode: 'status',
				status: 500,
				method: config.applyCall.method,
				body: {
					detail: `echoing ${pending}`,
					message: `echoing ${pending}`,
					error: `echoing ${pending}`,
				},
			});
			// As in a real flow, the pending password arrives from an earlier step by expression.
			const result = await suite.env.run({
				node: config.node,
				credential: suite.credential,
				items: [{ pendingPassword: pending }],
				parameters: rotate(await config.target(suite.env, 0), {
					passwordSource: 'provided',
					newPassword: '={{ $json.pendingPassword }}',
				}),
			});
			expect(result.error).toBeDefined();
			expect(
				JSON.stringify({ message: result.error?.message, description: result.error?.description }),
			).not.toContain(pending);
			expect(JSON.stringify(result.error)).not.toContain(pending);
		});
	});
}

/** The node class for a vendor, to read its profile from the source the pack ships. */
export function nodeTypeNamed(name: string) {
	return packNodeTypes()[`n8n-nodes-sip-credentials.${name}`];
}
