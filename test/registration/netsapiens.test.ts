import { netSapiensVendor } from '../../nodes/NetSapiens/shared/vendor';
import { describeRegistration } from './suite';

const seeded = (env: any) => env.sandbox.endpoints().netsapiens.seeded;
const locator = (value: unknown) => ({ __rl: true as const, mode: 'id', value: String(value) });

describeRegistration({
	vendor: 'netsapiens',
	node: 'netSapiens',
	credentialType: 'netSapiensSipApi',
	profile: netSapiensVendor,
	statesTime: true,
	fleet: (env) => ({ resource: 'device', listScope: 'domain', domain: locator(seeded(env).domain) }),
	idField: 'device',
	targetOf: (env, listed) => ({
		resource: 'device',
		domain: locator(seeded(env).domain),
		user: locator(listed.user),
		device: locator(listed.device),
	}),
	deviceIdOf: (env, listed) => `${String(listed.device)}@${seeded(env).domain}`,
});
