import { ultravoxVendor } from '../../nodes/Ultravox/shared/vendor';
import { describeRegistration } from './suite';
import { byId } from '../harness/locator';

describeRegistration({
	vendor: 'ultravox',
	node: 'ultravox',
	credentialType: 'ultravoxSipApi',
	profile: ultravoxVendor,
	statesTime: false,
	fleet: () => ({ resource: 'sipRegistration' }),
	idField: 'registrationId',
	targetOf: (_env, listed) => ({
		resource: 'sipRegistration',
		registrationId: byId(String(listed.registrationId)),
	}),
	deviceIdOf: (_env, listed) => String(listed.registrationId),
});
