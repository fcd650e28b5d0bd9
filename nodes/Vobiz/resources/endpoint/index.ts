import type { INodeProperties } from 'n8n-workflow';
import { resourceDescription } from '../../../shared/resourceOperations';
import { fillPath } from '../../../shared/validation';
import { ENDPOINT_FIELDS, endpointIdRule, validateAuthIdForPath } from '../../shared/descriptions';
import { vobizVendor } from '../../shared/vendor';
import * as checkRegistration from './checkRegistration';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

// The Auth ID in every path is the credential's own.
const authId = { type: 'vobizSipApi', fields: ['authId'] };

export const endpointDescription: INodeProperties[] = resourceDescription({
	vendor: vobizVendor,
	resource: 'endpoint',
	noun: 'endpoint',
	// Vobiz compares paths exactly: capital "Account" and "Endpoint", and the trailing slash.
	collection: {
		url: '/api/v1/Account/{authId}/Endpoint/',
		preSend: [validateAuthIdForPath, fillPath([], authId)],
	},
	item: {
		url: '/api/v1/Account/{authId}/Endpoint/{endpointId}/',
		preSend: [validateAuthIdForPath, fillPath([endpointIdRule], authId)],
	},
	fields: ENDPOINT_FIELDS,
	// Vobiz updates with POST to the endpoint.
	updateMethod: 'POST',
	operations: { checkRegistration, create, delete: del, get, getAll, rotatePassword, update },
});
