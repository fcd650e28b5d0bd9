import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { DEVICE_FIELDS } from '../../shared/descriptions';
import { deviceLocators } from './locators';
import { deviceChangeAnswer } from '../../shared/output';

export const description =
	'Change device settings such as the SIP registration password; only the fields you set are sent';

export const fields: INodeProperties[] = [
	...deviceLocators,
	fieldCollection(DEVICE_FIELDS, 'update', { order: 'table' }),
];

export const postReceive: PostReceiveAction[] = [deviceChangeAnswer('updateFields')];
