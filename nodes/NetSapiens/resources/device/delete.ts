import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { deviceLocator } from '../../shared/descriptions';
import { userLocators } from './locators';
import { deletedDevice } from '../../shared/output';

export const description = 'Remove a device from a user';

export const fields: INodeProperties[] = [
	{
		displayName:
			'Once the device is deleted, phones that register as this device can no longer do so.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	...userLocators,
	deviceLocator,
];

export const postReceive: PostReceiveAction[] = [deletedDevice];
