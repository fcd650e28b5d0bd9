import { netSapiensVendor } from '../../nodes/NetSapiens/shared/vendor';
import { describeRotation } from './suite';
import { byId } from '../harness/locator';

const seeded = (env: any) => env.sandbox.endpoints().netsapiens.seeded;
const device = (env: any, index: number): string =>
	seeded(env).userDevices[index % seeded(env).userDevices.length];

// The seeded user has a few devices; the suite's cases use indexes 0–3.
describeRotation({
	vendor: 'netsapiens',
	node: 'netSapiens',
	credentialType: 'netSapiensSipApi',
	profile: netSapiensVendor,
	target: (env, index) => ({
		resource: 'device',
		domain: byId(seeded(env).domain),
		user: byId(seeded(env).user),
		device: byId(device(env, index)),
	}),
	deviceId: (env, index) => `${device(env, index)}@${seeded(env).domain}`,
	verifiable: true,
	applyCall: {
		method: 'PUT',
		path: /^\/ns-api\/v2\/domains\/[^/]+\/users\/[^/]+\/devices\/[^/]+$/,
	},
	passwordField: 'device-sip-registration-password',
	validationStatus: 400,
});
