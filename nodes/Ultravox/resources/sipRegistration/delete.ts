import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';
import { noticeField } from '../../../shared/descriptions';

export const description = 'Delete a SIP registration';

export const fields: INodeProperties[] = [
	noticeField(
		'deleteNotice',
		'Ultravox stops registering with the PBX at once when the registration is deleted.',
	),
	registrationIdLocator,
];
