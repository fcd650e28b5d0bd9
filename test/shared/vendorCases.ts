import { byId } from '../harness/locator';
import { vendorCase } from '../harness/vendorCase';
import type { VendorCase } from '../harness/vendorCase';

export type { VendorCase } from '../harness/vendorCase';

export const VENDOR_CASES: VendorCase[] = [
	vendorCase(
		{
			vendor: 'ultravox',
			node: 'ultravox',
			credentialType: 'ultravoxSipApi',
			requiredCredentialFields: [{ field: 'apiKey', label: 'API Key' }],
		},
		{
			resource: 'sipRegistration',
			locators: (seeded, id) => ({ registrationId: byId(id ?? seeded.sipRegistrationIds[0]) }),
			create: () => ({ username: 'alice', proxy: 'pbx.example.com' }),
		},
	),
	vendorCase(
		{
			vendor: 'signalwire',
			node: 'signalWire',
			credentialType: 'signalWireSipApi',
			requiredCredentialFields: [
				{ field: 'projectId', label: 'Project ID' },
				{ field: 'apiToken', label: 'API Token' },
			],
		},
		{
			resource: 'sipEndpoint',
			locators: (seeded, id) => ({ endpointId: byId(id ?? seeded.sipEndpointIds[0]) }),
			create: () => ({ username: 'c3p0' }),
			alsoUpdated: [
				{
					resource: 'sipAddress',
					locators: (seeded) => ({ addressId: byId(seeded.sipAddressIds[0]) }),
				},
			],
		},
	),
	vendorCase(
		{
			vendor: 'opentact',
			node: 'opentact',
			credentialType: 'opentactSipApi',
			requiredCredentialFields: [
				{ field: 'password', label: 'Password' },
				{ field: 'apiToken', label: 'API Token', overrides: { authentication: 'apiToken' } },
			],
		},
		{
			resource: 'sipUser',
			locators: (seeded, id) => ({
				domain: byId(seeded.sipDomains[0]),
				userId: byId(id ?? seeded.sipUserIds[0]),
			}),
			create: (seeded) => ({ domain: byId(seeded.sipDomains[0]), login: 'alice' }),
		},
	),
	vendorCase(
		{
			vendor: 'vobiz',
			node: 'vobiz',
			credentialType: 'vobizSipApi',
			requiredCredentialFields: [
				{ field: 'authId', label: 'Auth ID' },
				{ field: 'authToken', label: 'Auth Token' },
			],
		},
		{
			resource: 'endpoint',
			locators: (seeded, id) => ({ endpointId: byId(id ?? seeded.endpointIds[0]) }),
			create: () => ({ username: 'johndesk', alias: 'John-Desk' }),
		},
	),
	vendorCase(
		{
			vendor: 'netsapiens',
			node: 'netSapiens',
			credentialType: 'netSapiensSipApi',
			requiredCredentialFields: [
				{ field: 'apiKey', label: 'API Key' },
				{
					field: 'clientSecret',
					label: 'Client Secret',
					overrides: { authType: 'oAuth2Password' },
				},
				{ field: 'password', label: 'Password', overrides: { authType: 'oAuth2Password' } },
			],
		},
		{
			resource: 'device',
			locators: (seeded, id) => ({
				domain: byId(seeded.domain),
				user: byId(seeded.user),
				device: byId(id ?? seeded.userDevices[0]),
			}),
			// NetSapiens names its two password fields itself; Create sets one under "Additional Fields".
			passwordCalls: (env, password) => {
				const seeded = env.seeded('netsapiens');
				const own = { domain: byId(seeded.domain), user: byId(seeded.user) };
				const update = { resource: 'device', operation: 'update', ...own };
				const device = byId(seeded.userDevices[0]);
				const registration = {
					label: 'SIP Registration Password',
					field: 'device-sip-registration-password',
				};
				return [
					{
						...registration,
						parameters: {
							resource: 'device',
							operation: 'create',
							...own,
							device: 'new1',
							additionalFields: { sipRegistrationPassword: password },
						},
					},
					{
						...registration,
						parameters: { ...update, device, updateFields: { sipRegistrationPassword: password } },
					},
					{
						label: 'Provisioning Password',
						field: 'device-provisioning-password',
						parameters: { ...update, device, updateFields: { provisioningPassword: password } },
					},
				];
			},
		},
	),
];
