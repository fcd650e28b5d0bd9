import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';

const show = { resource: ['sipEndpoint'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Caller ID',
				name: 'callerId',
				type: 'string',
				default: '',
				description: 'Only endpoints whose caller ID contains this text',
				routing: { send: { type: 'query', property: 'filter_caller_id' } },
			},
			{
				displayName: 'Username',
				name: 'username',
				type: 'string',
				default: '',
				description: 'Only endpoints whose username contains this text',
				routing: { send: { type: 'query', property: 'filter_username' } },
			},
		],
	},
];

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	...updateDisplayOptions({ show }, properties),
];
