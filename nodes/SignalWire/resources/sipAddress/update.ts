import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { ADDRESS_FIELDS, addressIdLocator } from '../../shared/descriptions';

export const description = 'Change a SIP address, including its write-only registration password';

export const fields: INodeProperties[] = [
	addressIdLocator,
	fieldCollection(ADDRESS_FIELDS, 'update', {
		description:
			'Only the fields you add here are sent; the others stay as they are. The calling handler cannot be changed.',
	}),
];
