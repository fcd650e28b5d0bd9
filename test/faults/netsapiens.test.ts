import type { RecordedRequest } from '../../sandbox';
import type { TestEnvironment } from '../harness/run';
import { byBodyField, byLastSegment, describeFaultMatrix, rotatedItem } from './matrix';
import type { FaultOperation } from './matrix';
import { byId } from '../harness/locator';

const DEVICE = /^\/ns-api\/v2\/domains\/[^/]+\/users\/[^/]+\/devices\/[^/]+$/;
const DEVICES = /^\/ns-api\/v2\/domains\/[^/]+\/users\/[^/]+\/devices$/;

/** The input item whose user is in the path (`/domains/~/users/{user}/devices`). */
const byUser = (users: string[]) => (request: RecordedRequest) => {
	const index = users.indexOf(decodeURIComponent(request.path.split('/')[6] ?? ''));
	return index === -1 ? undefined : index;
};

function operations(env: TestEnvironment): FaultOperation[] {
	const devices = (env.sandbox.endpoints().netsapiens.seeded.userDevices as string[]).slice(0, 3);
	const byDevice = devices.map((device) => ({ device }));
	const own = { resource: 'device', domain: byId('~'), user: byId('~') };
	const one = { ...own, device: byId('={{ $json.device }}') };
	const newDevices = ['1000x1', '1000x2', '1000x3'];
	const users = ['1000', '1001', '1002'];
	/**
	 * NetSapiens writes asynchronously and answers 202 `{code, message}`, "to be treated as a full
	 * success" (async-202-vs-sync-200). That body names nothing the item needs, so a 202 whose body
	 * is cut off or missing is still an accepted change: the item says which device and fields.
	 */
	const accepted =
		(fieldsSent: string[], names: string[]) => (json: Record<string, unknown>, index: number) => {
			expect(json).toEqual({
				accepted: true,
				status: 202,
				domain: '~',
				user: '~',
				device: names[index],
				fieldsSent,
			});
		};
	return [
		{
			label: 'Create Device',
			parameters: {
				...own,
				operation: 'create',
				device: '={{ $json.device }}',
				additionalFields: { model: 'T48S' },
			},
			items: newDevices.map((device) => ({ device })),
			method: 'POST',
			path: DEVICES,
			itemOf: byBodyField('device', newDevices),
			successStatus: 202,
			unreadableBody: accepted(['device', 'device-models-model', 'synchronous'], newDevices),
		},
		{
			label: 'Get Device',
			parameters: { ...one, operation: 'get' },
			items: byDevice,
			method: 'GET',
			path: DEVICE,
			itemOf: byLastSegment(devices),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Get Many Device',
			parameters: {
				resource: 'device',
				operation: 'getAll',
				listScope: 'user',
				domain: byId('~'),
				user: byId('={{ $json.user }}'),
				returnAll: false,
				limit: 5,
			},
			items: users.map((user) => ({ user })),
			method: 'GET',
			path: DEVICES,
			itemOf: byUser(users),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Update Device',
			parameters: { ...one, operation: 'update', updateFields: { registrationExpirySeconds: 300 } },
			items: byDevice,
			method: 'PUT',
			path: DEVICE,
			itemOf: byLastSegment(devices),
			successStatus: 202,
			unreadableBody: accepted(['device-sip-registration-expiry-seconds'], devices),
		},
		{
			label: 'Delete Device',
			parameters: { ...one, operation: 'delete' },
			items: byDevice,
			method: 'DELETE',
			path: DEVICE,
			itemOf: byLastSegment(devices),
			successStatus: 202,
			unreadableBody: (json, index) =>
				expect(json).toEqual({ deleted: true, domain: '~', user: '~', device: devices[index] }),
		},
		{
			label: 'Rotate Password Device',
			parameters: { ...one, operation: 'rotatePassword', verification: 'none' },
			items: byDevice,
			method: 'PUT',
			path: DEVICE,
			itemOf: byLastSegment(devices),
			successStatus: 202,
			unreadableBody: rotatedItem(
				'NetSapiens',
				devices.map((device) => `~/~/${device}`),
			),
			readBack: DEVICE,
		},
	];
}

describeFaultMatrix({
	vendor: 'netsapiens',
	node: 'netSapiens',
	credentialType: 'netSapiensSipApi',
	displayName: 'NetSapiens',
	// ErrorResponse {code, message} (NetSapiens' OpenAPI), for every status.
	errorAnswer: (status, text) => ({ body: { code: status, message: text }, said: text }),
	validationAnswer: () => ({
		status: 400,
		body: { code: 400, message: 'device-sip-registration-expiry-seconds must be of type integer' },
		said: 'device-sip-registration-expiry-seconds must be of type integer',
	}),
	operations,
});
