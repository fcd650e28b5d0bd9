import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { REGISTRATION_FIELDS } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	...requiredFields(REGISTRATION_FIELDS),
	fieldCollection(REGISTRATION_FIELDS, 'create', { order: 'table' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['create'] } },
	properties,
);
