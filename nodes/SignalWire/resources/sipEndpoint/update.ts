import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import {
	endpointIdLocator,
	passwordField,
	sipEndpointOptionalFields,
	sortedByName,
	usernameField,
} from '../../shared/descriptions';

const properties: INodeProperties[] = [
	endpointIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here are sent; the others stay as they are',
		options: sortedByName([
			...sipEndpointOptionalFields,
			{
				...passwordField,
				description:
					'A new password devices must register with; they fail to register until they are given it. SignalWire never returns it.',
			},
			usernameField,
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipEndpoint'], operation: ['update'] } },
	properties,
);
