import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';
import { noticeField } from '../../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
export const fields: INodeProperties[] = [
	noticeField(
		'rotatePasswordNotice',
		'Every device registered with the endpoint is signed out until it re-registers with the new password.',
	),
	endpointIdLocator,
];
