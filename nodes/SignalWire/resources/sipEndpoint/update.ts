import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS, endpointIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	endpointIdLocator,
	fieldCollection(ENDPOINT_FIELDS, 'update'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipEndpoint'], operation: ['update'] } },
	properties,
);
