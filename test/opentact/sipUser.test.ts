import type { INodeParameters } from 'n8n-workflow';
import type { RunOptions, TestEnvironment } from '../harness/run';
import { sandboxSuite } from '../harness/sandboxSuite';
import {
	BRANCH_DOMAIN,
	calls,
	EMPTY_DOMAIN,
	MAIN_DOMAIN,
	OutputLedger,
	runSipUser as runOneSipUser,
	VENDOR,
} from './helpers';
import { byId, fromList } from '../harness/locator';
import { expectOneItemPerInput } from '../harness/continueOnFail';

describe('Opentact node: SIP users on the engine, against the sandbox', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };
	let seeded: {
		sipUserIds: string[];
		branchSipUserIds: string[];
		tnLeaseIds: string[];
		sipUserCount: number;
	};
	const ledger = new OutputLedger(() => env);
	const suite = sandboxSuite(VENDOR, 'opentactSipApi', {
		beforeClose: () => {
			// One check over the output of every test in this file.
			expect(ledger.count).toBeGreaterThan(15);
			ledger.assertClean();
		},
	});

	const sessionToken = () => String(env.credentials.stored(credential.id)?.sessionToken ?? '');
	/** Requests other than the login, which the session tests cover. */
	const apiRequests = () =>
		env.sandbox.requests(VENDOR).filter((request) => request.path !== '/rest/auth');
	/** One SIP user operation on the engine, in the seeded main domain unless `parameters` names another. */
	const runSipUser = (
		operation: string,
		parameters: INodeParameters = {},
		options: Pick<RunOptions, 'items' | 'continueOnFail'> = {},
	) => runOneSipUser(ledger, credential, { operation, ...parameters }, options);

	beforeAll(() => {
		env = suite.env;
		credential = suite.credential;
	});
	beforeEach(() => {
		seeded = env.seeded(VENDOR) as typeof seeded;
	});

	describe('Update (Opentact: Modify SIP User)', () => {
		it('sends PATCH /rest/sip/domain/{domain}/user/{uuid} with X-Auth-Token and a JSON body of only the set fields', async () => {
			const id = seeded.sipUserIds[0];
			const result = await runSipUser('update', {
				domain: fromList(MAIN_DOMAIN),
				userId: byId(id),
				updateFields: {
					firstName: 'Ada',
					isActive: false,
					sameDomainCallsOnly: true,
					gender: 'Female',
				},
			});
			expect(result.error).toBeUndefined();
			const [patch, ...others] = apiRequests();
			expect(others).toEqual([]);
			expect(patch.method).toBe('PATCH');
			expect(patch.path).toBe(`/rest/sip/domain/${MAIN_DOMAIN}/user/${id}`);
			expect(patch.headers['x-auth-token']).toBe(sessionToken());
			expect(patch.headers['content-type']).toMatch(/^application\/json/);
			expect(patch.headers.authorization).toBeUndefined();
			expect(patch.query).toEqual({});
			expect(JSON.parse(patch.rawBody)).toEqual({
				first_name: 'Ada',
				is_active: false,
				same_domain_calls_only: true,
				gender: 'Female',
			});
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({
				uuid: id,
				login: 'ext1000',
				first_name: 'Ada',
				last_name: 'acme',
				is_active: false,
				same_domain_calls_only: true,
				gender: 'Female',
				// A disabled user's phone cannot register.
				state: 'offline',
				sip_domain: { domain: MAIN_DOMAIN },
			});
			expect(result.items[0].json).not.toHaveProperty('ha1');
			expect(result.items[0].json).not.toHaveProperty('ha1b');
			expect(result.items[0].json).not.toHaveProperty('success');
		});

		it("sends each of the ten documented Modify fields under Opentact's own name", async () => {
			const id = seeded.sipUserIds[1];
			const newPassword = ledger.secret('Modify-All-Fields-2026');
			const result = await runSipUser('update', {
				userId: byId(id),
				updateFields: {
					isActive: true,
					email: 'ada@example.com',
					lastName: 'Lovelace',
					firstName: 'Ada',
					password: newPassword,
					phoneNumber: '+12025550199',
					tnLease: seeded.tnLeaseIds[0],
					dob: '1990-12-10T00:00:00',
					sameDomainCallsOnly: false,
					gender: 'Other',
				},
			});
			expect(result.error).toBeUndefined();
			const [patch] = apiRequests();
			expect(patch.body).toEqual({
				is_active: true,
				email: 'ada@example.com',
				last_name: 'Lovelace',
				first_name: 'Ada',
				password: newPassword,
				phone_number: '+12025550199',
				tn_lease: seeded.tnLeaseIds[0],
				dob: '1990-12-10T00:00:00',
				same_domain_calls_only: false,
				gender: 'Other',
			});
			expect(result.items[0].json).toMatchObject({
				email: 'ada@example.com',
				phone_number: '+12025550199',
				dob: '1990-12-10T00:00:00',
			});
			expect(env.sandbox.devices.vendorPassword(VENDOR, id)).toBe(newPassword);
		});

		it('a new password signs the phone out until it is provisioned with it (registration simulation)', async () => {
			const id = seeded.sipUserIds[2];
			const newPassword = ledger.secret('Rotated-Pass-7781');
			const get = () => runSipUser('get', { userId: byId(id) });
			expect((await get()).items[0].json.state).toBe('online');
			const updated = await runSipUser('update', {
				userId: byId(id),
				updateFields: { password: newPassword },
			});
			expect(apiRequests().find((request) => request.method === 'PATCH')?.body).toEqual({
				password: newPassword,
			});
			expect(updated.items[0].json.state).toBe('offline');
			expect((await get()).items[0].json.state).toBe('offline');
			env.sandbox.devices.provision(VENDOR, id, newPassword);
			expect((await get()).items[0].json.state).toBe('online');
		});

		it('refuses an update that sets no field, before sending anything', async () => {
			const result = await runSipUser('update', {
				userId: byId(seeded.sipUserIds[0]),
				updateFields: {},
			});
			expect(result.error?.message).toBe('No field to change was set (item 0)');
			expect(result.error?.description).toContain('Add at least one field under "Update Fields"');
			expect(apiRequests()).toHaveLength(0);
		});

		it('refuses a text field added but left empty, naming it, instead of sending ""', async () => {
			const result = await runSipUser('update', {
				userId: byId(seeded.sipUserIds[0]),
				updateFields: { firstName: 'Ada', email: '' },
			});
			expect(result.error?.message).toBe('"Email" is empty (item 0)');
			expect(result.error?.description).toContain('remove it from "Update Fields"');
			expect(result.error?.description).toContain('Nothing was sent to Opentact');
			expect(apiRequests()).toHaveLength(0);
		});

		it('checks documented values before sending: the item named is the one that is wrong', async () => {
			const result = await runSipUser(
				'update',
				{ userId: byId(seeded.sipUserIds[0]), updateFields: { tnLease: '={{ $json.lease }}' } },
				{ items: [{ lease: seeded.tnLeaseIds[1] }, { lease: 'not-a-uuid' }] },
			);
			expect(result.error?.message).toBe(
				'"TN Lease ID" has characters that are not allowed (a TN lease UUID such as 0116f6d1-1280-44b2-9134-da48509ec575) (item 1)',
			);
			expect(
				apiRequests().filter(
					(request) => (request.body as { tn_lease?: string })?.tn_lease === 'not-a-uuid',
				),
			).toHaveLength(0);
		});

		it('refuses a gender outside Male/Female/Other given by an expression', async () => {
			const result = await runSipUser('update', {
				userId: byId(seeded.sipUserIds[0]),
				updateFields: { gender: '={{ "female" }}' },
			});
			expect(result.error?.message).toBe(
				'"Gender" must be one of Male, Female, Other, got "female" (item 0)',
			);
			expect(apiRequests()).toHaveLength(0);
		});
	});

	describe('path parameters', () => {
		it.each([
			['..', MAIN_DOMAIN, '"SIP User" has characters that are not allowed'],
			['../../account', MAIN_DOMAIN, '"SIP User" has characters that are not allowed'],
			['SEEDED', '..', '"SIP Domain" has characters that are not allowed'],
			['SEEDED', '.', '"SIP Domain" has characters that are not allowed'],
			['SEEDED', 'acme/../x', '"SIP Domain" has characters that are not allowed'],
		])(
			'user %p in domain %p (from an expression) is refused before sending',
			async (user, domain, message) => {
				const result = await runSipUser(
					'delete',
					{ domain: byId('={{ $json.domain }}'), userId: byId('={{ $json.user }}') },
					{ items: [{ user: user === 'SEEDED' ? seeded.sipUserIds[0] : user, domain }] },
				);
				expect(result.error?.message).toContain(message);
				expect(result.error?.message).toContain('(item 0)');
				expect(result.error?.description).toContain('Nothing was sent to the vendor');
				expect(apiRequests()).toHaveLength(0);
			},
		);

		it('a typed SIP user ID that is not a UUID is flagged by n8n itself before the run', async () => {
			await expect(
				env.run({
					node: 'opentact',
					credential,
					parameters: {
						resource: 'sipUser',
						operation: 'get',
						domain: byId(MAIN_DOMAIN),
						userId: byId('..'),
					},
				}),
			).rejects.toThrow('Not a SIP user UUID');
			expect(apiRequests()).toHaveLength(0);
		});

		it('encodes the domain as one path segment', async () => {
			const result = await runSipUser('getAll', { domain: byId('odd?name#x'), returnAll: true });
			expect(apiRequests()[0].path).toBe('/rest/sip/domain/odd%3Fname%23x/user');
			expect(result.error?.description).toContain('Opentact said: SIP Domain not found');
		});
	});

	describe('Create', () => {
		it('sends login, password and the profile fields set, and outputs the new user without digests', async () => {
			const password = ledger.secret('Cr3ate-Secret-4410');
			const result = await runSipUser('create', {
				domain: fromList(BRANCH_DOMAIN),
				login: 'alice',
				password,
				additionalFields: {
					firstName: 'Alice',
					lastName: 'Liddell',
					email: 'alice@example.com',
					phoneNumber: '+12025550100',
					avatar: 'https://example.com/alice.png',
					sameDomainCallsOnly: true,
					dob: '1999-01-02T00:00:00',
					gender: 'Female',
				},
			});
			expect(result.error).toBeUndefined();
			const [post] = apiRequests();
			expect([post.method, post.path]).toEqual(['POST', `/rest/sip/domain/${BRANCH_DOMAIN}/user`]);
			expect(post.headers['x-auth-token']).toBe(sessionToken());
			expect(post.body).toEqual({
				login: 'alice',
				password,
				first_name: 'Alice',
				last_name: 'Liddell',
				email: 'alice@example.com',
				phone_number: '+12025550100',
				avatar: 'https://example.com/alice.png',
				same_domain_calls_only: true,
				dob: '1999-01-02T00:00:00',
				gender: 'Female',
			});
			expect(post.status).toBe(201);
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({
				login: 'alice',
				first_name: 'Alice',
				same_domain_calls_only: true,
				state: 'online',
				sip_domain: { domain: BRANCH_DOMAIN },
			});
			expect(env.sandbox.devices.has(VENDOR, String(result.items[0].json.uuid))).toBe(true);
		});

		it('requires the password, naming it and the item, without sending that item', async () => {
			const result = await runSipUser(
				'create',
				{ login: '={{ $json.login }}', password: '={{ $json.password }}' },
				{
					items: [
						{ login: 'bob', password: ledger.secret('Long-Enough-Pass-1') },
						{ login: 'carol', password: '' },
					],
				},
			);
			expect(result.error?.message).toBe('"Password" is required (item 1)');
			expect(result.error?.description).toContain('Nothing was sent');
			expect(
				apiRequests().filter((request) => (request.body as { login?: string })?.login === 'carol'),
			).toHaveLength(0);
		});

		it("an Opentact error answer reaches the NodeApiError description in Opentact's words", async () => {
			const result = await runSipUser('create', {
				login: 'ext1000',
				password: ledger.secret('Duplicate-Login-55'),
			});
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(
				'Opentact Create SIP User failed: Opentact answered HTTP 400',
			);
			expect(result.error?.description).toContain(
				`Opentact said: SIP User with login "ext1000" already exists in ${MAIN_DOMAIN}`,
			);
			expect(result.error?.httpCode).toBe('400');
		});
	});

	describe('Get and Delete', () => {
		it("Get returns the user from the envelope's payload", async () => {
			const id = seeded.sipUserIds[3];
			const result = await runSipUser('get', { userId: byId(id) });
			expect(calls(env).filter((call) => !call.endsWith('/rest/auth'))).toEqual([
				`GET /rest/sip/domain/${MAIN_DOMAIN}/user/${id}`,
			]);
			expect(result.items.map((item) => item.json.uuid)).toEqual([id]);
			expect(result.items[0].json).toMatchObject({
				login: 'ext1003',
				state: 'online',
				is_active: true,
			});
		});

		it("a missing user gives a 404 NodeApiError naming the operation with Opentact's message", async () => {
			const result = await runSipUser('get', {
				userId: byId('00000000-0000-4000-8000-000000000000'),
			});
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(
				'Opentact Get SIP User failed: Opentact answered HTTP 404',
			);
			expect(result.error?.description).toContain('Opentact said: SIP User not found');
			expect(result.error?.httpCode).toBe('404');
		});

		it('Delete answers { deleted: true } and the user and its phone are gone', async () => {
			const id = seeded.branchSipUserIds[0];
			const deleted = await runSipUser('delete', { domain: byId(BRANCH_DOMAIN), userId: byId(id) });
			expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true }]);
			expect(apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
				`DELETE /rest/sip/domain/${BRANCH_DOMAIN}/user/${id}`,
			]);
			expect(env.sandbox.devices.has(VENDOR, id)).toBe(false);
			const again = await runSipUser('get', { domain: byId(BRANCH_DOMAIN), userId: byId(id) });
			expect(again.error?.httpCode).toBe('404');
		});
	});

	describe('Get Many', () => {
		it('Return All gives every user of the domain from one unpaged answer', async () => {
			const result = await runSipUser('getAll', { domain: fromList(MAIN_DOMAIN), returnAll: true });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(seeded.sipUserCount);
			expect(new Set(result.items.map((item) => item.json.uuid)).size).toBe(seeded.sipUserCount);
			const requests = apiRequests();
			expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				`GET /rest/sip/domain/${MAIN_DOMAIN}/user`,
			]);
			expect(requests[0].query).toEqual({});
		});

		it('Limit cuts the list after the answer', async () => {
			const result = await runSipUser('getAll', { returnAll: false, limit: 7 });
			expect(result.items.map((item) => item.json.login)).toEqual([
				'ext1000',
				'ext1001',
				'ext1002',
				'ext1003',
				'ext1004',
				'ext1005',
				'ext1006',
			]);
			expect(apiRequests()).toHaveLength(1);
		});

		it('one run over several domains pairs every user with the input item that named its domain', async () => {
			const result = await runSipUser(
				'getAll',
				{ domain: byId('={{ $json.domain }}'), returnAll: false, limit: 2 },
				{ items: [{ domain: BRANCH_DOMAIN }, { domain: EMPTY_DOMAIN }, { domain: MAIN_DOMAIN }] },
			);
			expect(
				result.items.map((item) => [
					item.pairedItem,
					(item.json.sip_domain as { domain: string }).domain,
				]),
			).toEqual([
				[{ item: 0 }, BRANCH_DOMAIN],
				[{ item: 0 }, BRANCH_DOMAIN],
				[{ item: 2 }, MAIN_DOMAIN],
				[{ item: 2 }, MAIN_DOMAIN],
			]);
		});

		it("a domain without users gives no items; an unknown domain fails with Opentact's 404", async () => {
			const empty = await runSipUser('getAll', { domain: byId(EMPTY_DOMAIN), returnAll: true });
			expect(empty.error).toBeUndefined();
			expect(empty.items).toEqual([]);
			const unknown = await runSipUser('getAll', {
				domain: byId('nope.sip.opentact.org'),
				returnAll: true,
			});
			expect(unknown.error?.message).toBe(
				'Opentact Get Many SIP User failed: Opentact answered HTTP 404',
			);
			expect(unknown.error?.description).toContain('Opentact said: SIP Domain not found');
		});
	});

	describe("Opentact's failure answers", () => {
		const getFirst = () => runSipUser('get', { userId: byId(seeded.sipUserIds[0]) });

		it("a 2xx answer with success: false is an error carrying Opentact's message and status", async () => {
			await getFirst();
			env.sandbox.injectFault({
				vendor: VENDOR,
				mode: 'status',
				status: 200,
				path: '/user/',
				body: { success: false, message: 'Internal processing error', status: 500 },
			});
			const result = await getFirst();
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(
				'Opentact Get SIP User failed: Opentact answered HTTP 500',
			);
			expect(result.error?.description).toContain('Opentact said: Internal processing error');
		});

		it('success: false on a list and on a delete is an error too, not an empty result or { deleted: true }', async () => {
			await getFirst();
			env.sandbox.injectFault({
				vendor: VENDOR,
				mode: 'status',
				status: 200,
				path: '/user$',
				body: { success: false, message: 'List unavailable' },
			});
			const list = await runSipUser('getAll', { returnAll: true });
			expect(list.items).toEqual([]);
			expect(list.error?.description).toContain('Opentact said: List unavailable');
			env.sandbox.injectFault({
				vendor: VENDOR,
				mode: 'status',
				status: 200,
				method: 'DELETE',
				body: { success: false, message: 'SIP User is in use', status: 409 },
			});
			const deleted = await runSipUser('delete', { userId: byId(seeded.sipUserIds[0]) });
			expect(deleted.items).toEqual([]);
			expect(deleted.error?.message).toBe(
				'Opentact Delete SIP User failed: Opentact answered HTTP 409',
			);
			expect(deleted.error?.description).toContain('Opentact said: SIP User is in use');
		});

		it('field errors are listed by field, without echoing the value sent (it may be the password)', async () => {
			const password = ledger.secret('Echoed-Back-Secret-99');
			await getFirst();
			env.sandbox.injectFault({
				vendor: VENDOR,
				mode: 'status',
				status: 400,
				method: 'PATCH',
				body: {
					success: false,
					message: 'Validation failed',
					status: 400,
					meta: 'string',
					fields: { 'body.password': { message: 'password is too weak', value: password } },
				},
			});
			const result = await runSipUser('update', {
				userId: byId(seeded.sipUserIds[0]),
				updateFields: { password },
			});
			expect(result.error?.description).toContain(
				'Opentact said: Validation failed; body.password: password is too weak',
			);
			expect(
				JSON.stringify({ message: result.error?.message, description: result.error?.description }),
			).not.toContain(password);
		});

		it('a yes/no field given as text is refused before Opentact sees it (its own type check answered 400 before)', async () => {
			const result = await runSipUser('update', {
				userId: byId(seeded.sipUserIds[0]),
				updateFields: { isActive: '={{ "yes" }}' },
			});
			expect(result.error?.message).toBe(
				'"Update Fields → Active" must be true or false, got a text of 3 characters (item 0)',
			);
			expect(apiRequests()).toEqual([]);
		});

		it('an empty 200 answer where a user was expected is an error', async () => {
			await getFirst();
			env.sandbox.injectFault({ vendor: VENDOR, mode: 'empty', status: 200, path: '/user/' });
			const result = await getFirst();
			expect(result.error?.description).toContain(
				'The answer was empty where a JSON object was expected.',
			);
		});
	});

	it('Continue On Fail: 5 items of which 2 fail give 5 items, each paired with its input', async () => {
		const missing = '00000000-0000-4000-8000-00000000000';
		const ids = [
			seeded.sipUserIds[0],
			`${missing}1`,
			seeded.sipUserIds[1],
			`${missing}2`,
			seeded.sipUserIds[2],
		];
		const result = await runSipUser(
			'get',
			{ userId: byId('={{ $json.id }}') },
			{ continueOnFail: true, items: ids.map((id) => ({ id })) },
		);
		expectOneItemPerInput(result, [false, true, false, true, false]);
		expect(result.items[1].json.error).toBe(
			'Opentact Get SIP User failed: Opentact answered HTTP 404',
		);
		expect(result.items.filter((item) => !item.json.error).map((item) => item.json.uuid)).toEqual([
			ids[0],
			ids[2],
			ids[4],
		]);
	});

	it('Continue On Fail also keeps items that fail validation, paired with their input', async () => {
		const result = await runSipUser(
			'get',
			{ userId: byId('={{ $json.id }}') },
			{
				continueOnFail: true,
				items: [{ id: seeded.sipUserIds[0] }, { id: '..' }, { id: seeded.sipUserIds[1] }],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(String(result.items[1].json.error)).toContain(
			'"SIP User" has characters that are not allowed',
		);
		expect(apiRequests().filter((request) => request.path.endsWith('/..'))).toHaveLength(0);
	});
});
