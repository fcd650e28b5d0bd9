import type { TestEnvironment } from '../harness/run';
import { byBodyField, byLastSegment, byQuery, describeFaultMatrix, rotatedItem } from './matrix';
import type { FaultOperation } from './matrix';
import { byId } from '../harness/locator';

const PASSWORD = 'Fault-Matrix-Pass-1';
// Vobiz compares paths exactly: capital "Account" and "Endpoint", and the trailing slash.
const ENDPOINT = /^\/api\/v1\/Account\/[^/]+\/Endpoint\/[^/]+\/$/;
const ENDPOINTS = /^\/api\/v1\/Account\/[^/]+\/Endpoint\/$/;

/** The /errors page's envelope, which Vobiz documents for every error without a more specific body. */
const CODES: Record<number, string> = {
	401: 'UNAUTHORIZED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND',
	409: 'CONFLICT',
	429: 'RATE_LIMIT_EXCEEDED',
	500: 'INTERNAL_ERROR',
	502: 'BAD_GATEWAY',
	503: 'SERVICE_UNAVAILABLE',
};

function operations(env: TestEnvironment): FaultOperation[] {
	const ids = (env.sandbox.endpoints().vobiz.seeded.endpointIds as string[]).slice(0, 3);
	const idItems = ids.map((id) => ({ id }));
	const usernames = ['faulta', 'faultb', 'faultc'];
	const aliases = ['Desk-A', 'Desk-B', 'Desk-C'];
	const one = { resource: 'endpoint', endpointId: byId('={{ $json.id }}') };
	return [
		{
			label: 'Create Endpoint',
			parameters: {
				resource: 'endpoint',
				operation: 'create',
				username: '={{ $json.username }}',
				password: PASSWORD,
				alias: 'Fault-Desk',
			},
			items: usernames.map((username) => ({ username })),
			method: 'POST',
			path: ENDPOINTS,
			itemOf: byBodyField('username', usernames),
			successStatus: 201,
			// The node needs the endpoint_id from the answer.
			unreadableBody: 'error',
		},
		{
			label: 'Get Endpoint',
			parameters: { ...one, operation: 'get' },
			items: idItems,
			method: 'GET',
			path: ENDPOINT,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Get Many Endpoint',
			parameters: {
				resource: 'endpoint',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { aliasContains: '={{ $json.alias }}' },
			},
			items: aliases.map((alias) => ({ alias })),
			method: 'GET',
			path: ENDPOINTS,
			itemOf: byQuery('alias__contains', aliases),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Update Endpoint',
			parameters: { ...one, operation: 'update', updateFields: { alias: 'Front-Desk' } },
			items: idItems,
			method: 'POST',
			path: ENDPOINT,
			itemOf: byLastSegment(ids),
			// Vobiz documents "202 Accepted" without a body: the status is the whole answer, so a body
			// that is cut off or missing changes nothing.
			successStatus: 202,
			unreadableBody: (json, index) =>
				expect(json).toEqual({
					accepted: true,
					status: 202,
					endpointId: ids[index],
					fieldsSent: ['alias'],
				}),
		},
		{
			label: 'Delete Endpoint',
			parameters: { ...one, operation: 'delete' },
			items: idItems,
			method: 'DELETE',
			path: ENDPOINT,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: (json) => expect(json).toEqual({ deleted: true }),
		},
		{
			label: 'Rotate Password Endpoint',
			parameters: { ...one, operation: 'rotatePassword', verification: 'none' },
			items: idItems,
			method: 'POST',
			path: ENDPOINT,
			itemOf: byLastSegment(ids),
			successStatus: 202,
			unreadableBody: rotatedItem('Vobiz', ids),
			readBack: ENDPOINT,
		},
	];
}

describeFaultMatrix({
	vendor: 'vobiz',
	node: 'vobiz',
	credentialType: 'vobizSipApi',
	displayName: 'Vobiz',
	errorAnswer: (status, text) => ({
		body: {
			status: 'error',
			error: { code: CODES[status], message: text },
			timestamp: '2026-01-01T00:00:00Z',
			requestId: 'req_0123456789abcdef',
		},
		said: `${text} [${CODES[status]}]`,
	}),
	// The endpoint pages' flat shape (documented with the password example).
	validationAnswer: () => ({
		status: 400,
		body: {
			error: 'invalid request parameters',
			details: { password: 'Password must be at least 8 characters' },
		},
		said: 'invalid request parameters (password: Password must be at least 8 characters)',
	}),
	operations,
	sentSecrets: [PASSWORD],
});
