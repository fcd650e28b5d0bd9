import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS, endpointIdLocator, lockedFieldsHelp } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	endpointIdLocator,
	fieldCollection(ENDPOINT_FIELDS, 'update', { description: lockedFieldsHelp }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['update'] } },
	properties,
);
