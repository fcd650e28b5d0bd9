import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';
import { sipUserDeleted } from '../../shared/output';

export const description = 'Delete a SIP user from its SIP domain';

export const fields: INodeProperties[] = [
	domainLocator,
	{
		...userIdLocator,
		description: 'The SIP user to delete. Its phones can no longer register or call.',
	},
];

export const postReceive: PostReceiveAction[] = [sipUserDeleted];
