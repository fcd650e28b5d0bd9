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

export class VobizSipApi implements ICredentialType {
	name = 'vobizSipApi';

	displayName = 'Vobiz SIP API';

	icon: Icon = {
		light: 'file:../nodes/Vobiz/vobiz.svg',
		dark: 'file:../nodes/Vobiz/vobiz.dark.svg',
	};

	documentationUrl = 'https://docs.vobiz.ai/account/retrieve-account';

	properties: INodeProperties[] = [
		{
			displayName: 'Auth ID',
			name: 'authId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. MA_XXXXXXXX',
			description:
				'Your account Auth ID from the Vobiz console. Sent as the X-Auth-ID header and used as {auth_id} in every endpoint URL.',
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Your account Auth Token from the Vobiz console, sent as the X-Auth-Token header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.vobiz.ai',
			description:
				"Leave as is for Vobiz. Change it only to reach the pack's sandbox; https is required except for localhost.",
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
				'X-Auth-ID': { label: 'Auth ID', value: credentials.authId },
				'X-Auth-Token': { label: 'Auth Token', value: credentials.authToken },
			},
			{ 'Auth ID': credentials.authId, 'Auth Token': credentials.authToken },
		);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/api/v1/auth/me',
			method: 'GET',
		},
		rules: credentialTestRules('Vobiz', [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Vobiz rejected the Auth ID or Auth Token (401). Copy both again from the Vobiz console; the Auth ID looks like MA_XXXXXXXX.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Vobiz accepted the Auth ID and Auth Token but refused access (403). Check in the Vobiz console that the account is active and allowed to use the API.',
				},
			},
		]),
	};
}
