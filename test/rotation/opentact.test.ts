import { opentactVendor } from '../../nodes/Opentact/shared/vendor';
import { describeRotation } from './suite';
import { byId } from '../harness/locator';

const seeded = (env: any) => env.sandbox.endpoints().opentact.seeded;
const seededId = (env: any, index: number): string => seeded(env).sipUserIds[index];

describeRotation({
	vendor: 'opentact',
	node: 'opentact',
	credentialType: 'opentactSipApi',
	profile: opentactVendor,
	target: (env, index) => ({
		resource: 'sipUser',
		domain: byId(seeded(env).sipDomains[0]),
		userId: byId(seededId(env, index)),
	}),
	deviceId: seededId,
	verifiable: false,
	applyCall: { method: 'PATCH', path: /^\/rest\/sip\/domain\/[^/]+\/user\/[^/]+$/ },
	passwordField: 'password',
	validationStatus: 400,
});
