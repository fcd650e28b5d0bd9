import type { INodeProperties } from 'n8n-workflow';
import { resourceDescription } from '../../../shared/resourceOperations';
import { fillPath } from '../../../shared/validation';
import { domainRule, SIP_USER_FIELDS, userIdRule } from '../../shared/descriptions';
import { sipUserPayload } from '../../shared/output';
import { opentactVendor } from '../../shared/vendor';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

export const sipUserDescription: INodeProperties[] = resourceDescription({
	vendor: opentactVendor,
	resource: 'sipUser',
	noun: 'SIP user',
	collection: { url: '/sip/domain/{domain}/user', preSend: [fillPath([domainRule])] },
	item: {
		url: '/sip/domain/{domain}/user/{userId}',
		preSend: [fillPath([domainRule, userIdRule])],
	},
	fields: SIP_USER_FIELDS,
	updateMethod: 'PATCH',
	// Create, Get and Update answer with the SIP user in Opentact's envelope ("payload").
	answer: [sipUserPayload],
	operations: { create, delete: del, get, getAll, rotatePassword, update },
});
