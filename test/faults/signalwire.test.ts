import type { TestEnvironment } from '../harness/run';
import { byBodyField, byLastSegment, byQuery, describeFaultMatrix, rotatedItem } from './matrix';
import type { FaultOperation } from './matrix';
import { byId } from '../harness/locator';

const PASSWORD = 'Fault-Matrix-Pass-1';
const ENDPOINTS = /^\/api\/relay\/rest\/endpoints\/sip$/;
const ENDPOINT = /^\/api\/relay\/rest\/endpoints\/sip\/[^/]+$/;
const PROFILE = /^\/api\/relay\/rest\/sip_profile$/;
const ADDRESSES = /^\/api\/fabric\/sip_addresses$/;
const ADDRESS = /^\/api\/fabric\/sip_addresses\/[^/]+$/;

const SIMPLE: Record<number, string> = {
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
};

function operations(env: TestEnvironment): FaultOperation[] {
	const seeded = env.sandbox.endpoints().signalwire.seeded;
	const endpointIds = (seeded.sipEndpointIds as string[]).slice(0, 3);
	const addressIds = (seeded.sipAddressIds as string[]).slice(0, 3);
	const numbers = (seeded.projectNumbers as string[]).slice(0, 3);
	const handler = (seeded.callingHandlerResourceIds as string[])[0];
	const usernames = ['fault-a', 'fault-b', 'fault-c'];
	const names = ['fault-line-a', 'fault-line-b', 'fault-line-c'];
	const endpoint = { resource: 'sipEndpoint', endpointId: byId('={{ $json.id }}') };
	const address = { resource: 'sipAddress', addressId: byId('={{ $json.id }}') };
	const endpointItems = endpointIds.map((id) => ({ id }));
	const addressItems = addressIds.map((id) => ({ id }));
	return [
		{
			label: 'Create SIP Endpoint',
			parameters: {
				resource: 'sipEndpoint',
				operation: 'create',
				username: '={{ $json.username }}',
				password: PASSWORD,
			},
			items: usernames.map((username) => ({ username })),
			method: 'POST',
			path: ENDPOINTS,
			itemOf: byBodyField('username', usernames),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Get SIP Endpoint',
			parameters: { ...endpoint, operation: 'get' },
			items: endpointItems,
			method: 'GET',
			path: ENDPOINT,
			itemOf: byLastSegment(endpointIds),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Get Many SIP Endpoint',
			parameters: {
				resource: 'sipEndpoint',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { username: '={{ $json.username }}' },
			},
			items: usernames.map((username) => ({ username })),
			method: 'GET',
			path: ENDPOINTS,
			itemOf: byQuery('filter_username', usernames),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Update SIP Endpoint',
			parameters: { ...endpoint, operation: 'update', updateFields: { encryption: 'required' } },
			items: endpointItems,
			method: 'PUT',
			path: ENDPOINT,
			itemOf: byLastSegment(endpointIds),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Delete SIP Endpoint',
			parameters: { ...endpoint, operation: 'delete' },
			items: endpointItems,
			method: 'DELETE',
			path: ENDPOINT,
			itemOf: byLastSegment(endpointIds),
			successStatus: 200,
			unreadableBody: (json) => expect(json).toEqual({ deleted: true }),
		},
		{
			label: 'Rotate Password SIP Endpoint',
			parameters: { ...endpoint, operation: 'rotatePassword', verification: 'none' },
			items: endpointItems,
			method: 'PUT',
			path: ENDPOINT,
			itemOf: byLastSegment(endpointIds),
			successStatus: 200,
			unreadableBody: rotatedItem('SignalWire', endpointIds),
			readBack: ENDPOINT,
		},
		{
			label: 'Get SIP Profile',
			parameters: { resource: 'sipProfile', operation: 'get' },
			items: [{}, {}, {}],
			method: 'GET',
			path: PROFILE,
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Update SIP Profile',
			parameters: {
				resource: 'sipProfile',
				operation: 'update',
				updateFields: { defaultSendAs: '={{ $json.number }}' },
			},
			items: numbers.map((number) => ({ number })),
			method: 'PUT',
			path: PROFILE,
			itemOf: byBodyField('default_send_as', numbers),
			// SignalWire answers this PUT with 201 and the whole profile.
			successStatus: 201,
			unreadableBody: 'error',
		},
		{
			label: 'Create SIP Address',
			parameters: {
				resource: 'sipAddress',
				operation: 'create',
				name: '={{ $json.name }}',
				callingHandlerResourceId: handler,
			},
			items: names.map((name) => ({ name })),
			method: 'POST',
			path: ADDRESSES,
			itemOf: byBodyField('name', names),
			successStatus: 201,
			unreadableBody: 'error',
		},
		{
			label: 'Get SIP Address',
			parameters: { ...address, operation: 'get' },
			items: addressItems,
			method: 'GET',
			path: ADDRESS,
			itemOf: byLastSegment(addressIds),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Get Many SIP Address',
			parameters: { resource: 'sipAddress', operation: 'getAll', returnAll: false, limit: 5 },
			items: [{}, {}, {}],
			method: 'GET',
			path: ADDRESSES,
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Update SIP Address',
			parameters: { ...address, operation: 'update', updateFields: { encryption: 'required' } },
			items: addressItems,
			method: 'PATCH',
			path: ADDRESS,
			itemOf: byLastSegment(addressIds),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Delete SIP Address',
			parameters: { ...address, operation: 'delete' },
			items: addressItems,
			method: 'DELETE',
			path: ADDRESS,
			itemOf: byLastSegment(addressIds),
			successStatus: 200,
			unreadableBody: (json) => expect(json).toEqual({ deleted: true }),
		},
	];
}

describeFaultMatrix({
	vendor: 'signalwire',
	node: 'signalWire',
	credentialType: 'signalWireSipApi',
	displayName: 'SignalWire',
	// Simple errors: {"error": "Not Found"} (SignalWire's error codes guide).
	errorAnswer: (status) => ({ body: { error: SIMPLE[status] }, said: SIMPLE[status] }),
	// 422 in the shape of the API family the call belongs to.
	validationAnswer: (operation) =>
		operation.path.source.includes('fabric')
			? {
					status: 422,
					body: {
						errors: [
							{
								type: 'validation_error',
								code: 'invalid_parameter',
								message: 'Name has already been taken',
								attribute: 'name',
								url: 'https://signalwire.com/docs/apis/error-codes',
							},
						],
					},
					said: 'name: Name has already been taken (invalid_parameter)',
				}
			: {
					status: 422,
					body: {
						errors: [
							{
								detail: 'Username has already been taken',
								status: '422',
								title: 'Invalid Attribute',
								code: '422',
							},
						],
					},
					said: 'Username has already been taken',
				},
	operations,
	sentSecrets: [PASSWORD],
});
