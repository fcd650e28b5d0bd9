import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { REGISTRATION_FIELDS, registrationIdLocator } from '../../shared/descriptions';

export const description =
	'Change the username, password, proxy, outbound proxy or auth user of a registration';

export const fields: INodeProperties[] = [
	registrationIdLocator,
	fieldCollection(REGISTRATION_FIELDS, 'update', { order: 'table' }),
];
