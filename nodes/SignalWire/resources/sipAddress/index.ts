import type { INodeProperties } from 'n8n-workflow';
import { resourceDescription } from '../../../shared/resourceOperations';
import { fillPath } from '../../../shared/validation';
import { ADDRESS_FIELDS, addressIdRule } from '../../shared/descriptions';
import { signalWireVendor } from '../../shared/vendor';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

const addressesUrl = '/api/fabric/sip_addresses';

export const sipAddressDescription: INodeProperties[] = resourceDescription({
	vendor: signalWireVendor,
	resource: 'sipAddress',
	noun: 'SIP address',
	collection: { url: addressesUrl },
	item: { url: `${addressesUrl}/{addressId}`, preSend: [fillPath([addressIdRule])] },
	fields: ADDRESS_FIELDS,
	updateMethod: 'PATCH',
	operations: { create, delete: del, get, getAll, update },
});
