import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		...registrationIdLocator,
		description:
			'The SIP registration to delete. Ultravox stops registering with that PBX at once.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipRegistration'], operation: ['delete'] } },
	properties,
);
