import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { checkRegistrationFields } from '../../../shared/registrationDescriptions';
import { endpointIdLocator } from '../../shared/descriptions';
import { vobizVendor } from '../../shared/vendor';

// Vobiz states only whether a device is registered (sip_registered), not since when.
const properties: INodeProperties[] = [
	endpointIdLocator,
	...checkRegistrationFields(vobizVendor.rotation!, false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['checkRegistration'] } },
	properties,
);
