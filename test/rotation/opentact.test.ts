import { opentactVendor } from '../../nodes/Opentact/shared/vendor';
import { describeRotation } from './suite';

const seeded = (env: any) => env.sandbox.endpoints().opentact.seeded;
const seededId = (env: any, index: number): string => seeded(env).sipUserIds[index];
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

describeRotation({
	vendor: 'opentact',
	node: 'opentact',
	credentialType: 'opentactSipApi',
	profile: opentactVendor,
	target: (env, index) => ({
		resource: 'sipUser',
		domain: locator(seeded(env).sipDomains[0]),
		userId: locator(seededId(env, index)),
	}),
	deviceId: seededId,
	verifiable: false,
	applyCall: { method: 'PATCH', path: /^\/rest\/sip\/domain\/[^/]+\/user\/[^/]+$/ },
	passwordField: 'password',
	validationStatus: 400,
});
