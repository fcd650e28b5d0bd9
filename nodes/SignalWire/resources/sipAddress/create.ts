import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { addressNameField, sipAddressOptionalFields } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{ ...addressNameField, required: true },
	{
		displayName: 'Calling Handler Resource ID',
		name: 'callingHandlerResourceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718',
		description:
			'The resource of the project (an AI agent, SWML script, call flow, …) that handles inbound calls to this address. It cannot be changed later.',
		routing: { send: { type: 'body', property: 'calling_handler_resource_id' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sipAddressOptionalFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipAddress'], operation: ['create'] } },
	properties,
);
