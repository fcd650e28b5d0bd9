import type { INodeProperties } from 'n8n-workflow';
import type { VendorProfile } from './vendor';

/**
 * Switches every request of the node onto the shared request path (see requestPath.ts): n8n only
 * calls a node's pagination hook for requests marked `paginate`, so this always-present hidden
 * parameter marks them all.
 */
export const sharedRequestPathMarker: INodeProperties = {
	displayName: 'Request Path',
	name: 'sharedRequestPath',
	type: 'hidden',
	default: true,
	routing: { send: { paginate: true } },
};

export function rateLimitingOptions(vendor: VendorProfile, documentedLimit: string): INodeProperties {
	const { defaultRequestsPerSecond } = vendor;
	return {
		displayName: 'Rate Limiting',
		name: 'rateLimiting',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: `How this node paces its calls to ${vendor.displayName}. ${documentedLimit} These settings apply per credential.`,
		options: [
			{
				displayName: 'Requests per Second',
				name: 'requestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: defaultRequestsPerSecond,
				description:
					'Most requests this credential sends per second, shared by every execution in this n8n process',
			},
			{
				displayName: 'Max Rate-Limit Retries',
				name: 'maxRateLimitRetries',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description: 'How many times to wait and retry after a "429 Too Many Requests" answer',
			},
			{
				displayName: 'Max Retry Wait (Seconds)',
				name: 'maxRetryWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description: 'Longest single wait the node accepts from a Retry-After header before it fails the item',
			},
			{
				displayName: 'Retries on Server Errors (Reads Only)',
				name: 'serverErrorRetries',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 2,
				description:
					'How many times a read (GET) is retried after a 5xx answer, a timeout or a dropped connection. Writes are never retried automatically, because the vendor may already have applied them.',
			},
		],
	};
}

export function returnAllAndLimit(show: Record<string, string[]>, maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}
