import type { INodeProperties } from 'n8n-workflow';
import { checkRegistrationFields } from '../../../shared/registrationDescriptions';
import { registrationIdLocator } from '../../shared/descriptions';
import { ultravoxVendor } from '../../shared/vendor';

// Ultravox states only whether its REGISTER to your PBX is active (successful), not since when.
export const fields: INodeProperties[] = [
	registrationIdLocator,
	...checkRegistrationFields(ultravoxVendor.rotation, false),
];
