import type { INodeProperties } from 'n8n-workflow';
import { checkRegistrationFields } from '../../../shared/registrationDescriptions';
import { endpointIdLocator } from '../../shared/descriptions';
import { vobizVendor } from '../../shared/vendor';

// Vobiz states only whether a device is registered (sip_registered), not since when.
export const fields: INodeProperties[] = [
	endpointIdLocator,
	...checkRegistrationFields(vobizVendor.rotation, false),
];
