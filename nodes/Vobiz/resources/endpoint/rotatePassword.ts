import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
export const fields: INodeProperties[] = [
	{
		...endpointIdLocator,
		description:
			'The SIP endpoint whose password to rotate. Every device registered with it is signed out until it re-registers with the new password.',
	},
];
