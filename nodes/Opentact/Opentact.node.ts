import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { rateLimitingOptions, sharedRequestPathMarker } from '../shared/descriptions';
import { listOperation } from '../shared/listing';
import { passwordOperations } from '../shared/passwordOperations';
import { oneDefinitionPerField } from '../shared/oneDefinitionPerField';
import { createRequestPath } from '../shared/requestPath';
import { searchSipDomains } from './listSearch/searchSipDomains';
import { searchSipUsers } from './listSearch/searchSipUsers';
import { sipUserDescription } from './resources/sipUser';
import { opentactVendor, sipUserPaging } from './shared/vendor';

// One definition per field (see oneDefinitionPerField.ts): n8n resolves every definition per item.
const properties: INodeProperties[] = oneDefinitionPerField([
	sharedRequestPathMarker,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'SIP User', value: 'sipUser' }],
		default: 'sipUser',
	},
	...sipUserDescription,
	rateLimitingOptions(
		opentactVendor,
		'Opentact documents no rate limit, so the node paces itself conservatively at 10 requests per second by default.',
	),
]);

export class Opentact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Opentact',
		name: 'opentact',
		icon: { light: 'file:opentact.svg', dark: 'file:opentact.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage the SIP users of Opentact SIP domains',
		defaults: { name: 'Opentact' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'opentactSipApi', required: true }],
		// No baseURL here: the credential's authenticate() supplies its own (see authenticateOnBase).
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: {
			pagination: createRequestPath(opentactVendor, properties, {
				...passwordOperations(opentactVendor),
				'sipUser:getAll': listOperation(sipUserPaging),
			}),
		},
		properties,
	};

	methods = { listSearch: { searchSipDomains, searchSipUsers } };
}
