import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	...requiredFields(ENDPOINT_FIELDS),
	fieldCollection(ENDPOINT_FIELDS, 'create', {
		description: 'Only the fields you add here are sent; Vobiz applies its defaults to the others',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['create'] } },
	properties,
);
