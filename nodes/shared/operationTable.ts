import type { INodeProperties } from 'n8n-workflow';
import type { OperationHandler, OperationTable } from './types';

// Dispatch: each node lists the operations the request path runs itself (lists, password
// operations) in a table keyed by `resource:operation`; any other operation is sent as n8n routed it.

export const operationKey = (resource: string, operation: string) => `${resource}:${operation}`;

/** The handler registered for the item's resource and operation, if any. */
export function handlerOf(
	table: OperationTable,
	resource: string,
	operation: string,
): OperationHandler | undefined {
	return Object.prototype.hasOwnProperty.call(table, operationKey(resource, operation))
		? table[operationKey(resource, operation)]
		: undefined;
}

/** "Update" + "SIP Registration" as shown in the node, for messages. */
export function operationLabel(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): string {
	const resourceName =
		properties
			.find((p) => p.name === 'resource')
			?.options?.find((o) => 'value' in o && o.value === resource)?.name ?? resource;
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		if (!property.displayOptions?.show?.resource?.includes(resource)) continue;
		const option = property.options?.find((o) => 'value' in o && o.value === operation);
		if (option) return `${option.name} ${resourceName}`;
	}
	return `${operation} ${resourceName}`;
}
