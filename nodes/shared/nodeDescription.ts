import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { rateLimitingOptions, sharedRequestPathMarker } from './descriptions';
import { listOperation } from './listing';
import { oneDefinitionPerField } from './oneDefinitionPerField';
import { operationKey } from './operationTable';
import { passwordOperations } from './passwordOperations';
import { createRequestPath } from './requestPath';
import type { OperationHandler, PagingStrategy, RegistrationOperations } from './types';
import type { VendorProfile } from './vendor';

// What every vendor node's description has alike, built once. The node class keeps the literal
// fields n8n's lint rules and the community-package scanner read (name, icon, credentials, …) and
// spreads this in after them.

export interface NodeSpec {
	vendor: VendorProfile;
	/** The Resource parameter's options, sorted by name. */
	resources: INodePropertyOptions[];
	/** The resource the node opens on; the first by default. */
	defaultResource?: string;
	/** The resources' properties (each resourceDescription), in the order the node shows them. */
	properties: INodeProperties[];
	/** What the vendor documents about its rate limit, for the Rate Limiting option's description. */
	documentedLimit: string;
	/** Get Many's paging strategy, by resource. */
	lists: Record<string, PagingStrategy>;
	/**
	 * registrationOperations (registrationOperations.ts), exactly when the vendor's rotation profile has a
	 * registration state: passed in rather than imported here, so that a vendor without one bundles none of it.
	 * Not checked at load (the umbrella's size budget): the rotation and registration suites, which run every
	 * vendor, fail for a node that leaves it out (Check Registration unknown, Rotate Password "notVerifiable").
	 */
	registration?: RegistrationOperations;
}

/** The request defaults, the shared request path (with the node's operation table) and the properties. */
export function declarativeNode(
	spec: NodeSpec,
): Pick<INodeTypeDescription, 'requestDefaults' | 'requestOperations' | 'properties'> {
	const { vendor, resources, registration } = spec;
	const defaultResource = spec.defaultResource ?? resources[0].value;
	// One definition per field (oneDefinitionPerField.ts): n8n resolves every definition for every item.
	const properties: INodeProperties[] = oneDefinitionPerField([
		sharedRequestPathMarker,
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources,
			default: defaultResource,
		},
		...spec.properties,
		rateLimitingOptions(vendor, spec.documentedLimit),
	]);
	const lists = Object.entries(spec.lists).map(([resource, paging]): [string, OperationHandler] => [
		operationKey(resource, 'getAll'),
		listOperation(paging),
	]);
	return {
		// No baseURL here: each credential's authenticate() supplies its own (authenticateOnBase).
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: {
			pagination: createRequestPath(vendor, properties, {
				...passwordOperations(vendor, registration),
				...Object.fromEntries(lists),
			}),
		},
		properties,
	};
}
