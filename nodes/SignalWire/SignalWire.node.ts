import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { rateLimitingOptions, sharedRequestPathMarker } from '../shared/descriptions';
import { listOperation } from '../shared/listing';
import { passwordOperations } from '../shared/passwordOperations';
import { oneDefinitionPerField } from '../shared/oneDefinitionPerField';
import { createRequestPath } from '../shared/requestPath';
import { searchSipAddresses } from './listSearch/searchSipAddresses';
import { searchSipEndpoints } from './listSearch/searchSipEndpoints';
import { sipAddressDescription } from './resources/sipAddress';
import { sipEndpointDescription } from './resources/sipEndpoint';
import { sipProfileDescription } from './resources/sipProfile';
import { signalWireVendor, sipAddressPaging, sipEndpointPaging } from './shared/vendor';

// One definition per field (see oneDefinitionPerField.ts): n8n resolves every definition per item.
const properties: INodeProperties[] = oneDefinitionPerField([
	sharedRequestPathMarker,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'SIP Address',
				value: 'sipAddress',
				description: 'Fabric SIP addresses, with a write-only registration password',
			},
			{
				name: 'SIP Endpoint',
				value: 'sipEndpoint',
				description:
					'Relay SIP endpoints (labelled legacy by SignalWire): username and password devices register with',
			},
			{
				name: 'SIP Profile',
				value: 'sipProfile',
				description: "The project's SIP domain and the defaults its endpoints inherit",
			},
		],
		default: 'sipEndpoint',
	},
	...sipAddressDescription,
	...sipEndpointDescription,
	...sipProfileDescription,
	rateLimitingOptions(
		signalWireVendor,
		'SignalWire documents 13,800 writes (POST, PUT, PATCH) per 10 seconds for a whole Space and reads as effectively unlimited; it answers 429 beyond that.',
	),
]);

export class SignalWire implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignalWire',
		name: 'signalWire',
		icon: { light: 'file:signalwire.svg', dark: 'file:signalwire.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage SignalWire SIP endpoints, SIP addresses and the SIP profile',
		defaults: { name: 'SignalWire' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signalWireSipApi', required: true }],
		// No baseURL here: the credential's authenticate() supplies the Space's own (see authenticateOnBase).
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: {
			pagination: createRequestPath(signalWireVendor, properties, {
				...passwordOperations(signalWireVendor),
				'sipEndpoint:getAll': listOperation(sipEndpointPaging),
				'sipAddress:getAll': listOperation(sipAddressPaging),
			}),
		},
		properties,
	};

	methods = { listSearch: { searchSipAddresses, searchSipEndpoints } };
}
