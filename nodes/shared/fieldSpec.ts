import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyTypeOptions,
	NodeParameterValueType,
	NodePropertyTypes,
} from 'n8n-workflow';
import { refusedField, refusedItem } from './refused';
import { assertFields } from './validation';
import type { FieldRule } from './validation';

/**
 * What an empty value ("", often an expression that resolved to nothing) of an optional field means:
 * - `clear`: the vendor documents null as "no value", so "" is sent as null (Update clears the field);
 * - `refuse`: the vendor documents no way to clear it, or "" would do harm (a password that locks every
 *   phone out), so the item fails before anything is sent, naming the field and how to leave it as it is.
 * Without a policy, "" is sent as typed: the vendor takes an empty text as a value.
 * A required field's empty value is always refused, as "is required".
 */
export type EmptyPolicy = 'clear' | 'refuse';

/** The vendor's documented limit on a value: a FieldRule without its names (they are the field's). */
export type FieldLimit = Omit<FieldRule, 'field' | 'label' | 'required' | 'oneOf' | 'list'>;

export type WriteOperation = 'create' | 'update';

/**
 * One writable field of a resource, declared once: the n8n property the user sees (written as a
 * literal, so that n8n's lint rules read it), the vendor's name for it, its documented limit and what
 * an empty value means. The node's property (with the limit in words in its description), the checks
 * before sending and the empty-value handling are all derived from it.
 */
export interface FieldSpec {
	displayName: string;
	name: string;
	type: NodePropertyTypes;
	default: NodeParameterValueType;
	/** Without the limit's words: they are added from `limit`, so the text and the check cannot disagree. */
	description?: string;
	placeholder?: string;
	typeOptions?: INodePropertyTypeOptions;
	options?: INodePropertyOptions[];
	/** A resource locator's modes, as n8n declares them. */
	modes?: INodeProperties['modes'];
	/** The vendor's name for the field in the request body; the node's name when they are the same. */
	send?: string;
	/** A routing value expression (e.g. text to a number) for what is sent. */
	sendValue?: string;
	limit?: FieldLimit;
	empty?: EmptyPolicy;
	/** For `clear`: what an empty value does, in words (default "clear it"). */
	emptyMeans?: string;
	/** For `refuse`: why, in words the error shows. */
	emptyRefused?: string;
	/** Create: a top-level required field, one of its Additional Fields (the default), or not offered. */
	create?: 'required' | 'optional' | false;
	/** Update: one of its Update Fields (the default), or not offered. */
	update?: boolean;
}

const placement = (spec: FieldSpec, operation: WriteOperation) =>
	operation === 'create' ? (spec.create ?? 'optional') : spec.update === false ? false : 'optional';

const bodyKey = (spec: FieldSpec) => spec.send ?? spec.name;

/** The specs a write offers, optionally only its required or only its optional ones. */
function offered(
	specs: readonly FieldSpec[],
	operation: WriteOperation,
	which?: 'required' | 'optional',
): FieldSpec[] {
	return specs.filter((spec) => {
		const place = placement(spec, operation);
		return place !== false && (which === undefined || place === which);
	});
}

/** A limit in the words a description shows: lengths and entry counts (the rest is said by the error). */
export function limitWords(limit: FieldLimit | undefined): string | undefined {
	if (!limit) return undefined;
	const { minLength, maxLength, minItems, maxItems } = limit;
	if (minLength !== undefined && maxLength !== undefined)
		return `${minLength} to ${maxLength} characters`;
	if (maxLength !== undefined) return `at most ${maxLength} characters`;
	if (minLength !== undefined) return `at least ${minLength} characters`;
	if (minItems === 1) return 'at least one';
	if (minItems !== undefined) return `at least ${minItems}`;
	if (maxItems !== undefined) return `at most ${maxItems}`;
	return undefined;
}

/** Adds a sentence to a description, which may or may not end with a period. */
const addSentence = (text: string, sentence: string) =>
	!text ? sentence : `${text}${text.endsWith('.') ? '' : '.'} ${sentence}`;

/**
 * The description the user reads: the spec's text with its limit in words at the end of the first
 * sentence, and, on Update, what leaving a `clear` field empty does.
 */
export function fieldDescription(spec: FieldSpec, operation: WriteOperation): string | undefined {
	let text = spec.description ?? '';
	const words = limitWords(spec.limit);
	if (words) {
		const end = text.search(/\.(\s|$)/);
		text = end === -1 ? `${text} (${words})` : `${text.slice(0, end)} (${words})${text.slice(end)}`;
	}
	if (spec.empty === 'clear' && operation === 'update')
		text = addSentence(text, `Leave empty to ${spec.emptyMeans ?? 'clear it'} (sent as null).`);
	return text || undefined;
}

