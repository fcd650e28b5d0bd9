import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Once the SIP user is deleted, its phones can no longer register or call.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	domainLocator,
	userIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['delete'] } },
	properties,
);
