import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
const properties: INodeProperties[] = [
	{
		displayName:
			'Every device registered with the endpoint is signed out until it re-registers with the new password.',
		name: 'rotatePasswordNotice',
		type: 'notice',
		default: '',
	},
	endpointIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['rotatePassword'] } },
	properties,
);
