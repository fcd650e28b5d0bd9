import { signalWireVendor } from '../../nodes/SignalWire/shared/vendor';
import { describeRotation } from './suite';

const seededId = (env: any, index: number): string => env.sandbox.endpoints().signalwire.seeded.sipEndpointIds[index];

describeRotation({
	vendor: 'signalwire',
	node: 'signalWire',
	credentialType: 'signalWireSipApi',
	profile: signalWireVendor,
	target: (env, index) => ({ resource: 'sipEndpoint', endpointId: { __rl: true, mode: 'id', value: seededId(env, index) } }),
	deviceId: seededId,
	verifiable: false,
	applyCall: { method: 'PUT', path: /^\/api\/relay\/rest\/endpoints\/sip\/[^/]+$/ },
	passwordField: 'password',
	validationStatus: 422,
});
