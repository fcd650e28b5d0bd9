import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS } from '../../shared/descriptions';

export const description =
	'Create a SIP endpoint (legacy) with a username and password devices register with';

export const fields: INodeProperties[] = [
	...requiredFields(ENDPOINT_FIELDS),
	fieldCollection(ENDPOINT_FIELDS, 'create'),
];
