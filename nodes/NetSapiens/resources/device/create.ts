import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { DEVICE_FIELDS, outputSecretsOption } from '../../shared/descriptions';
import { userLocators } from './locators';
import { deviceChangeAnswer } from '../../shared/output';

export const description = 'Add a device (a SIP registration) to a user';

export const fields: INodeProperties[] = [
	...userLocators,
	...requiredFields(DEVICE_FIELDS),
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
	fieldCollection(DEVICE_FIELDS, 'create', { order: 'table' }),
	{
		...outputSecretsOption,
		displayOptions: { show: { synchronous: ['yes'] } },
	},
];

export const postReceive: PostReceiveAction[] = [deviceChangeAnswer('additionalFields')];