function fieldProperty(spec: FieldSpec, operation: WriteOperation): INodeProperties {
	const { displayName, name, type, placeholder, typeOptions, options, modes, sendValue } = spec;
	const description = fieldDescription(spec, operation);
	return {
		displayName,
		name,
		type,
		default: spec.default,
		...(placement(spec, operation) === 'required' ? { required: true } : {}),
		...(placeholder ? { placeholder } : {}),
		...(typeOptions ? { typeOptions } : {}),
		...(options ? { options } : {}),
		...(modes ? { modes } : {}),
		...(description ? { description } : {}),
		routing: {
			send: { type: 'body', property: bodyKey(spec), ...(sendValue ? { value: sendValue } : {}) },
		},
	};
}

/** Create's top-level required fields, in the table's order. */
export function requiredFields(specs: readonly FieldSpec[]): INodeProperties[] {
	return offered(specs, 'create', 'required').map((spec) => fieldProperty(spec, 'create'));
}

/** The optional fields of a write, as the options of its collection, in the table's order. */
export function optionalFields(
	specs: readonly FieldSpec[],
	operation: WriteOperation,
): INodeProperties[] {
	return offered(specs, operation, 'optional').map((spec) => fieldProperty(spec, operation));
}

const COLLECTION = {
	create: { displayName: 'Additional Fields', name: 'additionalFields' },
	update: { displayName: 'Update Fields', name: 'updateFields' },
} as const;

/** Where a write's optional fields are added, as the user names it ("Update Fields"). */
export const collectionName = (operation: WriteOperation) => COLLECTION[operation].displayName;

/**
 * Collection options in the alphabetical order n8n's lint rules ask of a collection. Compares lower-cased code
 * points, not `localeCompare`: its first call loads ICU's collation data (~10 ms), most of the pack's require time.
 */
export function sortedByName(fields: INodeProperties[]): INodeProperties[] {
	const key = (field: INodeProperties) => field.displayName.toLowerCase();
	return [...fields].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The collection a write's optional fields are added in: Create's "Additional Fields", Update's "Update
 * Fields" (only what is added there is sent), its options sorted by name unless `order` is 'table'.
 */
export function fieldCollection(
	specs: readonly FieldSpec[],
	operation: WriteOperation,
	options: { description?: string; order?: 'table' } = {},
): INodeProperties {
	const fields = optionalFields(specs, operation);
	const collection: INodeProperties = {
		displayName: COLLECTION[operation].displayName,
		name: COLLECTION[operation].name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: options.order === 'table' ? fields : sortedByName(fields),
	};
	const description =
		options.description ??
		(operation === 'update'
			? 'Only the fields you add here are sent; the others stay as they are'
			: undefined);
	if (description) collection.description = description;
	return collection;
}

/** The checks a spec implies: its limit, its listed values, a whole number, a required value. */
export function fieldRule(spec: FieldSpec, operation: WriteOperation): FieldRule {
	const rule: FieldRule = { field: bodyKey(spec), label: spec.displayName, ...spec.limit };
	const values = spec.options?.map((option) => String(option.value));
	if (spec.type === 'multiOptions' || spec.typeOptions?.multipleValues) rule.list = true;
	if (values && (spec.type === 'options' || spec.type === 'multiOptions')) rule.oneOf = values;
	if (spec.type === 'number' && spec.typeOptions?.numberPrecision === 0) rule.integer = true;
	if (placement(spec, operation) === 'required') rule.required = true;
	return rule;
}

/** FieldRules of a write: only the specs that check something. */
export function fieldRules(specs: readonly FieldSpec[], operation: WriteOperation): FieldRule[] {
	return offered(specs, operation)
		.map((spec) => fieldRule(spec, operation))
		.filter((rule) => Object.keys(rule).length > 2);
}

/**
 * preSend of a write: applies each field's empty-value policy, then checks the body against the
 * vendor's limits, before anything is sent. Errors name the field and the item and never repeat a
 * password. Update refuses a change that sets no field.
 */
export function fieldChecks(
	specs: readonly FieldSpec[],
	operation: WriteOperation,
	vendorName: string,
) {
	const fields = offered(specs, operation);
	const rules = fieldRules(specs, operation);
	const secretFields = fields.filter((spec) => spec.typeOptions?.password).map(bodyKey);
	const collection = collectionName(operation);
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ?? {}) as IDataObject;
		const itemIndex = this.getItemIndex();
		if (operation === 'update' && Object.keys(body).length === 0) {
			throw refusedItem(this.getNode(), itemIndex, 'No field to change was set', {
				todo: `Add at least one field under "${collection}".`,
			});
		}
		for (const spec of fields) {
			const key = bodyKey(spec);
			if (spec.empty === 'clear' && body[key] === '') body[key] = null;
		}
		assertFields(this, body, rules, secretFields, vendorName);
		for (const spec of fields) {
			const value = body[bodyKey(spec)];
			if (spec.empty !== 'refuse' || placement(spec, operation) === 'required') continue;
			if (value !== '' && value !== null) continue;
			throw refusedField(this.getNode(), itemIndex, spec.displayName, 'is empty', {
				todo: `Give "${spec.displayName}" a value for item ${itemIndex}, or remove it from "${collection}" to leave it as it is${spec.emptyRefused ? ` (${spec.emptyRefused})` : ''}.`,
				vendor: vendorName,
			});
		}
		return requestOptions;
	};
}
