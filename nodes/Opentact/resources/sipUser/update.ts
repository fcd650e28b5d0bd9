import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { domainLocator, SIP_USER_FIELDS, userIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	userIdLocator,
	fieldCollection(SIP_USER_FIELDS, 'update'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['update'] } },
	properties,
);
