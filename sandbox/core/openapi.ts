import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Where the vendors' own OpenAPI subsets live: ../shared/specs beside the repository. */
export function specsDirectory(): string {
	return process.env.SIP_SANDBOX_SPECS ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'specs');
}

export interface ContractViolation {
	/** Dotted path of the offending field ('' for the body itself). */
	field: string;
	keyword: string;
	message: string;
	params: Record<string, unknown>;
}

type Schema = Record<string, any>;

/** Every `format` a document names, wherever it appears. */
function formatsUsedIn(node: unknown, found = new Set<string>()): Set<string> {
	if (Array.isArray(node)) node.forEach((entry) => formatsUsedIn(entry, found));
	else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === 'format' && typeof value === 'string') found.add(value);
			else formatsUsedIn(value, found);
		}
	}
	return found;
}

type Mode = 'request' | 'response';

interface Operation {
	method: string;
	template: string;
	pattern: RegExp;
	spec: Schema;
}

/**
 * One vendor's published OpenAPI document, used to hold the sandbox to the vendor's contract:
 * request bodies are checked in request mode (read-only and unknown fields refused, so a node
 * that sends a field the vendor would silently drop is caught), responses in response mode
 * (write-only fields such as passwords must never appear).
 */
export class OpenApiContract {
	private readonly document: Schema;
	private readonly ajv: Ajv;
	private readonly operations: Operation[] = [];
	private readonly cache = new Map<string, ValidateFunction>();

	constructor(fileName: string) {
		const text = readFileSync(path.join(specsDirectory(), fileName), 'utf8');
		this.document = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
		const openapi31 = String(this.document.openapi ?? '').startsWith('3.1');
		this.ajv = openapi31 ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
		addFormats(this.ajv);
		for (const format of ['password', 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'decimal']) {
			this.ajv.addFormat(format, true);
		}
		// Formats a vendor's document invents (NetSapiens has "i" and "pass") constrain nothing: accept
		// them as ajv would, without its "unknown format ignored" warning on every compile.
		for (const format of formatsUsedIn(this.document)) {
			if (!this.ajv.formats[format]) this.ajv.addFormat(format, true);
		}
		for (const [template, pathItem] of Object.entries<Schema>(this.document.paths ?? {})) {
			const pattern = new RegExp(
				'^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$',
			);
			for (const [method, spec] of Object.entries<Schema>(pathItem)) {
				if (['get', 'put', 'post', 'patch', 'delete'].includes(method)) {
					this.operations.push({ method: method.toUpperCase(), template, pattern, spec });
				}
			}
		}
	}

	/** The documented operation for a method and concrete path, if the vendor documents one. */
	operation(method: string, concretePath: string): Operation | undefined {
		return this.operations.find((op) => op.method === method && op.pattern.test(concretePath));
	}

	hasPath(concretePath: string): boolean {
		return this.operations.some((op) => op.pattern.test(concretePath));
	}

	private resolve(schema: Schema): Schema {
		if (schema && typeof schema.$ref === 'string') {
			const pointer = schema.$ref.replace(/^#\//, '').split('/');
			return this.resolve(pointer.reduce<Schema>((node, key) => node[key], this.document));
		}
		return schema;
	}

	/** Inlines $refs and adapts the schema to one direction of the exchange. */
	private adapt(input: Schema, mode: Mode, depth = 0): Schema {
		const schema = this.resolve(input);
		if (!schema || typeof schema !== 'object' || depth > 30) return schema;
		if (Array.isArray(schema)) return schema.map((entry) => this.adapt(entry, mode, depth + 1));
		const out: Schema = {};
		for (const [key, value] of Object.entries(schema)) {
			if (key === 'properties' && value && typeof value === 'object') {
				out.properties = {};
				for (const [name, property] of Object.entries<Schema>(value)) {
					const resolved = this.resolve(property);
					const hidden = mode === 'request' ? resolved?.readOnly : resolved?.writeOnly;
					out.properties[name] = hidden ? false : this.adapt(property, mode, depth + 1);
				}
			} else if (['items', 'additionalProperties', 'not'].includes(key) && typeof value === 'object') {
				out[key] = this.adapt(value, mode, depth + 1);
			} else if (['allOf', 'anyOf', 'oneOf'].includes(key) && Array.isArray(value)) {
				out[key] = value.map((entry) => this.adapt(entry, mode, depth + 1));
			} else if (key !== 'example' && key !== 'examples' && key !== 'discriminator' && key !== 'xml') {
				out[key] = value;
			}
		}
		if (Array.isArray(out.required) && out.properties) {
			out.required = out.required.filter((name: string) => out.properties[name] !== false);
		}
		const composite = out.allOf || out.anyOf || out.oneOf;
		if (mode === 'request' && out.properties && !composite && out.additionalProperties === undefined) {
			out.additionalProperties = false;
		}
		return out;
	}

	private validator(key: string, schema: Schema, mode: Mode): ValidateFunction {
		let validate = this.cache.get(key);
		if (!validate) {
			validate = this.ajv.compile(this.adapt(schema, mode));
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
						: error.keyword === 'false schema'
							? ''
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
		const media = operation.spec.requestBody && this.resolve(operation.spec.requestBody).content?.['application/json'];
		if (!media?.schema) return [];
		const required = Boolean(this.resolve(operation.spec.requestBody).required);
		if (body === undefined) {
			return required ? [{ field: '', keyword: 'required', message: 'A JSON body is required.', params: {} }] : [];
		}
		const validate = this.validator(`req ${operation.method} ${operation.template}`, media.schema, 'request');
		return validate(body) ? [] : this.violations(validate.errors);
	}

	/** A sandbox answer that breaks the vendor's contract is a sandbox bug: fail loudly. */
	assertResponse(operation: Operation, status: number, body: unknown): void {
		const response = this.resolve(operation.spec.responses?.[String(status)] ?? {});
		const schema = response.content?.['application/json']?.schema;
		if (!schema) return;
		const validate = this.validator(`res ${status} ${operation.method} ${operation.template}`, schema, 'response');
		if (!validate(body)) {
			throw new Error(
				`Sandbox answer for ${operation.method} ${operation.template} (${status}) breaks the vendor contract: ${this.ajv.errorsText(validate.errors)}`,
			);
		}
	}
}
