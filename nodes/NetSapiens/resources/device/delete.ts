import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { deviceLocator } from '../../shared/descriptions';
import { userLocators } from './locators';
import { deletedDevice } from '../../shared/output';

export const description = 'Remove a device from a user';

export const fields: INodeProperties[] = [
	...userLocators,
	{
		...deviceLocator,
		description: 'The device to delete. Phones that register as this device can no longer do so.',
	},
];

export const postReceive: PostReceiveAction[] = [deletedDevice];
