import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
const properties: INodeProperties[] = [
	{
		...endpointIdLocator,
		description:
			'The SIP endpoint whose password to rotate. Every device registered with it is signed out until it re-registers with the new password.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['rotatePassword'] } },
	properties,
);
