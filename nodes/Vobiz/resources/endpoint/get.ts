import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';
import { noticeField } from '../../../shared/descriptions';

export const description = 'Get a SIP endpoint and whether a device is registered with it';

export const fields: INodeProperties[] = [
	noticeField(
		'getNotice',
		'The endpoint\'s sip_registered ("true" or "false", as text), sip_contact, sip_expires and sip_user_agent say whether a device is registered with it.',
	),
	endpointIdLocator,
];
