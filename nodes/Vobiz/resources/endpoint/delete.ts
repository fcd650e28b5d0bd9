import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Devices registered with the deleted endpoint are disconnected at once.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	endpointIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['delete'] } },
	properties,
);
