import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { PROFILE_FIELDS } from '../../shared/descriptions';

export const description = 'Change the defaults SIP endpoints of the project inherit';

export const fields: INodeProperties[] = [fieldCollection(PROFILE_FIELDS, 'update')];
