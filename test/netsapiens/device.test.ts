import type { IDataObject } from 'n8n-workflow';
import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';

const own = { domain: byId('~'), user: byId('~') };
const DEVICES = '/ns-api/v2/domains/~/users/~/devices';

/** Every Update field as the node names it, with the value and the NetSapiens key it must become. */
const ALL_23: { name: string; value: unknown; key: string; sent?: unknown }[] = [
	{
		name: 'sipRegistrationPassword',
		value: 'Rot8ted-Pass-2026',
		key: 'device-sip-registration-password',
	},
	{ name: 'callerIdNumberEmergency', value: '8585550100', key: 'caller-id-number-emergency' },
	{
		name: 'forceNotifyNewVoicemails',
		value: 'yes',
		key: 'device-force-notify-new-voicemails-enabled',
	},
	{ name: 'deviceLevelCallRecording', value: 'yes', key: 'device-level-call-recording-enabled' },
	{ name: 'pushEnabled', value: 'no', key: 'device-push-enabled' },
	{ name: 'registrationExpirySeconds', value: 300, key: 'device-sip-registration-expiry-seconds' },
	{
		name: 'ignoreForPresenceCalculation',
		value: 'yes',
		key: 'device-sip-registration-ignore-for-presence-calculation',
	},
	{
		name: 'ignoreRegistrationReport',
		value: 'yes',
		key: 'device-sip-registration-ignore-report-enabled',
	},
	{ name: 'noToTagInCancel', value: 'yes', key: 'device-sip-no-to-tag-in-cancel' },
	{ name: 'srtp', value: 'opportunistic', key: 'device-srtp-enabled' },
	{ name: 'autoAnswer', value: 'yes', key: 'auto-answer-enabled' },
	{
		name: 'recordingConfiguration',
		value: 'yes-with-transcription-and-sentiment',
		key: 'recording-configuration',
	},
	{ name: 'allowedUserAgent', value: 'Yealink', key: 'device-sip-allowed-user-agent' },
	{ name: 'natTraversal', value: 'fixed', key: 'device-sip-nat-traversal-enabled' },
	{ name: 'emergencyAddressId', value: 'addr-42', key: 'emergency-address-id' },
	{ name: 'model', value: 'T48S', key: 'device-models-model' },
	{ name: 'macAddress', value: '805ec0123456', key: 'device-provisioning-mac-address' },
	{
		name: 'provisioningCoreServer',
		value: 'core2.sandbox.example',
		key: 'device-provisioning-registration-core-server',
	},
	{ name: 'transportProtocol', value: 'tls', key: 'device-provisioning-sip-transport-protocol' },
	{ name: 'provisioningUsername', value: 'prov-1000a', key: 'device-provisioning-username' },
	{ name: 'provisioningPassword', value: 'Pr0v-Secret-77', key: 'device-provisioning-password' },
	{ name: 'provisioningLine', value: 2, key: 'device-provisioning-line' },
	{
		name: 'provisioningOverrides',
		value: 'account.1.label=Front desk',
		key: 'device-provisioning-overrides',
	},
];

