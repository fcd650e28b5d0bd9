import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { declarativeNode } from '../shared/nodeDescription';
import { notRegisteredSinceFilter } from '../shared/registration';
import { registrationOperations } from '../shared/registrationOperations';
import { searchSipRegistrations } from './listSearch/searchSipRegistrations';
import { sipRegistrationDescription } from './resources/sipRegistration';
import { sipRegistrationPaging, ultravoxVendor } from './shared/vendor';

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
		...declarativeNode({
			vendor: ultravoxVendor,
			resources: [{ name: 'SIP Registration', value: 'sipRegistration' }],
			properties: sipRegistrationDescription,
			documentedLimit:
				'Ultravox allows 200 requests per second per API key and answers 429 with Retry-After beyond that.',
			lists: { sipRegistration: { ...sipRegistrationPaging, keep: notRegisteredSinceFilter } },
			registration: registrationOperations,
		}),
	};

	methods = { listSearch: { searchSipRegistrations } };
}
