import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { deviceLocator, domainLocator, userLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Once the device is deleted, phones that register as this device can no longer do so.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	domainLocator,
	userLocator,
	deviceLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['delete'] } },
	properties,
);
