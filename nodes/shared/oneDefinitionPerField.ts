import type { INodeProperties } from 'n8n-workflow';

// Why a node's properties go through this once, when the node is assembled: for every item, n8n's
// RoutingNode resolves the stored value of every property definition, twice, before it asks whether
// the definition is shown (docs/performance.md). A field written once per operation (a resource
// locator in get.ts, update.ts, delete.ts…) has its expression evaluated once per definition, in
// n8n's expression sandbox, the dominant cost of a real n8n. So the definitions of one field are made
// one, shown for every operation that showed one of them; the per-operation files stay as they are.
//
// Only definitions that are the same field are merged: equal in everything (type, default, modes,
// options, description, routing, the other display conditions) but the operations that show them.
// test/shared/propertyDefinitions.test.ts fails for two definitions that differ only in their help
// text: give them one, and move what concerns one operation to a notice shown for that operation.

type ShowConditions = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;
type Condition = ShowConditions[string];

/** Equal as description data: functions (preSend, postReceive) by identity, absent = undefined. */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
	const keysOf = (value: object) =>
		Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
	const keys = keysOf(a);
	return (
		keys.length === keysOf(b).length &&
		keys.every((key) =>
			sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
		)
	);
}

const operationsOf = (property: INodeProperties): Condition | undefined =>
	property.displayOptions?.show?.operation;

function withoutOperations(property: INodeProperties): unknown {
	const { operation: _operations, ...show } = property.displayOptions?.show ?? {};
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/** Whether n8n could show both for one resource and operation (only then does their order matter). */
function shownTogether(a: INodeProperties, b: INodeProperties): boolean {
	return ['resource', 'operation'].every((key) => {
		const left = a.displayOptions?.show?.[key];
		const right = b.displayOptions?.show?.[key];
		return !left || !right || left.some((value) => right.some((other) => sameValue(value, other)));
	});
}

interface Field {
	/** Indexes of the definitions this field is made of, in the order given. */
	members: number[];
	property: INodeProperties;
}

/**
 * The properties with each field defined once: same-named definitions that are the same field
 * become one, shown for all their operations. Each operation shows the same fields in the same
 * order as before; two operations that order two fields differently are a mistake in the node's
 * description, reported when the node is loaded (so by every test that loads it).
 */
export function oneDefinitionPerField(properties: INodeProperties[]): INodeProperties[] {
	const fields: Field[] = [];
	const fieldOf: Field[] = [];
	properties.forEach((property, index) => {
		const operations = operationsOf(property);
		const field = operations
			? fields.find(
					(candidate) =>
						candidate.property.name === property.name &&
						operationsOf(candidate.property) !== undefined &&
						sameValue(withoutOperations(candidate.property), withoutOperations(property)),
				)
			: undefined;
		if (!field) {
			fieldOf[index] = { members: [index], property };
			fields.push(fieldOf[index]);
			return;
		}
		const show = field.property.displayOptions!.show!;
		const added = operations!.filter(
			(operation) => !show.operation!.some((known) => sameValue(known, operation)),
		);
		field.property = {
			...field.property,
			displayOptions: {
				...field.property.displayOptions,
				show: { ...show, operation: [...show.operation!, ...added] as Condition },
			},
		};
		field.members.push(index);
		fieldOf[index] = field;
	});
	if (fields.length === properties.length) return properties;

	// Fields in an order that keeps, for every two definitions n8n could show together, the order
	// they had: a topological order, the earliest-defined field first whenever several may come next.
	const before = new Map<Field, Set<Field>>(fields.map((field) => [field, new Set<Field>()]));
	properties.forEach((earlier, i) => {
		for (let j = i + 1; j < properties.length; j++)
			if (fieldOf[i] !== fieldOf[j] && shownTogether(earlier, properties[j]))
				before.get(fieldOf[j])!.add(fieldOf[i]);
	});
	const ordered: Field[] = [];
	const placed = new Set<Field>();
	while (ordered.length < fields.length) {
		const next = fields.find(
			(field) => !placed.has(field) && [...before.get(field)!].every((prior) => placed.has(prior)),
		);
		if (!next) {
			const stuck = fields.filter((field) => !placed.has(field)).map((f) => f.property.name);
			throw new Error(
				`Two operations show the fields ${stuck.join(', ')} in different orders: define them in one order`,
			);
		}
		ordered.push(next);
		placed.add(next);
	}
	return ordered.map((field) => field.property);
}
