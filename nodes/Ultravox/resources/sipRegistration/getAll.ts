import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { notRegisteredSinceField } from '../../../shared/registrationDescriptions';
import { ultravoxVendor } from '../../shared/vendor';

export const description = 'List the SIP registrations of the account';

export const fields: INodeProperties[] = [
	...returnAllAndLimit(),
	notRegisteredSinceField(ultravoxVendor.rotation, false),
];
