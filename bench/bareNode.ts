import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * Baseline for the engine-overhead benchmark: the smallest declarative node n8n can run for the
 * same Ultravox PATCH — no validation, pacing, retries or error mapping. The gap between it and
 * a plain HTTP client is n8n's own per-item cost (RoutingNode and its HTTP stack); the gap
 * between it and the pack's node is what the pack adds.
 */
export class BareUltravoxUpdate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bare Ultravox Update',
		name: 'bareUltravoxUpdate',
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name: 'Bare Ultravox Update' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ultravoxSipApi', required: true }],
		requestDefaults: { headers: { 'Content-Type': 'application/json' }, json: true },
		properties: [
			{
				displayName: 'Registration ID',
				name: 'registrationId',
				type: 'string',
				default: '',
				routing: { request: { method: 'PATCH', url: '=/api/sip/registrations/{{ $value }}' } },
			},
			{
				displayName: 'Proxy',
				name: 'proxy',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'proxy' } },
			},
		],
	};
}
