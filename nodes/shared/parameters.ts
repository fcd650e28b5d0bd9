import { deepCopy, NodeHelpers } from 'n8n-workflow';
import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyCollection,
	INodeTypeDescription,
} from 'n8n-workflow';
import { refusedField } from './refused';

/**
 * Upper bounds for number parameters whose definition has no `typeOptions.maxValue`, keyed by
 * parameter name. Every number parameter needs one (test/shared/parameters.test.ts fails for a
 * new one without): n8n's UI enforces `minValue`/`maxValue` only on typed values, never on an
 * expression's result, so the node must, and "huge" is as dangerous as NaN for a count or a wait.
 */
export const UPPER_BOUNDS: Readonly<Record<string, number>> = {
	/** Rate Limiting: far above every vendor's documented per-key limit (tests turn pacing off with it). */
	requestsPerSecond: 100_000,
	maxRateLimitRetries: 20,
	/** Ten minutes: a longer Retry-After is the vendor telling the workflow to come back later. */
	maxRetryWaitSeconds: 600,
	serverErrorRetries: 10,
	/** One hour of retries and waits for one item. */
	maxRetryTimeSeconds: 3600,
	/** Rotation: an hour for a phone to re-register, polled at most every ten minutes. */
	registrationTimeoutSeconds: 3600,
	pollIntervalSeconds: 600,
	/** Get Many without Return All: more than any vendor's account holds in practice. */
	limit: 100_000,
	/** n8n's Request Options (added by its loader to every declarative node). */
	timeout: 3_600_000,
	batchSize: 100_000,
	batchInterval: 3_600_000,
	/** NetSapiens devices (no documented limit): a day between re-registrations, a phone's line keys. */
	registrationExpirySeconds: 86_400,
	provisioningLine: 100,
};

/** For a number parameter missing from UPPER_BOUNDS (the parameters test catches it): the largest 32-bit value. */
const FALLBACK_UPPER_BOUND = 2_147_483_647;

/**
 * What kind of value a parameter must resolve to: a number or boolean; text (`string`, `dateTime`);
 * a secret (a `string` with `typeOptions.password`); one or several of its listed values
 * (`options`, `multiOptions`); or an ID in a resource locator.
 */
export type ParameterKind =
	'number' | 'boolean' | 'text' | 'secret' | 'choice' | 'choices' | 'locator';

/** One parameter, where it sits in the node's parameters and what it allows. */
export interface ParameterCheck {
	/** Path in the node's parameters: `passwordLength`, `rateLimiting.requestsPerSecond`, `a.b.c`. */
	path: string;
	/** The name the user sees, with the collection it is in: `Rate Limiting → Requests per Second`. */
	label: string;
	type: ParameterKind;
	minimum: number;
	maximum: number;
	integer: boolean;
	/** The values an options or multiOptions parameter lists (none when they are loaded at run time). */
	allowed?: readonly unknown[];
	/** The field takes several values (`typeOptions.multipleValues`): a list of such values, each checked. */
	list?: boolean;
}

const NO_BOUNDS = { minimum: 0, maximum: 0, integer: false };

/** The check of one parameter that is not a collection, or undefined for types that hold no value. */
function checkOf(
	property: INodeProperties,
	path: string,
	label: string,
): ParameterCheck | undefined {
	// A value that cannot come from an expression (resource, operation) is n8n's own to check.
	if (property.noDataExpression) return undefined;
	const base = { path, label, ...(property.typeOptions?.multipleValues ? { list: true } : {}) };
	switch (property.type) {
		case 'number':
			return { ...base, type: 'number', ...boundsOf(property) };
		case 'boolean':
			return { ...base, type: 'boolean', ...NO_BOUNDS };
		case 'string':
			return { ...base, type: property.typeOptions?.password ? 'secret' : 'text', ...NO_BOUNDS };
		case 'dateTime':
			return { ...base, type: 'text', ...NO_BOUNDS };
		case 'resourceLocator':
			return { ...base, type: 'locator', ...NO_BOUNDS };
		case 'options':
		case 'multiOptions': {
			const listed = property.typeOptions?.loadOptionsMethod ? undefined : (property.options ?? []);
			const allowed = listed?.map((option) => (option as { value?: unknown }).value);
			return {
				...base,
				type: property.type === 'options' ? 'choice' : 'choices',
				...NO_BOUNDS,
				allowed,
			};
		}
		default:
			return undefined;
	}
}

