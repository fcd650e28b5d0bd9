import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';
import { noticeField } from '../../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
export const fields: INodeProperties[] = [
	noticeField(
		'rotatePasswordNotice',
		'SignalWire never returns passwords, so keep the previous one if you may need to roll back.',
	),
	endpointIdLocator,
];
