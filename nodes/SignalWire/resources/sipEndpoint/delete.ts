import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'The SIP endpoint is deleted permanently. Devices registered with it stop working.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	endpointIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipEndpoint'], operation: ['delete'] } },
	properties,
);
