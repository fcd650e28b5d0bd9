import { NodeHelpers } from 'n8n-workflow';
import type {
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * The fields the editor shows, by name in order (each with its type and default, which a saved
 * workflow relies on), for every resource and operation of a node, as
 * n8n decides it (NodeHelpers.getNodeParameters fills the defaults, displayParameter says what is
 * shown). Beside the defaults, every options or boolean field shown is switched to each of its other
 * values once ("<field>=<value>"), so fields shown only for one choice (Return All off, Wait for
 * Registration, Password Source "provided"…) are listed too; a switch that changes nothing shown is
 * left out.
 */
export type VisibleFields = Record<string, string[]>;

const NODE = { typeVersion: 1 };

function shown(description: INodeTypeDescription, values: INodeParameters): INodeProperties[] {
	const filled =
		NodeHelpers.getNodeParameters(description.properties, values, true, false, NODE, description) ??
		{};
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(filled, property, NODE, description, filled),
	);
}

const entry = (property: INodeProperties) =>
	`${property.name}: ${property.type} = ${JSON.stringify(property.default)}`;

const optionValues = (property: INodeProperties): unknown[] =>
	property.type === 'boolean'
		? [true, false]
		: ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);

export function visibleFields(description: INodeTypeDescription): VisibleFields {
	const result: VisibleFields = {};
	const resources = optionValues(description.properties.find((p) => p.name === 'resource')!);
	for (const resource of resources) {
		const operationField = shown(description, { resource } as INodeParameters).find(
			(p) => p.name === 'operation',
		)!;
		for (const operation of optionValues(operationField)) {
			const base = { resource, operation } as INodeParameters;
			const fields = shown(description, base);
			const listed = fields.map(entry);
			result[`${resource}:${operation}`] = listed;
			for (const field of fields) {
				if (field.name === 'resource' || field.name === 'operation') continue;
				if (field.type !== 'options' && field.type !== 'boolean') continue;
				for (const value of optionValues(field)) {
					if (value === field.default) continue;
					const switched = { ...base, [field.name]: value } as INodeParameters;
					const switchedFields = shown(description, switched).map(entry);
					if (switchedFields.join('\n') !== listed.join('\n'))
						result[`${resource}:${operation} ${field.name}=${String(value)}`] = switchedFields;
				}
			}
		}
	}
	return result;
}
