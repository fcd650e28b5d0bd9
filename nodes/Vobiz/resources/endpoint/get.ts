import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'The endpoint\'s sip_registered ("true" or "false", as text), sip_contact, sip_expires and sip_user_agent say whether a device is registered with it.',
		name: 'getNotice',
		type: 'notice',
		default: '',
	},
	endpointIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endpoint'], operation: ['get'] } },
	properties,
);
