import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { credentialTestRules } from '../nodes/shared/credentialTest';
import { authenticateOnBase } from '../nodes/shared/url';

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
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.ultravox.ai',
			description:
				"Leave as is for Ultravox. Change it only to reach the pack's sandbox; https is required except for localhost.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateOnBase(
			requestOptions,
			credentials.baseUrl,
			{
				'X-API-Key': { label: 'API Key', value: credentials.apiKey },
			},
			{ 'API Key': credentials.apiKey },
		);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/api/accounts/me',
			method: 'GET',
		},
		rules: credentialTestRules('Ultravox', [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Ultravox rejected the API key (401). Copy the key again from the Ultravox console.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Ultravox accepted the key but refused access (403). Check the key's permissions.",
				},
			},
		]),
	};
}
