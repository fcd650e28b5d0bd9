import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';
import { noticeField } from '../../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
export const fields: INodeProperties[] = [
	noticeField(
		'rotatePasswordNotice',
		'Ultravox re-registers with your PBX using the new password, so the PBX must know it too.',
	),
	registrationIdLocator,
];
