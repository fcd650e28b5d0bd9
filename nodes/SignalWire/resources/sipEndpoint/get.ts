import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [endpointIdLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipEndpoint'], operation: ['get'] } },
	properties,
);
