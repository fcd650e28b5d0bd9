import type { INodeProperties } from 'n8n-workflow';
import { resourceDescription } from '../../../shared/resourceOperations';
import { fillPath } from '../../../shared/validation';
import { ENDPOINT_FIELDS, LEGACY_ENDPOINT_NOTE, endpointIdRule } from '../../shared/descriptions';
import { signalWireVendor } from '../../shared/vendor';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

const endpointsUrl = '/api/relay/rest/endpoints/sip';

export const sipEndpointDescription: INodeProperties[] = resourceDescription({
	vendor: signalWireVendor,
	resource: 'sipEndpoint',
	noun: 'SIP endpoint',
	notice: { name: 'legacyNotice', text: LEGACY_ENDPOINT_NOTE },
	collection: { url: endpointsUrl },
	item: { url: `${endpointsUrl}/{endpointId}`, preSend: [fillPath([endpointIdRule])] },
	fields: ENDPOINT_FIELDS,
	updateMethod: 'PUT',
	operations: { create, delete: del, get, getAll, rotatePassword, update },
});
