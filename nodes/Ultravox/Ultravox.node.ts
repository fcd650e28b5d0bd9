import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { rateLimitingOptions, sharedRequestPathMarker } from '../shared/descriptions';
import { listOperation } from '../shared/listing';
import { passwordOperations } from '../shared/passwordOperations';
import { oneDefinitionPerField } from '../shared/oneDefinitionPerField';
import { createRequestPath } from '../shared/requestPath';
import { notRegisteredSinceFilter } from '../shared/registration';
import { searchSipRegistrations } from './listSearch/searchSipRegistrations';
import { sipRegistrationDescription } from './resources/sipRegistration';
import { sipRegistrationPaging, ultravoxVendor } from './shared/vendor';

// One definition per field (see oneDefinitionPerField.ts): n8n resolves every definition per item.
const properties: INodeProperties[] = oneDefinitionPerField([
	sharedRequestPathMarker,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'SIP Registration', value: 'sipRegistration' }],
		default: 'sipRegistration',
	},
	...sipRegistrationDescription,
	rateLimitingOptions(
		ultravoxVendor,
		'Ultravox allows 200 requests per second per API key and answers 429 with Retry-After beyond that.',
	),
]);

export class Ultravox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ultravox',
		name: 'ultravox',
		icon: { light: 'file:ultravox.svg', dark: 'file:ultravox.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Ultravox SIP registrations and rotate their passwords',
		defaults: { name: 'Ultravox' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ultravoxSipApi', required: true }],
		// No baseURL here: the credential's authenticate() supplies its own (see authenticateOnBase).
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: {
			pagination: createRequestPath(ultravoxVendor, properties, {
				...passwordOperations(ultravoxVendor),
				'sipRegistration:getAll': listOperation({
					...sipRegistrationPaging,
					keep: notRegisteredSinceFilter,
				}),
			}),
		},
		properties,
	};

	methods = { listSearch: { searchSipRegistrations } };
}
