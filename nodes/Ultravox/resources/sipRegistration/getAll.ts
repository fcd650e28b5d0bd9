import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { notRegisteredSinceField } from '../../../shared/registrationDescriptions';
import { ultravoxVendor } from '../../shared/vendor';

const show = { resource: ['sipRegistration'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	...updateDisplayOptions({ show }, [notRegisteredSinceField(ultravoxVendor.rotation!, false)]),
];
