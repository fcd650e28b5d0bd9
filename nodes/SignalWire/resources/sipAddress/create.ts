import type { INodeProperties, PreSendAction } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { ADDRESS_FIELDS } from '../../shared/descriptions';
import { requireIpAuthWhenEnabled } from '../../shared/validation';

export const description = 'Create a SIP address, optionally with a registration password';

export const fields: INodeProperties[] = [
	...requiredFields(ADDRESS_FIELDS),
	fieldCollection(ADDRESS_FIELDS, 'create'),
];

// IP Auth Enabled needs an entry in IP Auth: a rule across two fields, after the field table's checks.
export const checks: PreSendAction[] = [requireIpAuthWhenEnabled];
