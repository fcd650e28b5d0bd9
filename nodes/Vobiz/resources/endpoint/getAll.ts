import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { notRegisteredSinceField } from '../../../shared/registrationDescriptions';
import { listFilters } from '../../shared/descriptions';
import { vobizVendor } from '../../shared/vendor';

const show = { resource: ['endpoint'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description:
			'Vobiz applies these filters before paging, so Limit counts matching endpoints only',
		options: listFilters,
	},
	notRegisteredSinceField(vobizVendor.rotation!, false),
];

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	...updateDisplayOptions({ show }, properties),
];
