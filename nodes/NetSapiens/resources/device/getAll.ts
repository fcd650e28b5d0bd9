import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { notRegisteredSinceField } from '../../../shared/registrationDescriptions';
import { netSapiensVendor } from '../../shared/vendor';
import { domainLocator, outputSecretsOption, userLocator } from '../../shared/descriptions';

export const description = 'List the devices of a user or of a whole domain';

export const fields: INodeProperties[] = [
	{
		displayName: 'Devices Of',
		name: 'listScope',
		type: 'options',
		options: [
			{ name: 'A User', value: 'user', description: 'The devices of one user' },
			{
				name: 'The Whole Domain',
				value: 'domain',
				description: 'The devices of every user in the domain',
			},
		],
		default: 'user',
	},
	domainLocator,
	{ ...userLocator, displayOptions: { show: { listScope: ['user'] } } },
	...returnAllAndLimit(),
	notRegisteredSinceField(netSapiensVendor.rotation, true),
	outputSecretsOption,
];
