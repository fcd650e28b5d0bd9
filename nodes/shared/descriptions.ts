import type { INodeProperties } from 'n8n-workflow';
import { UPPER_BOUNDS } from './parameters';
import { DEFAULT_MAX_RETRY_TIME_SECONDS } from './requestPath';
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

export function rateLimitingOptions(
	vendor: VendorProfile,
	documentedLimit: string,
): INodeProperties {
	const { defaultRequestsPerSecond } = vendor;
	return {
		displayName: 'Rate Limiting',
		name: 'rateLimiting',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: `How this node paces and retries its calls to ${vendor.displayName}. ${documentedLimit} Pacing applies per credential, retries and their time limit per item.`,
		options: [
			{
				displayName: 'Max Rate-Limit Retries',
				name: 'maxRateLimitRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: UPPER_BOUNDS.maxRateLimitRetries },
				default: 5,
				description: 'How many times to wait and retry after a "429 Too Many Requests" answer',
			},
			{
				displayName: 'Max Retry Time per Item (Seconds)',
				name: 'maxRetryTimeSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: UPPER_BOUNDS.maxRetryTimeSeconds },
				default: DEFAULT_MAX_RETRY_TIME_SECONDS,
				description:
					'Longest total time one item spends on failed attempts and the waits between them (429 waits, retries after server errors, timeouts) before it fails. Each attempt waits at most 30 s for an answer unless "Request Options → Timeout" says otherwise.',
			},
			{
				displayName: 'Max Retry Wait (Seconds)',
				name: 'maxRetryWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: UPPER_BOUNDS.maxRetryWaitSeconds },
				default: 60,
				description:
					'Longest single wait the node accepts from a Retry-After header; a vendor asking for longer fails the item at once',
			},
			{
				displayName: 'Requests per Second',
				name: 'requestsPerSecond',
				type: 'number',
				typeOptions: {
					minValue: 0.1,
					maxValue: UPPER_BOUNDS.requestsPerSecond,
					numberPrecision: 1,
				},
				default: defaultRequestsPerSecond,
				description:
					'Most requests this credential sends per second, shared by every execution in this n8n process',
			},
			{
				displayName: 'Retries on Server Errors (Reads Only)',
				name: 'serverErrorRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: UPPER_BOUNDS.serverErrorRetries },
				default: 2,
				description:
					'How many times a read (GET) is retried after a 5xx answer, a timeout or a dropped connection. Writes are never retried automatically, because the vendor may already have applied them.',
			},
		],
	};
}

/** Get Many's Return All and Limit (the operation's displayOptions are added by resourceDescription). */
export function returnAllAndLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, maxValue: maxLimit ?? UPPER_BOUNDS.limit },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** Get Many's "Filters" collection: `options` are the vendor's filters (each routed to its query). */
export function filtersCollection(
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		...(description ? { description } : {}),
		options,
	};
}

/** A notice: help shown as text above the fields (n8n stores no value for it). */
export function noticeField(name: string, text: string): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}
