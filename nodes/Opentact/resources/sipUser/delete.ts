import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	{
		...userIdLocator,
		description: 'The SIP user to delete. Its phones can no longer register or call.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['delete'] } },
	properties,
);
