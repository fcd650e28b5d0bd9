import type { RecordedRequest } from '../../sandbox';
import type { TestEnvironment } from '../harness/run';
import { byBodyField, byLastSegment, describeFaultMatrix, rotatedItem } from './matrix';
import type { FaultOperation } from './matrix';
import { byId } from '../harness/locator';

const PASSWORD = 'Fault-Matrix-Pass-1';
const MAIN_DOMAIN = 'acme.sip.opentact.org';
// The credential's Base URL ends in /rest; the login (GET /rest/auth) is never faulted.
const USERS = /^\/rest\/sip\/domain\/[^/]+\/user$/;
const USER = /^\/rest\/sip\/domain\/[^/]+\/user\/[^/]+$/;

/** The input item whose SIP domain is in the path (`/rest/sip/domain/{domain}/user`). */
const byDomain = (domains: string[]) => (request: RecordedRequest) => {
	const index = domains.indexOf(decodeURIComponent(request.path.split('/')[4] ?? ''));
	return index === -1 ? undefined : index;
};

function operations(env: TestEnvironment): FaultOperation[] {
	const seeded = env.sandbox.endpoints().opentact.seeded;
	const ids = (seeded.sipUserIds as string[]).slice(0, 3);
	const domains = (seeded.sipDomains as string[]).slice(0, 3);
	const logins = ['faulta', 'faultb', 'faultc'];
	const one = { resource: 'sipUser', domain: byId(MAIN_DOMAIN), userId: byId('={{ $json.id }}') };
	const idItems = ids.map((id) => ({ id }));
	return [
		{
			label: 'Create SIP User',
			parameters: {
				resource: 'sipUser',
				operation: 'create',
				domain: byId(MAIN_DOMAIN),
				login: '={{ $json.login }}',
				password: PASSWORD,
			},
			items: logins.map((login) => ({ login })),
			method: 'POST',
			path: USERS,
			itemOf: byBodyField('login', logins),
			successStatus: 200,
			// Every Opentact answer is an envelope {success, payload}: the node must read it.
			unreadableBody: 'error',
		},
		{
			label: 'Get SIP User',
			parameters: { ...one, operation: 'get' },
			items: idItems,
			method: 'GET',
			path: USER,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Get Many SIP User',
			parameters: {
				resource: 'sipUser',
				operation: 'getAll',
				domain: byId('={{ $json.domain }}'),
				returnAll: false,
				limit: 5,
			},
			items: domains.map((domain) => ({ domain })),
			method: 'GET',
			path: USERS,
			itemOf: byDomain(domains),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Update SIP User',
			parameters: { ...one, operation: 'update', updateFields: { firstName: 'Fault' } },
			items: idItems,
			method: 'PATCH',
			path: USER,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: 'error',
		},
		{
			label: 'Delete SIP User',
			parameters: { ...one, operation: 'delete' },
			items: idItems,
			method: 'DELETE',
			path: USER,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			// Opentact answers some failures with a 2xx and `success: false`: without the envelope the
			// node cannot tell that the user was deleted.
			unreadableBody: 'error',
		},
		{
			label: 'Rotate Password SIP User',
			parameters: { ...one, operation: 'rotatePassword', verification: 'none' },
			items: idItems,
			method: 'PATCH',
			path: USER,
			itemOf: byLastSegment(ids),
			successStatus: 200,
			unreadableBody: rotatedItem(
				'Opentact',
				ids.map((id) => `${MAIN_DOMAIN}/${id}`),
			),
			readBack: USER,
		},
	];
}

describeFaultMatrix({
	vendor: 'opentact',
	node: 'opentact',
	credentialType: 'opentactSipApi',
	displayName: 'Opentact',
	// IErrorResponse {success: false, message, status}.
	errorAnswer: (status, text) => ({ body: { success: false, message: text, status }, said: text }),
	// The same envelope with the fields Opentact's validation names.
	validationAnswer: () => ({
		status: 400,
		body: {
			success: false,
			message: 'Validation failed',
			status: 400,
			fields: { 'body.login': { message: 'is required' } },
		},
		said: 'Validation failed; body.login: is required',
	}),
	operations,
	sentSecrets: [PASSWORD],
});
