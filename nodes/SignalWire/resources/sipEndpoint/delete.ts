import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';
import { noticeField } from '../../../shared/descriptions';

export const description = 'Delete a SIP endpoint (legacy) permanently';

export const fields: INodeProperties[] = [
	noticeField(
		'deleteNotice',
		'The SIP endpoint is deleted permanently. Devices registered with it stop working.',
	),
	endpointIdLocator,
];
