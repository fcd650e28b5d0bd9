import type { INodeProperties } from 'n8n-workflow';
import { checkRegistrationFields } from '../../../shared/registrationDescriptions';
import { netSapiensVendor } from '../../shared/vendor';
import { deviceLocators } from './locators';

// NetSapiens states the time of the last registration (device-sip-registration-datetime).
export const fields: INodeProperties[] = [
	...deviceLocators,
	...checkRegistrationFields(netSapiensVendor.rotation, true),
];
