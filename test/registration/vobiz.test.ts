import { vobizVendor } from '../../nodes/Vobiz/shared/vendor';
import { describeRegistration } from './suite';

describeRegistration({
	vendor: 'vobiz',
	node: 'vobiz',
	credentialType: 'vobizSipApi',
	profile: vobizVendor,
	statesTime: false,
	fleet: () => ({ resource: 'endpoint' }),
	idField: 'endpoint_id',
	targetOf: (_env, listed) => ({ resource: 'endpoint', endpointId: { __rl: true, mode: 'id', value: String(listed.endpoint_id) } }),
	deviceIdOf: (_env, listed) => String(listed.endpoint_id),
});
