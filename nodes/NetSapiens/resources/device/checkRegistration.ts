import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { checkRegistrationFields } from '../../../shared/registrationDescriptions';
import { deviceLocator, domainLocator, userLocator } from '../../shared/descriptions';
import { netSapiensVendor } from '../../shared/vendor';

// NetSapiens states the time of the last registration (device-sip-registration-datetime).
const properties: INodeProperties[] = [
	domainLocator,
	userLocator,
	deviceLocator,
	...checkRegistrationFields(netSapiensVendor.rotation!, true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['checkRegistration'] } },
	properties,
);
