import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { REGISTRATION_FIELDS } from '../../shared/descriptions';

export const description = 'Register Ultravox with your PBX as a SIP user';

export const fields: INodeProperties[] = [
	...requiredFields(REGISTRATION_FIELDS),
	fieldCollection(REGISTRATION_FIELDS, 'create', { order: 'table' }),
];
