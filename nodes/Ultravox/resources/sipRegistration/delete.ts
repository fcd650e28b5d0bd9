import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Ultravox stops registering with the PBX at once when the registration is deleted.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	registrationIdLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['delete'] } },
	properties,
);
