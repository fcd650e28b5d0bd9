import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { deviceLocator, domainLocator, userLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	userLocator,
	{
		...deviceLocator,
		description: 'The device to delete. Phones that register as this device can no longer do so.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['delete'] } },
	properties,
);
