import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
const properties: INodeProperties[] = [
	{
		displayName:
			'Ultravox re-registers with your PBX using the new password, so the PBX must know it too.',
		name: 'rotatePasswordNotice',
		type: 'notice',
		default: '',
	},
	registrationIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['rotatePassword'] } },
	properties,
);
