import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { extractedValue } from './parameters';
import { refusedField } from './refused';
import { isDotSegment } from './url';

/** A vendor-documented limit on one field, keyed by the vendor's own field name. */
export interface FieldRule {
	/** Name in the vendor's request body (or path parameter). */
	field: string;
	/** Name the user sees in the node. */
	label: string;
	maxLength?: number;
	minLength?: number;
	pattern?: RegExp;
	/** What the pattern allows, in words, for the error description. */
	patternHint?: string;
	integer?: boolean;
	minimum?: number;
	maximum?: number;
	/** The allowed values (of each entry, for a list). */
	oneOf?: readonly string[];
	/** Whether an empty value is refused (a required field). */
	required?: boolean;
	/** The value is a list (multiOptions, multipleValues): entry counts, and `oneOf` per entry. */
	list?: boolean;
	minItems?: number;
	maxItems?: number;
}

function listProblem(rule: FieldRule, value: unknown, vendorName: string): string | undefined {
	if (!Array.isArray(value)) return 'must be a list of values';
	if (rule.minItems !== undefined && value.length < rule.minItems) {
		return `needs at least ${rule.minItems} entr${rule.minItems === 1 ? 'y' : 'ies'}`;
	}
	if (rule.maxItems !== undefined && value.length > rule.maxItems) {
		return `may have at most ${rule.maxItems} entries; this one has ${value.length}`;
	}
	const unknown = rule.oneOf ? value.filter((entry) => !rule.oneOf!.includes(String(entry))) : [];
	if (unknown.length)
		return `has values ${vendorName} does not support (${unknown.join(', ')}); use ${rule.oneOf!.join(', ')}`;
	return undefined;
}

function describeProblem(rule: FieldRule, value: unknown, vendorName: string): string | undefined {
	if (rule.list && value !== undefined) return listProblem(rule, value, vendorName);
	if (value === undefined || value === null || value === '') {
		return rule.required ? `is required` : undefined;
	}
	if (rule.integer || rule.minimum !== undefined || rule.maximum !== undefined) {
		if (typeof value !== 'number' || Number.isNaN(value))
			return `must be a number, got ${JSON.stringify(value)}`;
		if (rule.integer && !Number.isInteger(value)) return `must be a whole number, got ${value}`;
		if (rule.minimum !== undefined && value < rule.minimum)
			return `must be at least ${rule.minimum}, got ${value}`;
		if (rule.maximum !== undefined && value > rule.maximum)
			return `must be at most ${rule.maximum}, got ${value}`;
		return undefined;
	}
	if (rule.oneOf) {
		return rule.oneOf.includes(String(value))
			? undefined
			: `must be one of ${rule.oneOf.join(', ')}, got "${String(value)}"`;
	}
	const text = String(value);
	const length = [...text].length;
	if (rule.maxLength !== undefined && length > rule.maxLength) {
		return `may be at most ${rule.maxLength} characters long; this value has ${length}`;
	}
	if (rule.minLength !== undefined && length < rule.minLength) {
		return `must be at least ${rule.minLength} characters long; this value has ${length}`;
	}
	if (rule.pattern && !rule.pattern.test(text)) {
		return `has characters that are not allowed (${rule.patternHint ?? rule.pattern.source})`;
	}
	return undefined;
}

/**
 * Checks values against the vendor's documented limits before anything is sent. The error names
 * the field and the item, says what is wrong and how to fix it, and never echoes a value marked
 * secret (passwords are described by length only).
 */
export function assertFields(
	context: IExecuteSingleFunctions,
	values: IDataObject,
	rules: readonly FieldRule[],
	secretFields: readonly string[] = [],
	/** Who does not support a listed value, in the words of a list's error. */
	vendorName = 'the vendor',
): void {
	const itemIndex = context.getItemIndex();
	for (const rule of rules) {
		if (!(rule.field in values) && !rule.required) continue;
		let problem = describeProblem(rule, values[rule.field], vendorName);
		if (!problem) continue;
		if (secretFields.includes(rule.field)) problem = problem.replace(/, got .*$/, '');
		throw refusedField(context.getNode(), itemIndex, rule.label, problem, {
			todo: `Fix "${rule.label}" for item ${itemIndex} and run again.`,
		});
	}
}

/**
 * Longest value one URL path segment may take, whatever the vendor's own rule says. Vendor IDs are
 * at most a few dozen characters; a megabyte-long "ID" (an expression that resolved to a whole
 * body) would otherwise go out as a URL that web servers drop without an answer (a connection
 * reset, reported as a network failure and retried).
 */
export const MAX_PATH_SEGMENT_LENGTH = 1000;

function withPathSegmentLimit(rule: FieldRule): FieldRule {
	return {
		...rule,
		maxLength: Math.min(rule.maxLength ?? MAX_PATH_SEGMENT_LENGTH, MAX_PATH_SEGMENT_LENGTH),
	};
}

/**
 * preSend hook: validates the node parameters named in the URL template (`/x/{registrationId}`)
 * and fills them in, each encoded as one path segment. A plain template instead of an n8n
 * expression keeps the expression engine (the costliest step per item) out of every request.
 */
export function fillPath(
	rules: readonly FieldRule[],
	/** Placeholders filled from the credential (e.g. Vobiz's `{authId}`), checked by the caller. */
	fromCredential?: { type: string; fields: readonly string[] },
) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const values: IDataObject = {};
		for (const rule of rules) {
			// The item's resolution of the field, shared with its parameter checks: an expression is evaluated once.
			const value = extractedValue(this, rule.field, undefined);
			values[rule.field] = typeof value === 'number' ? String(value) : (value as string);
		}
		assertFields(this, values, rules.map(withPathSegmentLimit));
		if (fromCredential) {
			const credentials = await this.getCredentials(fromCredential.type);
			for (const field of fromCredential.fields) values[field] = String(credentials[field] ?? '');
		}
		requestOptions.url = requestOptions.url.replace(/\{([^}]+)\}/g, (placeholder, name: string) =>
			name in values ? pathSegment(values[name]) : placeholder,
		);
		return requestOptions;
	};
}

/** Encodes one path segment so that `/`, `?`, `#`, `..` and `%2F` cannot change the path. */
export function pathSegment(value: unknown): string {
	const text = String(value ?? '');
	if (isDotSegment(text)) return text.replace(/\./g, '%2E');
	return encodeURIComponent(text);
}
