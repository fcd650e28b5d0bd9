import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { generatePassword } from '../../nodes/shared/password';
import { sandboxSuite } from '../harness/sandboxSuite';
import type { RotationTarget } from './suite';

/** Rotate Password's Dry Run for one vendor: checks and reads, never writes, never shows a password. */
export function describeDryRun(config: RotationTarget): void {
	describe(`${config.vendor}: Rotate Password Dry Run on the engine against the sandbox`, () => {
		const suite = sandboxSuite(config.vendor, config.credentialType);
		const policy = config.profile.rotation.policy;

		const writes = () =>
			suite.env.sandbox.requests(config.vendor).filter((request) => request.method !== 'GET');
		const dryRun = async (
			index: number,
			extra: INodeParameters,
			items?: IDataObject[],
			continueOnFail = false,
		) =>
			await suite.env.run({
				node: config.node,
				credential: suite.credential,
				parameters: {
					...(await config.target(suite.env, index)),
					operation: 'rotatePassword',
					dryRun: true,
					...extra,
				},
				items,
				continueOnFail,
			});

		it('with a provided password: reads the resource, reports the masked write and the verification, writes nothing', async () => {
			const deviceId = await config.deviceId(suite.env, 0);
			const before = suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId);
			const password = generatePassword(24, policy);
			const result = await dryRun(0, {
				passwordSource: 'provided',
				newPassword: password,
				verification: config.verifiable ? 'waitForRegistration' : 'readBack',
				registrationTimeoutSeconds: 30,
				pollIntervalSeconds: 3,
			});
			expect(result.error).toBeUndefined();
			const item = result.items[0].json;
			expect(item).toMatchObject({
				vendor: config.profile.displayName,
				outcome: 'dryRun',
				wouldSend: {
					method: config.applyCall.method,
					body: { [config.passwordField]: '********' },
				},
				passwordSource: 'provided',
				verificationPlan: config.verifiable ? 'waitForRegistration' : 'readBack',
			});
			expect(Object.keys((item.wouldSend as IDataObject).body as IDataObject)).toEqual([
				config.passwordField,
			]);
			expect(String((item.wouldSend as IDataObject).url)).toMatch(
				new RegExp(`/${String(item.resourceId).split('/').pop()}/?$`),
			);
			expect(item.verificationDetail).toContain(
				config.verifiable ? 'every 3 s for up to 30 s' : '"notVerifiable"',
			);
			if (config.verifiable) expect(item.registered).toBe(true);
			expect(JSON.stringify(result.items)).not.toContain(password);
			expect(item).not.toHaveProperty('newPassword');
			// One read, no write: the vendor still holds the old password.
			expect(writes()).toHaveLength(0);
			// (Opentact's login is a GET of its own, on another path.)
			const reads = suite.env.sandbox
				.requests(config.vendor)
				.filter((request) => request.method === 'GET' && config.applyCall.path.test(request.path));
			expect(reads).toHaveLength(1);
			expect(suite.env.sandbox.devices.vendorPassword(config.vendor, deviceId)).toBe(before);
		});

		it('with Password Source = Generate: says a password would be generated, generates none, writes nothing', async () => {
			const result = await dryRun(0, { passwordLength: 30, verification: 'none' });
			const item = result.items[0].json;
			expect(item).toMatchObject({
				outcome: 'dryRun',
				passwordSource: 'generate',
				verificationPlan: 'none',
			});
			expect(item.passwordDetail).toBe(
				'A password of 30 characters would be generated when the rotation runs; none was generated.',
			);
			expect(item).not.toHaveProperty('newPassword');
			expect(writes()).toHaveLength(0);
		});

		it('checks every input as the real run does, before any request', async () => {
			const short = 'x'.repeat(policy.minimumLength - 1);
			const refused = await dryRun(0, { passwordSource: 'provided', newPassword: short });
			expect(refused.error?.message).toBe(
				`"New Password" is ${short.length} characters long; this vendor needs at least ${policy.minimumLength} (item 0)`,
			);
			const unsafe = await dryRun(0, { includeNewPassword: false });
			expect(unsafe.error?.message).toContain('"Output New Password" is off');
			if (config.verifiable) {
				const nan = await dryRun(0, {
					verification: 'waitForRegistration',
					registrationTimeoutSeconds: '={{ $json.nothing }}',
				});
				expect(nan.error?.message).toContain(
					'"Registration Timeout (Seconds)" must be a whole number from 1 to 3600',
				);
			}
			expect(suite.env.sandbox.requests(config.vendor)).toHaveLength(0);
			// The same parameters, fixed, pass the checks and still write nothing.
			const fixed = await dryRun(0, { verification: 'none' });
			expect(fixed.items[0].json.outcome).toBe('dryRun');
			expect(writes()).toHaveLength(0);
		});

		it('a resource the vendor does not have fails its item; with Continue On Fail items in = items out, and nothing is written', async () => {
			const fault = {
				vendor: config.vendor,
				mode: 'status' as const,
				status: 404,
				method: 'GET',
				count: 1,
				body: { detail: 'Not found.', message: 'Not found' },
			};
			suite.env.sandbox.injectFault(fault);
			const result = await dryRun(0, { verification: 'none' }, [{}, {}], true);
			expect(result.items).toHaveLength(2);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(
				result.items.map(
					(item) => item.json.outcome ?? (item.json.details as IDataObject)?.outcome,
				),
			).toEqual(['notApplied', 'dryRun']);
			expect(writes()).toHaveLength(0);
		});
	});
}
