import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { deviceLocator } from '../../shared/descriptions';
import { userLocators } from './locators';
import { deletedDevice } from '../../shared/output';
import { noticeField } from '../../../shared/descriptions';

export const description = 'Remove a device from a user';

export const fields: INodeProperties[] = [
	noticeField(
		'deleteNotice',
		'Once the device is deleted, phones that register as this device can no longer do so.',
	),
	...userLocators,
	deviceLocator,
];

export const postReceive: PostReceiveAction[] = [deletedDevice];
