import type { INodeProperties } from 'n8n-workflow';
import { resourceDescription } from '../../../shared/resourceOperations';
import { fillPath } from '../../../shared/validation';
import { REGISTRATION_FIELDS, registrationIdRule } from '../../shared/descriptions';
import { ultravoxVendor } from '../../shared/vendor';
import * as checkRegistration from './checkRegistration';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

export const sipRegistrationDescription: INodeProperties[] = resourceDescription({
	vendor: ultravoxVendor,
	resource: 'sipRegistration',
	noun: 'SIP registration',
	collection: { url: '/api/sip/registrations' },
	item: {
		url: '/api/sip/registrations/{registrationId}',
		preSend: [fillPath([registrationIdRule])],
	},
	fields: REGISTRATION_FIELDS,
	updateMethod: 'PATCH',
	operations: { checkRegistration, create, delete: del, get, getAll, rotatePassword, update },
});
