import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	...requiredFields(ENDPOINT_FIELDS),
	fieldCollection(ENDPOINT_FIELDS, 'create'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipEndpoint'], operation: ['create'] } },
	properties,
);
