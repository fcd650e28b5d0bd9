import type { INodeParameters } from 'n8n-workflow';
import type { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';

const seeded = (env: TestEnvironment, vendor: string) =>
	env.sandbox.endpoints()[vendor].seeded as Record<string, any>;

/** A call that sends the password in the node's field "Password". */
const passwordCall = (parameters: INodeParameters) => ({
	label: 'Password',
	field: 'password',
	parameters,
});
/** Update of one resource (picked by `locators`) that changes only its password. */
const passwordUpdate = (resource: string, locators: INodeParameters, password: string) =>
	passwordCall({ resource, operation: 'update', ...locators, updateFields: { password } });

/** One vendor node as the shared-layer tests drive it: its credential, a read and the calls that send a password. */
export interface VendorCase {
	vendor: string;
	node: string;
	credentialType: string;
	/** Get of one seeded resource; `id` replaces the ID that is a path segment of the URL. */
	get(env: TestEnvironment, id?: string): INodeParameters;
	/** Every Create/Update that sends a password, with the name the node shows for that field. */
	passwordCalls(
		env: TestEnvironment,
		password: string,
	): Array<{ label: string; field: string; parameters: INodeParameters }>;
	/** The credential's fields that must be filled, as the credential names them. */
	requiredCredentialFields: Array<{
		field: string;
		label: string;
		overrides?: Record<string, string>;
	}>;
}

export const VENDOR_CASES: VendorCase[] = [
	{
		vendor: 'ultravox',
		node: 'ultravox',
		credentialType: 'ultravoxSipApi',
		get: (env, id) => ({
			resource: 'sipRegistration',
			operation: 'get',
			registrationId: byId(id ?? seeded(env, 'ultravox').sipRegistrationIds[0]),
		}),
		passwordCalls: (env, password) => [
			passwordCall({
				resource: 'sipRegistration',
				operation: 'create',
				username: 'alice',
				password,
				proxy: 'pbx.example.com',
			}),
			passwordUpdate(
				'sipRegistration',
				{ registrationId: byId(seeded(env, 'ultravox').sipRegistrationIds[0]) },
				password,
			),
		],
		requiredCredentialFields: [{ field: 'apiKey', label: 'API Key' }],
	},
	{
		vendor: 'signalwire',
		node: 'signalWire',
		credentialType: 'signalWireSipApi',
		get: (env, id) => ({
			resource: 'sipEndpoint',
			operation: 'get',
			endpointId: byId(id ?? seeded(env, 'signalwire').sipEndpointIds[0]),
		}),
		passwordCalls: (env, password) => [
			passwordCall({ resource: 'sipEndpoint', operation: 'create', username: 'c3p0', password }),
			passwordUpdate(
				'sipEndpoint',
				{ endpointId: byId(seeded(env, 'signalwire').sipEndpointIds[0]) },
				password,
			),
			passwordUpdate(
				'sipAddress',
				{ addressId: byId(seeded(env, 'signalwire').sipAddressIds[0]) },
				password,
			),
		],
		requiredCredentialFields: [
			{ field: 'projectId', label: 'Project ID' },
			{ field: 'apiToken', label: 'API Token' },
		],
	},
	{
		vendor: 'opentact',
		node: 'opentact',
		credentialType: 'opentactSipApi',
		get: (env, id) => ({
			resource: 'sipUser',
			operation: 'get',
			domain: byId(seeded(env, 'opentact').sipDomains[0]),
			userId: byId(id ?? seeded(env, 'opentact').sipUserIds[0]),
		}),
		passwordCalls: (env, password) => [
			passwordCall({
				resource: 'sipUser',
				operation: 'create',
				domain: byId(seeded(env, 'opentact').sipDomains[0]),
				login: 'alice',
				password,
			}),
			passwordUpdate(
				'sipUser',
				{
					domain: byId(seeded(env, 'opentact').sipDomains[0]),
					userId: byId(seeded(env, 'opentact').sipUserIds[0]),
				},
				password,
			),
		],
		requiredCredentialFields: [
			{ field: 'password', label: 'Password' },
			{ field: 'apiToken', label: 'API Token', overrides: { authentication: 'apiToken' } },
		],
	},
	{
		vendor: 'vobiz',
		node: 'vobiz',
		credentialType: 'vobizSipApi',
		get: (env, id) => ({
			resource: 'endpoint',
			operation: 'get',
			endpointId: byId(id ?? seeded(env, 'vobiz').endpointIds[0]),
		}),
		passwordCalls: (env, password) => [
			passwordCall({
				resource: 'endpoint',
				operation: 'create',
				username: 'johndesk',
				password,
				alias: 'John-Desk',
			}),
			passwordUpdate(
				'endpoint',
				{ endpointId: byId(seeded(env, 'vobiz').endpointIds[0]) },
				password,
			),
		],
		requiredCredentialFields: [
			{ field: 'authId', label: 'Auth ID' },
			{ field: 'authToken', label: 'Auth Token' },
		],
	},
	{
		vendor: 'netsapiens',
		node: 'netSapiens',
		credentialType: 'netSapiensSipApi',
		get: (env, id) => ({
			resource: 'device',
			operation: 'get',
			domain: byId(seeded(env, 'netsapiens').domain),
			user: byId(seeded(env, 'netsapiens').user),
			device: byId(id ?? seeded(env, 'netsapiens').userDevices[0]),
		}),
		passwordCalls: (env, password) => {
			const own = {
				domain: byId(seeded(env, 'netsapiens').domain),
				user: byId(seeded(env, 'netsapiens').user),
			};
			const device = byId(seeded(env, 'netsapiens').userDevices[0]);
			return [
				{
					label: 'SIP Registration Password',
					field: 'device-sip-registration-password',
					parameters: {
						resource: 'device',
						operation: 'create',
						...own,
						device: 'new1',
						additionalFields: { sipRegistrationPassword: password },
					},
				},
				{
					label: 'SIP Registration Password',
					field: 'device-sip-registration-password',
					parameters: {
						resource: 'device',
						operation: 'update',
						...own,
						device,
						updateFields: { sipRegistrationPassword: password },
					},
				},
				{
					label: 'Provisioning Password',
					field: 'device-provisioning-password',
					parameters: {
						resource: 'device',
						operation: 'update',
						...own,
						device,
						updateFields: { provisioningPassword: password },
					},
				},
			];
		},
		requiredCredentialFields: [
			{ field: 'apiKey', label: 'API Key' },
			{ field: 'clientSecret', label: 'Client Secret', overrides: { authType: 'oAuth2Password' } },
			{ field: 'password', label: 'Password', overrides: { authType: 'oAuth2Password' } },
		],
	},
];
