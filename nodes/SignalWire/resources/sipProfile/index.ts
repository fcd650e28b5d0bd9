import type { INodeProperties } from 'n8n-workflow';
import { resourceDescription } from '../../../shared/resourceOperations';
import { PROFILE_FIELDS } from '../../shared/descriptions';
import { signalWireVendor } from '../../shared/vendor';
import * as get from './get';
import * as update from './update';

export const sipProfileDescription: INodeProperties[] = resourceDescription({
	vendor: signalWireVendor,
	resource: 'sipProfile',
	noun: 'SIP profile',
	singleton: true,
	item: { url: '/api/relay/rest/sip_profile' },
	fields: PROFILE_FIELDS,
	// SignalWire answers this PUT with 201 and the whole profile.
	updateMethod: 'PUT',
	operations: { get, update },
});