export function boundsOf(
	property: INodeProperties,
): Pick<ParameterCheck, 'minimum' | 'maximum' | 'integer'> {
	const options = property.typeOptions ?? {};
	return {
		// A number parameter without a minimum is a count, a size or a time: never negative.
		minimum: typeof options.minValue === 'number' ? options.minValue : 0,
		maximum:
			typeof options.maxValue === 'number'
				? options.maxValue
				: (UPPER_BOUNDS[property.name] ?? FALLBACK_UPPER_BOUND),
		integer: !(typeof options.numberPrecision === 'number' && options.numberPrecision > 0),
	};
}

function checksWithin(
	properties: readonly INodeProperties[],
	path: string,
	label: string,
): ParameterCheck[] {
	const checks: ParameterCheck[] = [];
	for (const property of properties) {
		const here = `${path}${property.name}`;
		const shown = `${label}${property.displayName}`;
		const check = checkOf(property, here, shown);
		if (check) {
			checks.push(check);
		} else if (property.type === 'collection') {
			checks.push(
				...checksWithin((property.options ?? []) as INodeProperties[], `${here}.`, `${shown} → `),
			);
		} else if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as INodePropertyCollection[]) {
				checks.push(...checksWithin(group.values ?? [], `${here}.${group.name}.`, `${shown} → `));
			}
		}
	}
	return checks;
}

/**
 * Every parameter that holds a value (numbers, booleans, text, secrets, options, IDs) of a node,
 * including those inside collections and fixedCollections, derived from the description alone so a new field is covered without a line
 * of its own. Top-level entries keep their property, for n8n's own "is it shown" test.
 */
export function parameterChecks(
	properties: readonly INodeProperties[],
): Array<{ property: INodeProperties; checks: ParameterCheck[] }> {
	return properties
		.map((property) => ({ property, checks: checksWithin([property], '', '') }))
		.filter((entry) => entry.checks.length > 0);
}

const MAX_SHOWN_TEXT = 24;

/** The value in words for an error: its type and, for numbers and short numeric-looking text, the value. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing (the expression resolved to undefined)';
	if (value === null) return 'null';
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
	if (typeof value === 'boolean') return `the boolean ${value}`;
	if (typeof value === 'string') {
		// Text is shown only when it cannot be a secret (digits, signs, a decimal point, true/false).
		const safe = value.length <= MAX_SHOWN_TEXT && /^[\s\d.eE+-]*$|^(true|false)$/i.test(value);
		return safe ? `the text "${value}"` : `a text of ${value.length} characters`;
	}
	if (Array.isArray(value)) return `a list of ${value.length} entries`;
	if (typeof value === 'object') {
		// A Date or Luxon DateTime says what it is; a plain object only that it is one.
		const kind = (value as object).constructor?.name;
		return kind && kind !== 'Object' ? `a ${kind} object` : 'an object';
	}
	return `a ${typeof value}`;
}

/** A secret's value is described by its type alone: even a number may be the password. */
function describeSecret(value: unknown): string {
	if (typeof value === 'number' || typeof value === 'string') return `a ${typeof value}`;
	return describeValue(value);
}

const isText = (value: unknown) => typeof value === 'string';
/**
 * A number in a free-text field (a numeric username, an extension from a spreadsheet) is sent as
 * n8n sends it, a JSON number, which vendors read as its digits; a password must be text.
 */
const isTextOrNumber = (value: unknown) =>
	isText(value) || (typeof value === 'number' && Number.isFinite(value));

/**
 * An options value must be of the type its listed values are (text, a number): whether it is one
 * of them is the vendor's field rule to say, in its own words (e.g. a value in the wrong case).
 */
function choiceProblem(check: ParameterCheck, value: unknown): string | undefined {
	const types = new Set((check.allowed ?? ['', 0, true]).map((entry) => typeof entry));
	const one = (entry: unknown) =>
		types.has(typeof entry) && (typeof entry !== 'number' || Number.isFinite(entry));
	const wanted = [...types].map((type) => (type === 'string' ? 'text' : `a ${type}`)).join(' or ');
	if (check.type === 'choice')
		return one(value) ? undefined : `must be one of its listed values (${wanted})`;
	return Array.isArray(value) && value.every(one)
		? undefined
		: `must be a list of its listed values (${wanted})`;
}