describe('NetSapiens Device on the engine, against the sandbox', () => {
	let env: TestEnvironment;
	let credential: { type: string; id: string };
	let apiKey: string;

	beforeAll(async () => {
		env = await TestEnvironment.start();
		credential = env.credential('netsapiens', 'netSapiensSipApi');
		apiKey = env.sandbox.endpoints().netsapiens.credentials.apiKey as string;
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.reset();
	});

	const run = async (
		parameters: IDataObject,
		extra: { items?: IDataObject[]; continueOnFail?: boolean } = {},
	) =>
		await env.run({
			node: 'netSapiens',
			credential,
			parameters: { resource: 'device', ...parameters },
			...extra,
		});
	const requests = () => env.sandbox.requests('netsapiens');
	const registration = (device: string) =>
		env.sandbox.devices.state('netsapiens', `${device}@sandbox.example`);

	describe('Update', () => {
		it('sends all 23 fields under their NetSapiens names with their documented types, and outputs which were sent', async () => {
			const updateFields = Object.fromEntries(ALL_23.map((field) => [field.name, field.value]));
			const result = await run({
				operation: 'update',
				...own,
				device: byId('1000a'),
				updateFields,
			});
			expect(result.error).toBeUndefined();
			const [put] = requests();
			expect([put.method, put.path, put.status]).toEqual(['PUT', `${DEVICES}/1000a`, 202]);
			expect(put.headers.authorization).toBe(`Bearer ${apiKey}`);
			expect(put.headers['content-type']).toContain('application/json');
			expect(put.body).toEqual(Object.fromEntries(ALL_23.map((field) => [field.key, field.value])));
			expect(Object.keys(put.body as IDataObject)).toHaveLength(23);
			expect(typeof (put.body as IDataObject)['device-sip-registration-expiry-seconds']).toBe(
				'number',
			);
			expect(typeof (put.body as IDataObject)['device-provisioning-line']).toBe('number');

			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toEqual({
				accepted: true,
				status: 202,
				code: 202,
				message: 'Accepted',
				domain: '~',
				user: '~',
				device: '1000a',
				fieldsSent: ALL_23.map((field) => field.key),
			});
			const output = JSON.stringify(result.items);
			expect(output).not.toContain('Rot8ted-Pass-2026');
			expect(output).not.toContain('Pr0v-Secret-77');
			expect(env.sandbox.devices.vendorPassword('netsapiens', '1000a@sandbox.example')).toBe(
				'Rot8ted-Pass-2026',
			);
		});

		it('sends exactly the 2 fields that were set', async () => {
			const result = await run({
				operation: 'update',
				...own,
				device: byId('1000b'),
				updateFields: { srtp: 'yes', registrationExpirySeconds: 120 },
			});
			expect(result.error).toBeUndefined();
			expect(requests()[0].body).toEqual({
				'device-srtp-enabled': 'yes',
				'device-sip-registration-expiry-seconds': 120,
			});
			expect(result.items[0].json.fieldsSent).toEqual([
				'device-sip-registration-expiry-seconds',
				'device-srtp-enabled',
			]);
		});

		it('clears the nullable fields with null when they are left empty', async () => {
			await run({
				operation: 'update',
				...own,
				device: byId('1000c'),
				updateFields: {
					emergencyAddressId: '',
					provisioningUsername: '',
					provisioningPassword: '',
				},
			});
			expect(requests()[0].body).toEqual({
				'emergency-address-id': null,
				'device-provisioning-username': null,
				'device-provisioning-password': null,
			});
			expect(requests()[0].status).toBe(202);
		});

		it('a new password signs the phone out until it has the password too (registration fields follow)', async () => {
			expect(registration('1000d').registered).toBe(true);
			await run({
				operation: 'update',
				...own,
				device: byId('1000d'),
				updateFields: { sipRegistrationPassword: 'Fresh-Pass-9876' },
			});
			const after = await run({ operation: 'get', ...own, device: byId('1000d') });
			expect(after.items[0].json).toMatchObject({
				'device-sip-registration-state': 'unregistered',
				'device-sip-registration-datetime': null,
				'device-sip-registration-user-agent': '',
			});
			env.sandbox.devices.provision('netsapiens', '1000d@sandbox.example', 'Fresh-Pass-9876');
			const registered = await run({ operation: 'get', ...own, device: byId('1000d') });
			expect(registered.items[0].json).toMatchObject({
				'device-sip-registration-state': 'registered',
				'device-sip-registration-datetime': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				'device-sip-registration-user-agent': expect.stringMatching(/\S/),
			});
		});

		it('refuses an update without fields, or with an empty SIP password, before sending anything', async () => {
			const empty = await run({
				operation: 'update',
				...own,
				device: byId('1000a'),
				updateFields: {},
			});
			expect(empty.error?.message).toBe('No field to change was set (item 0)');
			const blank = await run({
				operation: 'update',
				...own,
				device: byId('1000a'),
				updateFields: { sipRegistrationPassword: '={{ $json.missing ?? "" }}' },
			});
			expect(blank.error?.message).toBe('"SIP Registration Password" is empty (item 0)');
			expect(blank.error?.description).toContain('Nothing was sent to NetSapiens');
			expect(requests()).toHaveLength(0);
		});
	});

	describe('validation before sending names the field and the item', () => {
		const cases: [string, IDataObject, string][] = [
			[
				'a domain over 64 characters',
				{
					domain: byId('={{ $itemIndex === 1 ? "d".repeat(65) : "~" }}'),
					user: byId('~'),
					updateFields: { srtp: 'no' },
				},
				'"Domain" may be at most 64 characters long; this value has 65 (item 1)',
			],
			[
				'a user over 16 characters',
				{
					domain: byId('~'),
					user: byId('={{ $itemIndex === 1 ? "1".repeat(17) : "~" }}'),
					updateFields: { srtp: 'no' },
				},
				'"User" may be at most 16 characters long; this value has 17 (item 1)',
			],
			[
				'an unknown enum value',
				{ ...own, updateFields: { srtp: '={{ $itemIndex === 1 ? "maybe" : "no" }}' } },
				'"SRTP" must be one of yes, no, opportunistic, got "maybe" (item 1)',
			],
			[
				'a non-integer expiry',
				{
					...own,
					updateFields: { registrationExpirySeconds: '={{ $itemIndex === 1 ? 30.5 : 30 }}' },
				},
				'"Update Fields → Registration Expiry (Seconds)" must be a whole number from 0 to 86400, got 30.5 (item 1)',
			],
			[
				'a device named ".."',
				{
					...own,
					device: byId('={{ $itemIndex === 1 ? ".." : "1000a" }}'),
					updateFields: { srtp: 'no' },
				},
				'"Device" has characters that are not allowed (a device name such as 1000a, without spaces or "/"; not "." or "..") (item 1)',
			],
		];

		it.each(cases)('%s', async (_name, parameters, message) => {
			const result = await run(
				{ operation: 'update', device: byId('1000a'), ...parameters },
				{ items: [{}, {}] },
			);
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toContain('Nothing was sent to the vendor');
			// Item 0 is valid and n8n runs items concurrently, so at most that one reached NetSapiens.
			expect(requests().every((request) => request.path === `${DEVICES}/1000a`)).toBe(true);
		});

		it('a password that breaks a rule is never echoed', async () => {
			const result = await run({
				operation: 'create',
				...own,
				device: 'new1',
				additionalFields: { sipRegistrationPassword: 'Secret-In-Item', srtp: 'never' },
			});
			expect(result.error?.message).toBe(
				'"SRTP" must be one of yes, no, opportunistic, got "never" (item 0)',
			);
			// (n8n itself attaches the node's parameters to every error; the words are what users see.)
			expect(`${result.error?.message} ${result.error?.description}`).not.toContain(
				'Secret-In-Item',
			);
			expect(requests()).toHaveLength(0);
		});
	});

	describe('Create', () => {
		it('posts the device name, the fields set and synchronous "no"; 202 becomes an item naming the device', async () => {
			const result = await run({
				operation: 'create',
				...own,
				device: '1000new',
				additionalFields: {
					model: 'T48S',
					transportProtocol: 'tcp',
					registrationExpirySeconds: 90,
				},
			});
			expect(result.error).toBeUndefined();
			const [post] = requests();
			expect([post.method, post.path, post.status]).toEqual(['POST', DEVICES, 202]);
			expect(post.body).toEqual({
				device: '1000new',
				synchronous: 'no',
				'device-models-model': 'T48S',
				'device-provisioning-sip-transport-protocol': 'tcp',
				'device-sip-registration-expiry-seconds': 90,
			});
			expect(result.items[0].json).toEqual({
				accepted: true,
				status: 202,
				code: 202,
				message: 'Accepted',
				domain: '~',
				user: '~',
				device: '1000new',
				fieldsSent: [
					'device',
					'device-sip-registration-expiry-seconds',
					'device-models-model',
					'device-provisioning-sip-transport-protocol',
					'synchronous',
				],
			});
			const got = await run({ operation: 'get', ...own, device: byId('1000new') });
			expect(got.items[0].json).toMatchObject({ device: '1000new', 'device-models-model': 'T48S' });
		});

		it('synchronous "yes" outputs the new device, its generated password masked unless secrets are asked for', async () => {
			const masked = await run({
				operation: 'create',
				...own,
				device: 'sync1',
				synchronous: 'yes',
			});
			expect(requests()[0].status).toBe(200);
			expect(masked.items[0].json).toMatchObject({
				device: 'sync1',
				user: '1000',
				domain: 'sandbox.example',
				'device-sip-registration-password': '********',
			});
			const generated = env.sandbox.devices.vendorPassword('netsapiens', 'sync1@sandbox.example')!;
			expect(generated).toMatch(/^[A-Za-z0-9]{16}$/);
			expect(JSON.stringify(masked.items)).not.toContain(generated);

			const clear = await run({
				operation: 'create',
				...own,
				device: 'sync2',
				synchronous: 'yes',
				options: { outputSecrets: true },
			});
			expect(clear.items[0].json['device-sip-registration-password']).toBe(
				env.sandbox.devices.vendorPassword('netsapiens', 'sync2@sandbox.example'),
			);
		});

		it('a device that exists already: NetSapiens 409 {code, message} reaches the error description', async () => {
			const result = await run({ operation: 'create', ...own, device: '1000a' });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(
				'NetSapiens Create Device failed: NetSapiens answered HTTP 409',
			);
			expect(result.error?.description).toContain(
				'NetSapiens said: Device 1000a already exists in domain sandbox.example',
			);
		});
	});

	describe('Get and Get Many', () => {
		it('Get reads one device by domain, user and device, with its password masked', async () => {
			const result = await run({ operation: 'get', ...own, device: byId('1000a') });
			const [get] = requests();
			expect([get.method, get.path]).toEqual(['GET', `${DEVICES}/1000a`]);
			expect(result.items[0].json).toMatchObject({
				device: '1000a',
				user: '1000',
				domain: 'sandbox.example',
				'device-sip-registration-state': 'registered',
				'device-sip-registration-password': '********',
			});
			const password = env.sandbox.devices.vendorPassword('netsapiens', '1000a@sandbox.example')!;
			expect(JSON.stringify(result.items)).not.toContain(password);
		});

		it('"Output Secrets (Device Passwords)" outputs the passwords of Get and Get Many in clear', async () => {
			const options = { outputSecrets: true };
			const one = await run({ operation: 'get', ...own, device: byId('1000a'), options });
			expect(one.items[0].json['device-sip-registration-password']).toBe(
				env.sandbox.devices.vendorPassword('netsapiens', '1000a@sandbox.example'),
			);
			const many = await run({
				operation: 'getAll',
				listScope: 'user',
				...own,
				returnAll: true,
				options,
			});
			expect(many.items.map((item) => item.json['device-sip-registration-password'])).toEqual(
				many.items.map((item) =>
					env.sandbox.devices.vendorPassword('netsapiens', `${item.json.device}@sandbox.example`),
				),
			);
		});

		it('Get Many for a user with a Limit asks the count, then exactly that many', async () => {
			const result = await run({
				operation: 'getAll',
				listScope: 'user',
				...own,
				returnAll: false,
				limit: 3,
			});
			expect(result.items.map((item) => item.json.device)).toEqual(['1000', '1000a', '1000b']);
			expect(
				result.items.every((item) => item.json['device-sip-registration-password'] === '********'),
			).toBe(true);
			expect(requests().map((request) => [request.path, request.query])).toEqual([
				[`${DEVICES}/count`, {}],
				[DEVICES, { limit: '3', start: '0' }],
			]);
		});

		it('Get Many for a user with Return All asks the count, reads the short last page and stops', async () => {
			const result = await run({
				operation: 'getAll',
				listScope: 'user',
				domain: byId('sandbox.example'),
				user: byId('1001'),
				returnAll: true,
			});
			expect(result.items).toHaveLength(10);
			expect(result.items.every((item) => item.json.user === '1001')).toBe(true);
			expect(requests().map((request) => [request.path, request.query, request.status])).toEqual([
				['/ns-api/v2/domains/sandbox.example/users/1001/devices/count', {}, 200],
				[
					'/ns-api/v2/domains/sandbox.example/users/1001/devices',
					{ limit: '1000', start: '0' },
					200,
				],
			]);
		});

		it("Get Many for a user that does not exist: NetSapiens' count answers 404, and the error says so before any page", async () => {
			const result = await run({
				operation: 'getAll',
				listScope: 'user',
				domain: byId('sandbox.example'),
				user: byId('9999'),
				returnAll: true,
			});
			expect(result.error?.message).toBe(
				'NetSapiens Get Many Device failed: NetSapiens answered HTTP 404',
			);
			expect(result.error?.description).toContain(
				"This happened on NetSapiens' device count (GET …/devices/count), which the node asks before the first page of the list; nothing was output.\nNetSapiens said: User 9999 does not exist in domain sandbox.example.",
			);
			expect(requests().map((request) => [request.path, request.status])).toEqual([
				['/ns-api/v2/domains/sandbox.example/users/9999/devices/count', 404],
			]);
		});

		it('Get Many for the whole domain asks the domain count, then pages with start/limit through all 1,200 devices', async () => {
			const result = await run({
				operation: 'getAll',
				listScope: 'domain',
				domain: byId('~'),
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1200);
			expect(
				new Set(result.items.map((item) => `${item.json.user}/${item.json.device}`)).size,
			).toBe(1200);
			expect(requests().map((request) => [request.path, request.query])).toEqual([
				['/ns-api/v2/domains/~/devices/count', {}],
				['/ns-api/v2/domains/~/devices', { limit: '1000', start: '0' }],
				['/ns-api/v2/domains/~/devices', { limit: '1000', start: '1000' }],
			]);
			const unregistered = result.items.filter(
				(item) => item.json['device-sip-registration-state'] === 'unregistered',
			);
			expect(unregistered).toHaveLength(120);
		});
	});

	describe('Delete', () => {
		it('sends DELETE and outputs { deleted: true } with the domain, user and device it deleted; the device is gone afterwards', async () => {
			const deleted = await run({
				operation: 'delete',
				domain: byId('sandbox.example'),
				user: byId('1002'),
				device: byId('1002a'),
			});
			expect(deleted.items.map((item) => item.json)).toEqual([
				{ deleted: true, domain: 'sandbox.example', user: '1002', device: '1002a' },
			]);
			const [request] = requests();
			expect([request.method, request.path, request.status]).toEqual([
				'DELETE',
				'/ns-api/v2/domains/sandbox.example/users/1002/devices/1002a',
				202,
			]);
			expect(env.sandbox.devices.has('netsapiens', '1002a@sandbox.example')).toBe(false);
			const gone = await run({
				operation: 'get',
				domain: byId('sandbox.example'),
				user: byId('1002'),
				device: byId('1002a'),
			});
			expect(gone.error?.message).toBe(
				'NetSapiens Get Device failed: NetSapiens answered HTTP 404',
			);
			expect(gone.error?.description).toContain(
				'NetSapiens said: Device 1002a does not exist for user 1002 in domain sandbox.example',
			);
		});
	});

	describe('errors', () => {
		it('NetSapiens 400 {code, message} reaches the description', async () => {
			env.sandbox.injectFault({
				vendor: 'netsapiens',
				mode: 'status',
				method: 'PUT',
				status: 400,
				body: { code: 400, message: 'device-provisioning-mac-address is not a valid MAC address' },
			});
			const result = await run({
				operation: 'update',
				...own,
				device: byId('1000a'),
				updateFields: { macAddress: 'zz' },
			});
			expect(result.error?.message).toBe(
				'NetSapiens Update Device failed: NetSapiens answered HTTP 400',
			);
			expect(result.error?.description).toBe(
				'NetSapiens said: device-provisioning-mac-address is not a valid MAC address.\nThe request was rejected as invalid. Correct the field the vendor names and run again.',
			);
		});

		it('a domain outside the key\'s scope: 403 "Domain not found or access denied"', async () => {
			const result = await run({
				operation: 'getAll',
				listScope: 'domain',
				domain: byId('other.example'),
				returnAll: true,
			});
			expect(result.error?.message).toBe(
				'NetSapiens Get Many Device failed: NetSapiens answered HTTP 403',
			);
			expect(result.error?.description).toContain(
				'NetSapiens said: Domain not found or access denied',
			);
		});

		it('with Continue On Fail, 4 items of which 2 fail give 4 items with correct pairedItem', async () => {
			const devices = ['1000a', 'missing-1', '1000b', 'missing-2'];
			const result = await run(
				{ operation: 'get', ...own, device: byId('={{ $json.device }}') },
				{ items: devices.map((device) => ({ device })), continueOnFail: true },
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(4);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				[0, 1, 2, 3].map((item) => ({ item })),
			);
			expect(result.items.map((item) => item.json.device ?? null)).toEqual([
				'1000a',
				null,
				'1000b',
				null,
			]);
			expect(result.items[1].json.error).toBe(
				'NetSapiens Get Device failed: NetSapiens answered HTTP 404',
			);
		});
	});
});
