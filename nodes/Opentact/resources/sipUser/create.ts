import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { domainLocator, SIP_USER_FIELDS } from '../../shared/descriptions';

export const description = 'Create a SIP user in a SIP domain';

export const fields: INodeProperties[] = [
	domainLocator,
	...requiredFields(SIP_USER_FIELDS),
	fieldCollection(SIP_USER_FIELDS, 'create'),
];
