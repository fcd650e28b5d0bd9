import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { domainLocator, SIP_USER_FIELDS } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	...requiredFields(SIP_USER_FIELDS),
	fieldCollection(SIP_USER_FIELDS, 'create'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['create'] } },
	properties,
);
