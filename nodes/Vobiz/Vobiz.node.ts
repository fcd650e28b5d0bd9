import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { rateLimitingOptions, sharedRequestPathMarker } from '../shared/descriptions';
import { listOperation } from '../shared/listing';
import { passwordOperations } from '../shared/passwordOperations';
import { oneDefinitionPerField } from '../shared/oneDefinitionPerField';
import { createRequestPath } from '../shared/requestPath';
import { notRegisteredSinceFilter } from '../shared/registration';
import { searchApplications } from './listSearch/searchApplications';
import { searchEndpoints } from './listSearch/searchEndpoints';
import { endpointDescription } from './resources/endpoint';
import { endpointPaging, vobizVendor } from './shared/vendor';

// One definition per field (see oneDefinitionPerField.ts): n8n resolves every definition per item.
const properties: INodeProperties[] = oneDefinitionPerField([
	sharedRequestPathMarker,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Endpoint', value: 'endpoint' }],
		default: 'endpoint',
	},
	...endpointDescription,
	rateLimitingOptions(
		vobizVendor,
		'Vobiz answers 429 when too many requests arrive but publishes no per-second limit, so the default is deliberately low.',
	),
]);

export class Vobiz implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vobiz',
		name: 'vobiz',
		icon: { light: 'file:vobiz.svg', dark: 'file:vobiz.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Manage Vobiz SIP endpoints: create, read, list, update passwords and settings, delete',
		defaults: { name: 'Vobiz' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vobizSipApi', required: true }],
		// No baseURL here: the credential's authenticate() supplies its own (see authenticateOnBase).
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: {
			pagination: createRequestPath(vobizVendor, properties, {
				...passwordOperations(vobizVendor),
				'endpoint:getAll': listOperation({ ...endpointPaging, keep: notRegisteredSinceFilter }),
			}),
		},
		properties,
	};

	methods = { listSearch: { searchEndpoints, searchApplications } };
}
