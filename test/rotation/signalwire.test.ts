import { signalWireVendor } from '../../nodes/SignalWire/shared/vendor';
import { describeRotation } from './suite';
import { byId } from '../harness/locator';

const seededId = (env: any, index: number): string =>
	env.sandbox.endpoints().signalwire.seeded.sipEndpointIds[index];

describeRotation({
	vendor: 'signalwire',
	node: 'signalWire',
	credentialType: 'signalWireSipApi',
	profile: signalWireVendor,
	target: (env, index) => ({ resource: 'sipEndpoint', endpointId: byId(seededId(env, index)) }),
	deviceId: seededId,
	verifiable: false,
	applyCall: { method: 'PUT', path: /^\/api\/relay\/rest\/endpoints\/sip\/[^/]+$/ },
	passwordField: 'password',
	validationStatus: 422,
});
