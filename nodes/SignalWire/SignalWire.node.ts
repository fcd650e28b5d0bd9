import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { declarativeNode } from '../shared/nodeDescription';
import { searchSipAddresses } from './listSearch/searchSipAddresses';
import { searchSipEndpoints } from './listSearch/searchSipEndpoints';
import { sipAddressDescription } from './resources/sipAddress';
import { sipEndpointDescription } from './resources/sipEndpoint';
import { sipProfileDescription } from './resources/sipProfile';
import { signalWireVendor, sipAddressPaging, sipEndpointPaging } from './shared/vendor';

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
		...declarativeNode({
			vendor: signalWireVendor,
			resources: [
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
			defaultResource: 'sipEndpoint',
			properties: [...sipAddressDescription, ...sipEndpointDescription, ...sipProfileDescription],
			documentedLimit:
				'SignalWire documents 13,800 writes (POST, PUT, PATCH) per 10 seconds for a whole Space and reads as effectively unlimited; it answers 429 beyond that.',
			lists: { sipAddress: sipAddressPaging, sipEndpoint: sipEndpointPaging },
		}),
	};

	methods = { listSearch: { searchSipAddresses, searchSipEndpoints } };
}
