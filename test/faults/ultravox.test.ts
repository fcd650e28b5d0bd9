import type { TestEnvironment } from '../harness/run';
import { byBodyField, byLastSegment, describeFaultMatrix, rotatedItem } from './matrix';
import type { FaultOperation } from './matrix';
import { byId } from '../harness/locator';

const PASSWORD = 'Fault-Matrix-Pass-1';
const REGISTRATION = /^\/api\/sip\/registrations\/[^/]+$/;
const REGISTRATIONS = /^\/api\/sip\/registrations$/;

function operations(env: TestEnvironment): FaultOperation[] {
	const ids = (env.sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[]).slice(0, 3);
	const idItems = ids.map((id) => ({ id }));
	const usernames = ['fault-a', 'fault-b', 'fault-c'];
	const one = { resource: 'sipRegistration', registrationId: byId('={{ $json.id }}') };
	return [
		{
			label: 'Create SIP Registration',
			parameters: {
				resource: 'sipRegistration',
				operation: 'create',
				username: '={{ $json.username }}',
				password: PASSWORD,
				proxy: 'pbx.example.com',
			},
			items: usernames.map((username) => ({ username })),
			method: 'POST',
			path: REGISTRATIONS,
			itemOf: byBodyField('username', usernames),
			successStatus: 201,
			unreadableBody: 'error',
		},
		{
			label: 'Get SIP Registration',
			parameters: { ...one, operation: 'get' },
			items: idItems,
			method: 'GET',
			path: REGISTRATION,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Get Many SIP Registration',
			parameters: { resource: 'sipRegistration', operation: 'getAll', returnAll: false, limit: 5 },
			items: [{}, {}, {}],
			method: 'GET',
			path: REGISTRATIONS,
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Update SIP Registration',
			parameters: { ...one, operation: 'update', updateFields: { proxy: 'pbx2.example.com' } },
			items: idItems,
			method: 'PATCH',
			path: REGISTRATION,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Delete SIP Registration',
			parameters: { ...one, operation: 'delete' },
			items: idItems,
			method: 'DELETE',
			path: REGISTRATION,
			itemOf: byLastSegment(ids),
			// Ultravox answers 204 without a body: the status is the answer.
			successStatus: 200,
			unreadableBody: (json) => expect(json).toEqual({ deleted: true }),
		},
		{
			label: 'Rotate Password SIP Registration',
			parameters: { ...one, operation: 'rotatePassword', verification: 'none' },
			items: idItems,
			method: 'PATCH',
			path: REGISTRATION,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: rotatedItem('Ultravox', ids),
			readBack: REGISTRATION,
		},
	];
}

describeFaultMatrix({
	vendor: 'ultravox',
	node: 'ultravox',
	credentialType: 'ultravoxSipApi',
	displayName: 'Ultravox',
	// Django REST framework: {"detail": "..."} for every simple error.
	errorAnswer: (_status, text) => ({ body: { detail: text }, said: text }),
	// Field errors: {"field": ["message", ...]}.
	validationAnswer: () => ({
		status: 400,
		body: { username: ['Ensure this field has no more than 60 characters.'] },
		said: 'username: Ensure this field has no more than 60 characters.',
	}),
	operations,
	sentSecrets: [PASSWORD],
});
