import { ApplicationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { sessionTokenFor } from '../nodes/Opentact/shared/session';
import { credentialTest } from '../nodes/shared/credentialTest';
import { baseUrlField } from '../nodes/shared/credentialFields';
import { assertCredentialFilled, assertHeaderSafe, authenticateOnBase } from '../nodes/shared/url';

export class OpentactSipApi implements ICredentialType {
	name = 'opentactSipApi';

	displayName = 'Opentact SIP API';

	icon: Icon = {
		light: 'file:../nodes/Opentact/opentact.svg',
		dark: 'file:../nodes/Opentact/opentact.dark.svg',
	};

	documentationUrl =
		'https://doc.opentact.org/opentact-api-documentation/overview/passing-authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Account Login',
					value: 'accountLogin',
					description:
						'Email and password of your Opentact portal user; n8n logs in and renews the 24-hour session token itself',
				},
				{
					name: 'API Token',
					value: 'apiToken',
					description:
						'A long-lived token created in the Opentact portal (Auth User → Auth Tokens) or with POST /rest/token',
				},
			],
			default: 'accountLogin',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['accountLogin'] } },
			description: 'The email you sign in to the Opentact portal with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['accountLogin'] } },
			description:
				'The password of that Opentact user. It is only sent to log in (GET /rest/auth).',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['apiToken'] } },
			description:
				'An Opentact API token ("You will only see your API Key once"). It is sent as the bearer query parameter, as Opentact\'s own scripts do.',
		},
		baseUrlField(
			'Opentact',
			'https://api.opentact.org/rest',
			'staging: https://api.stage.opentact.org/rest',
		),
		{
			// Filled by preAuthentication; n8n renews it when empty, after a 401 and in the credential test (run on save).
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		// An API token needs no login; returning no session token tells n8n there is nothing to save.
		if (credentials.authentication === 'apiToken') return {};
		return { sessionToken: await sessionTokenFor(this, credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (credentials.authentication === 'apiToken') {
			assertCredentialFilled({ 'API Token': credentials.apiToken });
			const token = assertHeaderSafe('API Token', credentials.apiToken);
			if (!token) {
				throw new ApplicationError(
					'The Opentact credential has no API token. Paste one, or switch "Authentication" to "Account Login".',
				);
			}
			const authenticated = authenticateOnBase(requestOptions, credentials.baseUrl, {});
			// Opentact's own tooling passes API tokens as ?bearer=; no header form is documented for /rest.
			authenticated.qs = { ...(authenticated.qs ?? {}), bearer: token };
			return authenticated;
		}
		return authenticateOnBase(requestOptions, credentials.baseUrl, {
			'X-Auth-Token': { label: 'Session Token', value: credentials.sessionToken },
		});
	}

	test = credentialTest(
		'Opentact',
		{ url: '/account' },
		{
			401: 'Opentact rejected the credential (401). An API token that is wrong, expired or deleted gives this: create a new one in the Opentact portal (Auth User → Auth Tokens) and paste it again.',
			403: 'Opentact accepted the credential but refused to show the account (403). Use a user of the account that owns the SIP domains.',
		},
	);
}
