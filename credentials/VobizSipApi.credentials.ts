import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import { BASE_URL_OF_CREDENTIAL, credentialTest } from '../nodes/shared/credentialTest';
import { baseUrlField, headerAuthentication } from '../nodes/shared/credentialFields';

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
		baseUrlField('Vobiz', 'https://api.vobiz.ai'),
	];

	authenticate = headerAuthentication({
		'X-Auth-ID': { field: 'authId', label: 'Auth ID' },
		'X-Auth-Token': { field: 'authToken', label: 'Auth Token' },
	});

	test = credentialTest(
		'Vobiz',
		{ baseURL: BASE_URL_OF_CREDENTIAL, url: '/api/v1/auth/me' },
		{
			401: 'Vobiz rejected the Auth ID or Auth Token (401). Copy both again from the Vobiz console; the Auth ID looks like MA_XXXXXXXX.',
			403: 'Vobiz accepted the Auth ID and Auth Token but refused access (403). Check in the Vobiz console that the account is active and allowed to use the API.',
		},
	);
}
