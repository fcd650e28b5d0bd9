import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { rateLimitingOptions, sharedRequestPathMarker } from '../shared/descriptions';
import { listOperation } from '../shared/listing';
import { passwordOperations } from '../shared/passwordOperations';
import { oneDefinitionPerField } from '../shared/oneDefinitionPerField';
import { createRequestPath } from '../shared/requestPath';
import { notRegisteredSinceFilter } from '../shared/registration';
import { searchDevices } from './listSearch/searchDevices';
import { searchDomains } from './listSearch/searchDomains';
import { searchUsers } from './listSearch/searchUsers';
import { deviceDescription } from './resources/device';
import { devicePaging, netSapiensVendor } from './shared/vendor';

// One definition per field (see oneDefinitionPerField.ts): n8n resolves every definition per item.
const properties: INodeProperties[] = oneDefinitionPerField([
	sharedRequestPathMarker,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Device', value: 'device' }],
		default: 'device',
	},
	...deviceDescription,
	rateLimitingOptions(
		netSapiensVendor,
		'NetSapiens documents no request rate limit; raise the pace if your platform allows.',
	),
]);

export class NetSapiens implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSapiens',
		name: 'netSapiens',
		icon: { light: 'file:netsapiens.svg', dark: 'file:netsapiens.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage NetSapiens devices (SIP registrations) and their passwords',
		defaults: { name: 'NetSapiens' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netSapiensSipApi', required: true }],
		// No baseURL here: the credential derives https://{server}/ns-api/v2 and supplies it.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: {
			pagination: createRequestPath(netSapiensVendor, properties, {
				...passwordOperations(netSapiensVendor),
				'device:getAll': listOperation({ ...devicePaging, keep: notRegisteredSinceFilter }),
			}),
		},
		properties,
	};

	methods = { listSearch: { searchDomains, searchUsers, searchDevices } };
}
