import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';

export const description =
	'List the SIP endpoints (legacy) of the project, optionally filtered by username or caller ID';

export const fields: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Caller ID',
			name: 'callerId',
			type: 'string',
			default: '',
			description: 'Only endpoints whose caller ID contains this text',
			routing: { send: { type: 'query', property: 'filter_caller_id' } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description: 'Only endpoints whose username contains this text',
			routing: { send: { type: 'query', property: 'filter_username' } },
		},
	]),
];
