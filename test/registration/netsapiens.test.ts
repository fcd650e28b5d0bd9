import { netSapiensVendor } from '../../nodes/NetSapiens/shared/vendor';
import { describeRegistration } from './suite';
import { byId } from '../harness/locator';

const seeded = (env: any) => env.sandbox.endpoints().netsapiens.seeded;

describeRegistration({
	vendor: 'netsapiens',
	node: 'netSapiens',
	credentialType: 'netSapiensSipApi',
	profile: netSapiensVendor,
	statesTime: true,
	fleet: (env) => ({
		resource: 'device',
		listScope: 'domain',
		domain: byId(String(seeded(env).domain)),
	}),
	idField: 'device',
	targetOf: (env, listed) => ({
		resource: 'device',
		domain: byId(String(seeded(env).domain)),
		user: byId(String(listed.user)),
		device: byId(String(listed.device)),
	}),
	deviceIdOf: (env, listed) => `${String(listed.device)}@${seeded(env).domain}`,
});
