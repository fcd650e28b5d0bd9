import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { generatePassword } from '../../nodes/shared/password';
import type { VendorProfile } from '../../nodes/shared/vendor';
import { TestEnvironment } from '../harness/run';
import { sandboxSuite } from '../harness/sandboxSuite';

/** What the registration suite needs to know about one vendor with registration state. */
export interface RegistrationTarget {
	vendor: string;
	node: string;
	credentialType: string;
	profile: VendorProfile;
	/** Whether the vendor states a registration time (else only a state). */
	statesTime: boolean;
	/** Get Many over the whole fleet (resource, scope…). */
	fleet(env: TestEnvironment): INodeParameters;
	/** The listed item's field that holds its id (the last path parameter). */
	idField: string;
	/** Node parameters that pick a listed resource (values may be expressions). */
	targetOf(env: TestEnvironment, listed: IDataObject): INodeParameters;
	/** The id the sandbox's device simulation uses for a listed resource. */
	deviceIdOf(env: TestEnvironment, listed: IDataObject): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeRegistration(config: RegistrationTarget): void {
	describe(`${config.vendor}: Check Registration and "Only Not Registered Since" on the engine against the sandbox`, () => {
		const suite = sandboxSuite(config.vendor, config.credentialType, { registrationDelayMs: 0 });
		const policy = config.profile.rotation.policy;
		const label = config.profile.rotation.resourceLabel;

		const run = (
			parameters: INodeParameters,
			extra: { items?: IDataObject[]; continueOnFail?: boolean } = {},
		) => suite.env.run({ node: config.node, credential: suite.credential, parameters, ...extra });

		const listFleet = async (extra: INodeParameters = {}) => {
			const result = await run({
				...config.fleet(suite.env),
				operation: 'getAll',
				returnAll: true,
				...extra,
			});
			expect(result.error).toBeUndefined();
			return result.items.map((item) => item.json);
		};

		/** Rotates a listed resource (no verification) and returns the rotation's `rotatedAt`. */
		const rotate = async (listed: IDataObject, password = generatePassword(24, policy)) => {
			const result = await run({
				...config.targetOf(suite.env, listed),
				operation: 'rotatePassword',
				passwordSource: 'provided',
				newPassword: password,
				verification: 'none',
			});
			expect(result.items[0]?.json.outcome).toBe('applied');
			return String(result.items[0].json.rotatedAt);
		};

		const check = (listed: IDataObject, extra: INodeParameters) =>
			run({ ...config.targetOf(suite.env, listed), operation: 'checkRegistration', ...extra });

		it('a device that registers with the new password while the node waits is "verified" after the rotation', async () => {
			suite.env.sandbox.configure({ registrationDelayMs: 1100 });
			const [, listed] = await listFleet();
			const password = generatePassword(24, policy);
			const rotatedAt = await rotate(listed, password);
			const waiting = check(listed, {
				registeredAfter: rotatedAt,
				check: 'waitForRegistration',
				registrationTimeoutSeconds: 10,
				pollIntervalSeconds: 1,
			});
			await sleep(400);
			suite.env.sandbox.devices.provision(
				config.vendor,
				config.deviceIdOf(suite.env, listed),
				password,
			);
			const result = await waiting;
			expect(result.error).toBeUndefined();
			const item = result.items[0].json;
			expect(item).toMatchObject({
				vendor: config.profile.displayName,
				resource: label,
				registered: true,
				registeredAfter: new Date(rotatedAt).toISOString(),
				verification: 'verified',
			});
			if (config.statesTime) {
				expect(Date.parse(String(item.registeredAt))).toBeGreaterThan(Date.parse(rotatedAt));
				expect(item.verificationDetail).toBe(
					`The ${label} registered at ${item.registeredAt}, after ${item.registeredAfter}.`,
				);
			} else {
				expect(item.registeredAt).toBeNull();
				expect(item.verificationDetail).toContain('signed out at or after');
			}
			// One read later: the registration time still proves it; a state alone does not.
			const once = await check(listed, { registeredAfter: rotatedAt });
			expect(once.items[0].json.verification).toBe(config.statesTime ? 'verified' : 'notVerified');
		});

		it('a device registered since before the given time is "notVerified", and says since when where the vendor does', async () => {
			const [listed] = await listFleet();
			const after = new Date().toISOString();
			const result = await check(listed, { registeredAfter: after });
			const item = result.items[0].json;
			expect(item).toMatchObject({ registered: true, verification: 'notVerified' });
			if (config.statesTime) {
				expect(Date.parse(String(item.registeredAt))).toBeLessThan(Date.parse(after));
				expect(item.verificationDetail).toBe(
					`The ${label} is registered, but since ${item.registeredAt}, not after ${after} (checked once).`,
				);
			} else {
				expect(item.verificationDetail).toContain('does not say since when');
			}
		});

		it('a device never given the new password is "notVerified": not registered, within the wait', async () => {
			const [, , listed] = await listFleet();
			const rotatedAt = await rotate(listed);
			const started = Date.now();
			const result = await check(listed, {
				registeredAfter: rotatedAt,
				check: 'waitForRegistration',
				registrationTimeoutSeconds: 2,
				pollIntervalSeconds: 1,
			});
			expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
			expect(result.items[0].json).toMatchObject({
				registered: false,
				registeredAt: null,
				verification: 'notVerified',
				verificationDetail: `The ${label} is not registered (waited 2 s).`,
			});
		});

		it('a vendor error fails only its item; with Continue On Fail every input item yields one paired output item', async () => {
			const [listed] = await listFleet();
			const parameters = {
				...config.targetOf(suite.env, { ...listed, [config.idField]: '={{ $json.id }}' }),
				operation: 'checkRegistration',
				registeredAfter: '2020-01-01T00:00:00Z',
			};
			const result = await run(parameters, {
				items: [{ id: listed[config.idField] }, { id: 'nosuchresource999' }],
				continueOnFail: true,
			});
			expect(result.items).toHaveLength(2);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(result.items[0].json.registered).toBe(true);
			expect(String(result.items[1].json.error)).toContain('404');
			const stopped = await run(parameters, { items: [{ id: 'nosuchresource999' }] });
			expect(stopped.error?.message).toContain('404');
		});

		it('bad input fails the item before any request, naming the parameter and the item', async () => {
			const [listed] = await listFleet();
			const requestsBefore = suite.env.sandbox.requests(config.vendor).length;
			const unparseable = await check(listed, { registeredAfter: 'next tuesday' });
			expect(unparseable.error?.message).toBe(
				'"Registered After" is not a date and time: "next tuesday" (item 0)',
			);
			expect(unparseable.error?.description).toContain('Nothing was sent to the vendor.');
			// An expression reading a field the item lacks: n8n's own required-check cannot see it.
			const empty = await check(listed, { registeredAfter: '={{ $json.rotatedAt }}' });
			expect(empty.error?.message).toBe(
				'"Registered After" must be text, got nothing (the expression resolved to undefined) (item 0)',
			);
			const nanTimeout = await check(listed, {
				registeredAfter: '2020-01-01T00:00:00Z',
				check: 'waitForRegistration',
				registrationTimeoutSeconds: '={{ $json.timeout }}',
				pollIntervalSeconds: 1,
			});
			expect(nanTimeout.error?.message).toContain(
				'"Registration Timeout (Seconds)" must be a whole number from 1 to 3600',
			);
			expect(suite.env.sandbox.requests(config.vendor)).toHaveLength(requestsBefore);
			// With Continue On Fail the bad item is one paired error item; the good one runs.
			const mixed = await run(
				{
					...config.targetOf(suite.env, listed),
					operation: 'checkRegistration',
					registeredAfter: '={{ $json.after }}',
				},
				{
					items: [{ after: 'yesterday' }, { after: '2020-01-01T00:00:00Z' }],
					continueOnFail: true,
				},
			);
			expect(mixed.items).toHaveLength(2);
			expect(mixed.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(String(mixed.items[0].json.error)).toContain(
				'"Registered After" is not a date and time: "yesterday" (item 0)',
			);
			expect(mixed.items[1].json.registered).toBe(true);
		});

		it('Get Many "Only Not Registered Since" returns the drift only, walking every page; Limit counts kept items', async () => {
			const fleet = await listFleet();
			const last = fleet[fleet.length - 1];
			const since = await rotate(last);
			// A registration in a later whole second than the rotation.
			const repaired = fleet[1];
			const password = generatePassword(24, policy);
			await rotate(repaired, password);
			await sleep(1100);
			suite.env.sandbox.devices.provision(
				config.vendor,
				config.deviceIdOf(suite.env, repaired),
				password,
			);
			const listRequestsBefore = suite.env.sandbox.requests(config.vendor).length;

			const drift = await listFleet({ notRegisteredSince: since });
			const ids = drift.map((item) => String(item[config.idField]));
			expect(ids).toContain(String(last[config.idField]));
			expect(ids).not.toContain(String(repaired[config.idField]));
			// Registered a day ago: before the time, so drift where the vendor states the time.
			if (config.statesTime) expect(ids).toContain(String(fleet[0][config.idField]));
			else expect(ids).not.toContain(String(fleet[0][config.idField]));
			expect(drift.length).toBeLessThan(fleet.length);
			// The last resource is on the last page: the filter kept paging.
			expect(
				suite.env.sandbox.requests(config.vendor).length - listRequestsBefore,
			).toBeGreaterThanOrEqual(2);

			const limited = await run({
				...config.fleet(suite.env),
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				notRegisteredSince: since,
			});
			expect(limited.items.map((item) => item.json[config.idField])).toEqual([
				drift[0][config.idField],
			]);
		});

		it('Get Many with an unparseable "Only Not Registered Since" fails before any request; Continue On Fail pairs it', async () => {
			const result = await run({
				...config.fleet(suite.env),
				operation: 'getAll',
				returnAll: true,
				notRegisteredSince: 'soon',
			});
			expect(result.error?.message).toBe(
				'"Only Not Registered Since" is not a date and time: "soon" (item 0)',
			);
			expect(suite.env.sandbox.requests(config.vendor)).toHaveLength(0);
			const mixed = await run(
				{
					...config.fleet(suite.env),
					operation: 'getAll',
					returnAll: false,
					limit: 2,
					notRegisteredSince: '={{ $json.since }}',
				},
				// Nothing can have registered since a time to come: every resource is kept.
				{ items: [{ since: 'soon' }, { since: '2100-01-01T00:00:00Z' }], continueOnFail: true },
			);
			expect(mixed.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 1 },
			]);
			expect(String(mixed.items[0].json.error)).toContain('"Only Not Registered Since"');
		});
	});
}
