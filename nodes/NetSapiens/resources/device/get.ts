import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import {
	deviceLocator,
	domainLocator,
	outputSecretsOption,
	userLocator,
} from '../../shared/descriptions';

const properties: INodeProperties[] = [
	domainLocator,
	userLocator,
	deviceLocator,
	outputSecretsOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['get'] } },
	properties,
);