function problemWith(check: ParameterCheck, value: unknown): string | undefined {
	if (check.list && Array.isArray(value)) {
		const one = { ...check, list: false };
		// Bounded by the list's length; the vendor's own rule then checks how many entries it allows.
		for (const entry of value) {
			const problem = problemWith(one, entry);
			if (problem) return `must be a list whose every entry ${problem.replace(/^must be/, 'is')}`;
		}
		return undefined;
	}
	if (check.type === 'boolean')
		return typeof value === 'boolean' ? undefined : 'must be true or false';
	if (check.type === 'secret') return isText(value) ? undefined : 'must be text';
	if (check.type === 'text') return isTextOrNumber(value) ? undefined : 'must be text';
	if (check.type === 'choice' || check.type === 'choices') return choiceProblem(check, value);
	if (check.type === 'locator') {
		const id =
			value !== null && typeof value === 'object' && '__rl' in value
				? (value as IDataObject).value
				: value;
		return isTextOrNumber(id) ? undefined : 'must be an ID (text)';
	}
	const wanted = `must be ${check.integer ? 'a whole number' : 'a number'} from ${check.minimum} to ${check.maximum}`;
	if (typeof value !== 'number' || !Number.isFinite(value)) return wanted;
	if (check.integer && !Number.isInteger(value)) return wanted;
	if (value < check.minimum || value > check.maximum) return wanted;
	return undefined;
}

/** What to do about a refused parameter (refusedField adds that nothing was sent). */
function howToFix(check: ParameterCheck, value: unknown): string {
	if (check.type === 'secret') {
		return `Set "${check.label}" to the password itself, as text, for this item. If it is an expression, make it resolve to text for every item: n8n would send a date, number, list or object in its JSON form, and the vendor would store a password that no output carries.`;
	}
	if (check.type !== 'number' && check.type !== 'boolean') {
		const wanted =
			check.type === 'choices'
				? 'a list of the listed values'
				: check.type === 'choice'
					? 'one of the listed values'
					: 'text (an empty text to leave it empty)';
		return `Set "${check.label}" to a valid value for this item. If it is an expression, make it resolve to ${wanted} for every item, e.g. {{ String($json.value ?? '') }} for text.`;
	}
	const example =
		check.type === 'boolean'
			? `{{ $json.flag === true }}`
			: `{{ Number($json.value ?? ${Math.max(check.minimum, Math.min(check.maximum, 1))}) }}`;
	const text =
		typeof value === 'string'
			? " n8n hands an expression's text to the node unchanged (it converts only parameters that declare a type check), so the node does not guess: convert it in the expression."
			: '';
	return `Set "${check.label}" to a valid value for this item. If it is an expression, make it resolve to ${check.type === 'boolean' ? 'true or false' : 'a number in range'} for every item, e.g. ${example}.${text}`;
}

/** The values under a check's path: one, or one per entry of a multiple-value fixedCollection. */
function valuesAt(root: unknown, parts: string[]): Array<{ value: unknown; present: boolean }> {
	if (parts.length === 0) return [{ value: root, present: true }];
	if (Array.isArray(root)) return root.flatMap((entry) => valuesAt(entry, parts));
	if (root === null || typeof root !== 'object' || !(parts[0] in (root as IDataObject))) return [];
	return valuesAt((root as IDataObject)[parts[0]], parts.slice(1));
}

/** A resource locator's ID, for the error. */
function locatorValue(check: ParameterCheck, value: unknown): unknown {
	if (check.type !== 'locator' || value === null || typeof value !== 'object' || !('__rl' in value))
		return value;
	return (value as IDataObject).value;
}

/** Deeper than any parameter the nodes define: a value nested past it is left to n8n to resolve. */
const MAX_STORED_DEPTH = 16;

/** Whether a stored value holds an expression anywhere (a text starting with "="), or is too deep to tell. */
function holdsExpression(value: unknown, depth = 0): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value === null || typeof value !== 'object') return false;
	if (depth >= MAX_STORED_DEPTH) return true;
	// Bounded by the stored value's size and MAX_STORED_DEPTH.
	return Object.values(value).some((entry) => holdsExpression(entry, depth + 1));
}

type ItemContext = IExecuteSingleFunctions | IExecutePaginationFunctions;

/**
 * The parameters holding an expression that were already resolved for an item, by the context n8n
 * gives the node for that item (one per item and request). An item's checks and its operation read
 * the same field several times (Rotate Password: the checks, then the ID in its output): each read
 * would evaluate the expression again, a trip to n8n's expression sandbox (about 2 ms per read in a
 * real n8n, docs/performance.md). Resolved once, the value checked is also the value used, even for
 * an expression that reads the clock.
 */
