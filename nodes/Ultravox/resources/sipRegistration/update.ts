import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { REGISTRATION_FIELDS, registrationIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	registrationIdLocator,
	fieldCollection(REGISTRATION_FIELDS, 'update', { order: 'table' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['update'] } },
	properties,
);
