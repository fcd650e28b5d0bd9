import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { ADDRESS_FIELDS, addressIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	addressIdLocator,
	fieldCollection(ADDRESS_FIELDS, 'update', {
		description:
			'Only the fields you add here are sent; the others stay as they are. The calling handler cannot be changed.',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipAddress'], operation: ['update'] } },
	properties,
);
