import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';
import { sipUserDeleted } from '../../shared/output';
import { noticeField } from '../../../shared/descriptions';

export const description = 'Delete a SIP user from its SIP domain';

export const fields: INodeProperties[] = [
	noticeField(
		'deleteNotice',
		'Once the SIP user is deleted, its phones can no longer register or call.',
	),
	domainLocator,
	userIdLocator,
];

export const postReceive: PostReceiveAction[] = [sipUserDeleted];
