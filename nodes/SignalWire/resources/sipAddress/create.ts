import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { ADDRESS_FIELDS } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	...requiredFields(ADDRESS_FIELDS),
	fieldCollection(ADDRESS_FIELDS, 'create'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipAddress'], operation: ['create'] } },
	properties,
);
