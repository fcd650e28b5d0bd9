import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { PROFILE_FIELDS } from '../../shared/descriptions';

const properties: INodeProperties[] = [fieldCollection(PROFILE_FIELDS, 'update')];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipProfile'], operation: ['update'] } },
	properties,
);
