import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import {
	deviceFieldProperties,
	domainLocator,
	outputSecretsOption,
	userLocator,
} from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	userLocator,
	{
		displayName: 'Device',
		name: 'device',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1000a',
		description: 'Name of the new device, the first part of its SIP URI sip:{device}@{domain}',
		routing: { send: { type: 'body', property: 'device' } },
	},
	{
		displayName: 'Synchronous',
		name: 'synchronous',
		type: 'options',
		options: [
			{
				name: 'No',
				value: 'no',
				description: 'NetSapiens accepts the device at once (202) and writes it in the background',
			},
			{
				name: 'Yes',
				value: 'yes',
				description: 'Wait until the device is written and output it (200); a little slower',
			},
		],
		default: 'no',
		description:
			'Whether NetSapiens answers only once the device is written, with the device itself',
		routing: { send: { type: 'body', property: 'synchronous' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: deviceFieldProperties('create'),
	},
	{
		...outputSecretsOption,
		displayOptions: { show: { synchronous: ['yes'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['create'] } },
	properties,
);
