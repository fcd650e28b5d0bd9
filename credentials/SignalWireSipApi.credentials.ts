import { ApplicationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { signalWireBaseUrlExpression, signalWireTarget } from '../nodes/SignalWire/shared/space';
import { credentialTest } from '../nodes/shared/credentialTest';
import { assertCredentialFilled, assertHeaderSafe, authenticateOnBase } from '../nodes/shared/url';

export class SignalWireSipApi implements ICredentialType {
	name = 'signalWireSipApi';

	displayName = 'SignalWire SIP API';

	icon: Icon = {
		light: 'file:../nodes/SignalWire/signalwire.svg',
		dark: 'file:../nodes/SignalWire/signalwire.dark.svg',
	};

	documentationUrl = 'https://developer.signalwire.com/platform/your-signalwire-api-space';

	properties: INodeProperties[] = [
		{
			displayName: 'Space',
			name: 'space',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. example',
			description:
				'Your SignalWire Space: the "example" of example.signalwire.com. The full host is accepted too.',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. a1b2c3d4-…',
			description:
				'The Project ID from the API page of your Space, sent as the Basic auth username',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An API token of the project (starts with PT), sent as the Basic auth password. It needs the Voice scope for the SIP profile and SIP endpoints, and Calling (or Fax, Messaging, Video) for SIP addresses.',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/signalwire',
			description:
				"Leave empty for SignalWire (https://{space}.signalwire.com). Set it only to reach the pack's sandbox; https is required except for localhost. The Space is then sent as the Host header.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		assertCredentialFilled({
			'Project ID': credentials.projectId,
			'API Token': credentials.apiToken,
		});
		const target = signalWireTarget(credentials);
		const projectId = assertHeaderSafe('Project ID', credentials.projectId);
		const apiToken = assertHeaderSafe('API Token', credentials.apiToken);
		// RFC 7617: the user-id of Basic auth cannot contain a colon; it would shift into the token.
		if (projectId.includes(':')) {
			throw new ApplicationError(
				"The credential's Project ID must not contain a colon. Copy it again from your Space's API page",
			);
		}
		const basic = Buffer.from(`${projectId}:${apiToken}`, 'utf8').toString('base64');
		return authenticateOnBase(requestOptions, target.baseUrl, {
			Authorization: { label: 'Project ID / API Token', value: `Basic ${basic}` },
			...(target.hostHeader ? { Host: { label: 'Space', value: target.hostHeader } } : {}),
		});
	}

	test = credentialTest(
		'SignalWire',
		{ baseURL: signalWireBaseUrlExpression, url: '/api/relay/rest/sip_profile' },
		{
			401: "SignalWire refused the credential (401). Check the Space, the Project ID and the API Token. SignalWire also answers 401 when the token lacks the Voice scope, which the SIP profile and SIP endpoints need: enable Voice on the token in your Space's API settings.",
			403: 'SignalWire accepted the token but refused the SIP profile (403). Enable the Voice scope on the API token.',
			404: 'SignalWire found nothing at this Space (404). Check the Space name.',
		},
	);
}
