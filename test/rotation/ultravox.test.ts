import { ultravoxVendor } from '../../nodes/Ultravox/shared/vendor';
import { describeRotation } from './suite';
import { byId } from '../harness/locator';

const seededId = (env: any, index: number): string =>
	env.sandbox.endpoints().ultravox.seeded.sipRegistrationIds[index];

describeRotation({
	vendor: 'ultravox',
	node: 'ultravox',
	credentialType: 'ultravoxSipApi',
	profile: ultravoxVendor,
	target: (env, index) => ({
		resource: 'sipRegistration',
		registrationId: byId(seededId(env, index)),
	}),
	deviceId: seededId,
	verifiable: true,
	applyCall: { method: 'PATCH', path: /^\/api\/sip\/registrations\/[^/]+$/ },
	passwordField: 'password',
	validationStatus: 400,
});
