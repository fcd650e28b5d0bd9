import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import {
	DEVICE_FIELDS,
	deviceLocator,
	domainLocator,
	userLocator,
} from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	userLocator,
	deviceLocator,
	fieldCollection(DEVICE_FIELDS, 'update', { order: 'table' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['update'] } },
	properties,
);
