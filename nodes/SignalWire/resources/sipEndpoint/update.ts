import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS, endpointIdLocator } from '../../shared/descriptions';

export const description = 'Change a SIP endpoint (legacy), including its password';

export const fields: INodeProperties[] = [
	endpointIdLocator,
	fieldCollection(ENDPOINT_FIELDS, 'update'),
];
