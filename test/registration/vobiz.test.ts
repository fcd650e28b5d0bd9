import { vobizVendor } from '../../nodes/Vobiz/shared/vendor';
import { describeRegistration } from './suite';
import { byId } from '../harness/locator';

describeRegistration({
	vendor: 'vobiz',
	node: 'vobiz',
	credentialType: 'vobizSipApi',
	profile: vobizVendor,
	statesTime: false,
	fleet: () => ({ resource: 'endpoint' }),
	idField: 'endpoint_id',
	targetOf: (_env, listed) => ({
		resource: 'endpoint',
		endpointId: byId(String(listed.endpoint_id)),
	}),
	deviceIdOf: (_env, listed) => String(listed.endpoint_id),
});
