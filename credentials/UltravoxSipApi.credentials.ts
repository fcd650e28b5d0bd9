import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import { BASE_URL_OF_CREDENTIAL, credentialTest } from '../nodes/shared/credentialTest';
import { baseUrlField, headerAuthentication } from '../nodes/shared/credentialFields';

export class UltravoxSipApi implements ICredentialType {
	name = 'ultravoxSipApi';

	displayName = 'Ultravox SIP API';

	icon: Icon = {
		light: 'file:../nodes/Ultravox/ultravox.svg',
		dark: 'file:../nodes/Ultravox/ultravox.dark.svg',
	};

	documentationUrl = 'https://docs.ultravox.ai/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An Ultravox API key (created in the Ultravox console), sent as the X-API-Key header',
		},
		baseUrlField('Ultravox', 'https://api.ultravox.ai'),
	];

	authenticate = headerAuthentication({ 'X-API-Key': { field: 'apiKey', label: 'API Key' } });

	test = credentialTest(
		'Ultravox',
		{ baseURL: BASE_URL_OF_CREDENTIAL, url: '/api/accounts/me' },
		{
			401: 'Ultravox rejected the API key (401). Copy the key again from the Ultravox console.',
			403: "Ultravox accepted the key but refused access (403). Check the key's permissions.",
		},
	);
}