const resolvedByItem = new WeakMap<ItemContext, Map<string, unknown>>();

const copyOf = (value: unknown) =>
	value !== null && typeof value === 'object' ? deepCopy(value) : value;

/**
 * A copy of a resolved value's lists and plain objects, so no caller can change what the next read
 * gets. Anything else an expression returned (a Date, a DateTime) is handed on as it is: n8n's
 * deepCopy would turn it into its JSON text, and the parameter checks must see what n8n gave.
 */
function copyResolved(value: unknown, depth = 0): unknown {
	if (value === null || typeof value !== 'object' || depth >= MAX_STORED_DEPTH) return value;
	if (Array.isArray(value)) return value.map((entry) => copyResolved(entry, depth + 1));
	const prototype = Object.getPrototypeOf(value) as unknown;
	if (prototype !== Object.prototype && prototype !== null) return value;
	// Bounded by the value's size and MAX_STORED_DEPTH.
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [key, copyResolved(entry, depth + 1)]),
	);
}

/**
 * A parameter as n8n's getNodeParameter resolves it, read as stored when nothing in it is an
 * expression: n8n then returns the stored value too, after building the expression context and
 * looking the property up among the node's (hundreds of) properties for every item, about half
 * of what a real n8n spends per item on a node this size (docs/performance.md). None of the
 * nodes' properties declares n8n's `validateType`, the one thing that would convert a stored value.
 * One that holds an expression is resolved by n8n once per item (resolvedByItem).
 * Objects come back as copies, as n8n's do, so no caller can change the node's parameters.
 */
export function parameterValue(context: ItemContext, name: string, fallback: unknown): unknown {
	const stored = context.getNodeParameter(name, fallback, { rawExpressions: true }) as unknown;
	if (!holdsExpression(stored)) return copyOf(stored);
	let resolved = resolvedByItem.get(context);
	if (!resolved) resolvedByItem.set(context, (resolved = new Map()));
	// The fallback plays no part: a parameter holding an expression is stored, so n8n never uses it.
	if (!resolved.has(name)) resolved.set(name, context.getNodeParameter(name, fallback));
	return copyResolved(resolved.get(name));
}

/**
 * A parameter as getNodeParameter with `extractValue` gives it: a resource locator's ID, any other
 * value as it is. n8n would also apply a locator mode's `extractValue` regex; no property of the
 * nodes declares one (test/shared/parameters.test.ts fails for one that does).
 */
export function extractedValue(context: ItemContext, name: string, fallback: unknown): unknown {
	const value = parameterValue(context, name, fallback);
	return value !== null && typeof value === 'object' && 'mode' in value && 'value' in value
		? (value as IDataObject).value
		: value;
}

const checksByProperties = new WeakMap<
	readonly INodeProperties[],
	{ count: number; checks: ReturnType<typeof parameterChecks> }
>();

/** Computed once per node type (again if n8n's loader has since added its Request Options). */
function cachedChecks(properties: readonly INodeProperties[]): ReturnType<typeof parameterChecks> {
	const cached = checksByProperties.get(properties);
	if (cached && cached.count === properties.length) return cached.checks;
	const checks = parameterChecks(properties);
	checksByProperties.set(properties, { count: properties.length, checks });
	return checks;
}

/**
 * Checks every parameter shown for this item after its expression resolved: n8n applies a
 * property's minValue/maxValue in the editor only, and hands the node whatever an expression
 * returned (NaN, a string for a number, a Date or an object for a password, which it would send
 * in its JSON form and the vendor store). A bad value fails the
 * item before anything is sent, naming the field, the value's type and the item.
 */
export function assertParameters(
	context: IExecutePaginationFunctions,
	properties: readonly INodeProperties[],
	itemIndex: number,
): void {
	const node = context.getNode();
	const description = { properties } as unknown as INodeTypeDescription;
	for (const { property, checks } of cachedChecks(properties)) {
		if (!NodeHelpers.displayParameter(node.parameters, property, node, description)) continue;
		const root = parameterValue(context, property.name, property.default);
		for (const check of checks) {
			for (const { value } of valuesAt(root, check.path.split('.').slice(1))) {
				const problem = problemWith(check, value);
				if (!problem) continue;
				const shown =
					check.type === 'secret'
						? describeSecret(value)
						: describeValue(locatorValue(check, value));
				throw refusedField(node, itemIndex, check.label, `${problem}, got ${shown}`, {
					todo: howToFix(check, value),
				});
			}
		}
	}
}
