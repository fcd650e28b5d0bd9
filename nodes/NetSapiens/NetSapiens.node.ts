import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { declarativeNode } from '../shared/nodeDescription';
import { notRegisteredSinceFilter } from '../shared/registration';
import { registrationOperations } from '../shared/registrationOperations';
import { searchDevices } from './listSearch/searchDevices';
import { searchDomains } from './listSearch/searchDomains';
import { searchUsers } from './listSearch/searchUsers';
import { deviceDescription } from './resources/device';
import { devicePaging, netSapiensVendor } from './shared/vendor';

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
		...declarativeNode({
			vendor: netSapiensVendor,
			resources: [{ name: 'Device', value: 'device' }],
			properties: deviceDescription,
			documentedLimit:
				'NetSapiens documents no request rate limit; raise the pace if your platform allows.',
			lists: { device: { ...devicePaging, keep: notRegisteredSinceFilter } },
			registration: registrationOperations,
		}),
	};

	methods = { listSearch: { searchDomains, searchUsers, searchDevices } };
}
