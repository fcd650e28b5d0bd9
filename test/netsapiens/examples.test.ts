import { TestEnvironment } from '../harness/run';

describe('NetSapiens examples run on the engine against the sandbox', () => {
	let env: TestEnvironment;
	beforeAll(async () => (env = await TestEnvironment.start()));
	afterAll(async () => await env.close());

	it('list: returns every device of the domain, passwords masked', async () => {
		const run = await env.runExample('netsapiens-list-devices.json');
		expect(run.data.resultData.error).toBeUndefined();
		const items = run.data.resultData.runData['List domain devices'][0].data!.main[0]!;
		expect(items).toHaveLength(1200);
		expect(
			items.every((item) => item.json['device-sip-registration-password'] === '********'),
		).toBe(true);
	});

	it('update: sets SRTP and the re-register period on the first device of the user', async () => {
		const run = await env.runExample('netsapiens-update-device.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [updated] = run.data.resultData.runData['Require SRTP'][0].data!.main[0]!;
		expect(updated.json).toMatchObject({
			accepted: true,
			domain: 'sandbox.example',
			user: '1000',
			device: '1000',
			fieldsSent: ['device-sip-registration-expiry-seconds', 'device-srtp-enabled'],
		});
		const put = env.sandbox.requests('netsapiens').find((request) => request.method === 'PUT')!;
		expect(put.path).toBe('/ns-api/v2/domains/sandbox.example/users/1000/devices/1000');
		expect(put.body).toEqual({
			'device-srtp-enabled': 'yes',
			'device-sip-registration-expiry-seconds': 300,
		});
	});

	it('delete: deletes the first device of the user and outputs { deleted: true } with the device it deleted', async () => {
		const run = await env.runExample('netsapiens-delete-device.json');
		expect(run.data.resultData.error).toBeUndefined();
		expect(
			run.data.resultData.runData['Delete device'][0].data!.main[0]!.map((item) => item.json),
		).toEqual([{ deleted: true, domain: 'sandbox.example', user: '1000', device: '1000' }]);
		const deletes = env.sandbox
			.requests('netsapiens')
			.filter((request) => request.method === 'DELETE');
		expect(deletes.map((request) => request.path)).toEqual([
			'/ns-api/v2/domains/sandbox.example/users/1000/devices/1000',
		]);
	});
});
