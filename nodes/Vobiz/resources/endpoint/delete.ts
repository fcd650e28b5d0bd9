import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';
import { noticeField } from '../../../shared/descriptions';

export const description = 'Delete a SIP endpoint; its devices are disconnected at once';

export const fields: INodeProperties[] = [
	noticeField(
		'deleteNotice',
		'Devices registered with the deleted endpoint are disconnected at once.',
	),
	endpointIdLocator,
];
