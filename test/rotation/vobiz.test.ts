import { vobizVendor } from '../../nodes/Vobiz/shared/vendor';
import { describeRotation } from './suite';
import { byId } from '../harness/locator';

const seededId = (env: any, index: number): string =>
	env.sandbox.endpoints().vobiz.seeded.endpointIds[index];

describeRotation({
	vendor: 'vobiz',
	node: 'vobiz',
	credentialType: 'vobizSipApi',
	profile: vobizVendor,
	target: (env, index) => ({ resource: 'endpoint', endpointId: byId(seededId(env, index)) }),
	deviceId: seededId,
	verifiable: true,
	changeSignsOut: true,
	applyCall: { method: 'POST', path: /^\/api\/v1\/Account\/[^/]+\/Endpoint\/[^/]+\/$/ },
	passwordField: 'password',
	validationStatus: 400,
});
