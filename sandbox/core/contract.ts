import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ContractOperation, JsonSchema, VendorContract } from '../contracts/types';

export interface ContractViolation {
	/** Dotted path of the offending field ('' for the body itself). */
	field: string;
	keyword: string;
	message: string;
	params: Record<string, unknown>;
}

/** Formats that document a value without constraining it (ajv-formats checks the others). */
export const DESCRIPTIVE_FORMATS = [
	'password',
	'int32',
	'int64',
	'float',
	'double',
	'byte',
	'binary',
	'decimal',
];

type Mode = 'request' | 'response';

export interface Operation extends ContractOperation {
	pattern: RegExp;
}

/**
 * Adapts a schema to one direction of the exchange: in a request, read-only fields and fields the
 * vendor does not list are refused (a node that sends a field the vendor would silently drop is
 * caught); in an answer, write-only fields such as passwords must never appear.
 */
function adapt(schema: JsonSchema, mode: Mode): JsonSchema {
	if (!schema || typeof schema !== 'object') return schema;
	const out: JsonSchema = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === 'properties' && value && typeof value === 'object') {
			const properties: Record<string, JsonSchema | false> = {};
			for (const [name, property] of Object.entries(value as Record<string, JsonSchema>)) {
				const hidden = mode === 'request' ? property.readOnly : property.writeOnly;
				properties[name] = hidden ? false : adapt(property, mode);
			}
			out.properties = properties;
		} else if (
			['items', 'additionalProperties', 'not'].includes(key) &&
			value &&
			typeof value === 'object'
		) {
			out[key] = adapt(value as JsonSchema, mode);
		} else if (['allOf', 'anyOf', 'oneOf'].includes(key) && Array.isArray(value)) {
			out[key] = value.map((entry: JsonSchema) => adapt(entry, mode));
		} else {
			out[key] = value;
		}
	}
	const properties = out.properties as Record<string, unknown> | undefined;
	if (Array.isArray(out.required) && properties) {
		out.required = out.required.filter((name: string) => properties[name] !== false);
	}
	const composite = out.allOf || out.anyOf || out.oneOf;
	if (mode === 'request' && properties && !composite && out.additionalProperties === undefined) {
		out.additionalProperties = false;
	}
	return out;
}

/**
 * A vendor's documented contract (sandbox/contracts), used to hold the sandbox to it: request
 * bodies are checked in request mode, answers in response mode.
 */
export class Contract {
	private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
	private readonly operations: Operation[];
	private readonly cache = new Map<string, ValidateFunction>();

	constructor(contract: VendorContract) {
		addFormats(this.ajv);
		for (const format of DESCRIPTIVE_FORMATS) this.ajv.addFormat(format, true);
		this.operations = contract.operations.map((operation) => ({
			...operation,
			pattern: new RegExp(
				'^' +
					operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') +
					'$',
			),
		}));
	}

	/**
	 * The documented operation for a method and concrete path, if the vendor documents one. A literal
	 * segment wins over a parameter (`…/devices/count` is the count, not a device named "count").
	 */
	operation(method: string, concretePath: string): Operation | undefined {
		const parameters = (operation: Operation) => operation.path.split('{').length;
		return this.operations
			.filter((op) => op.method === method && op.pattern.test(concretePath))
			.sort((a, b) => parameters(a) - parameters(b))[0];
	}

	private validator(key: string, schema: JsonSchema, mode: Mode): ValidateFunction {
		let validate = this.cache.get(key);
		if (!validate) {
			validate = this.ajv.compile(adapt(schema, mode));
			this.cache.set(key, validate);
		}
		return validate;
	}

	private violations(errors: ErrorObject[] | null | undefined): ContractViolation[] {
		return (errors ?? []).map((error) => {
			const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
			const extra =
				error.keyword === 'additionalProperties'
					? String(error.params.additionalProperty)
					: error.keyword === 'required'
						? String(error.params.missingProperty)
						: '';
			return {
				field: [base, extra].filter(Boolean).join('.'),
				keyword: error.keyword,
				message: error.message ?? error.keyword,
				params: error.params as Record<string, unknown>,
			};
		});
	}

	validateRequestBody(operation: Operation, body: unknown): ContractViolation[] {
		if (!operation.request) return [];
		if (body === undefined) {
			return operation.request.required
				? [{ field: '', keyword: 'required', message: 'A JSON body is required.', params: {} }]
				: [];
		}
		const validate = this.validator(
			`req ${operation.method} ${operation.path}`,
			operation.request.schema,
			'request',
		);
		return validate(body) ? [] : this.violations(validate.errors);
	}

	/** A sandbox answer that breaks the vendor's contract is a sandbox bug: fail loudly. */
	assertResponse(operation: Operation, status: number, body: unknown): void {
		const schema = operation.responses[status];
		if (!schema) return;
		const validate = this.validator(
			`res ${status} ${operation.method} ${operation.path}`,
			schema,
			'response',
		);
		if (!validate(body)) {
			throw new Error(
				`Sandbox answer for ${operation.method} ${operation.path} (${status}) breaks the vendor contract: ${this.ajv.errorsText(validate.errors)}`,
			);
		}
	}
}
