import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { declarativeNode } from '../shared/nodeDescription';
import { notRegisteredSinceFilter } from '../shared/registration';
import { registrationOperations } from '../shared/registrationOperations';
import { searchApplications } from './listSearch/searchApplications';
import { searchEndpoints } from './listSearch/searchEndpoints';
import { endpointDescription } from './resources/endpoint';
import { endpointPaging, vobizVendor } from './shared/vendor';

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
		...declarativeNode({
			vendor: vobizVendor,
			resources: [{ name: 'Endpoint', value: 'endpoint' }],
			properties: endpointDescription,
			documentedLimit:
				'Vobiz answers 429 when too many requests arrive but publishes no per-second limit, so the default is deliberately low.',
			lists: { endpoint: { ...endpointPaging, keep: notRegisteredSinceFilter } },
			registration: registrationOperations,
		}),
	};

	methods = { listSearch: { searchEndpoints, searchApplications } };
}
