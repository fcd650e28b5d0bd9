import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { declarativeNode } from '../shared/nodeDescription';
import { searchSipDomains } from './listSearch/searchSipDomains';
import { searchSipUsers } from './listSearch/searchSipUsers';
import { sipUserDescription } from './resources/sipUser';
import { opentactVendor, sipUserPaging } from './shared/vendor';

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
		...declarativeNode({
			vendor: opentactVendor,
			resources: [{ name: 'SIP User', value: 'sipUser' }],
			properties: sipUserDescription,
			documentedLimit:
				'Opentact documents no rate limit, so the node paces itself conservatively at 10 requests per second by default.',
			lists: { sipUser: sipUserPaging },
		}),
	};

	methods = { listSearch: { searchSipDomains, searchSipUsers } };
}
