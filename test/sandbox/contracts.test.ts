/**
 * The sandbox's contract schemas (sandbox/contracts) are written from the vendors' public
 * documentation. This test holds them to the vendors' own OpenAPI documents, field by field, where
 * a copy of those documents sits beside the repository (CI keeps one in ../shared/specs; set
 * SIP_SANDBOX_SPECS to another folder). The documents are not part of the package (SignalWire's is
 * CC BY-NC-SA), so elsewhere the test is skipped and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fullFormats } from 'ajv-formats/dist/formats';
import { DESCRIPTIVE_FORMATS } from '../../sandbox/core/contract';
import { netSapiensContract } from '../../sandbox/contracts/netsapiens';
import { signalWireContract } from '../../sandbox/contracts/signalwire';
import { ultravoxContract } from '../../sandbox/contracts/ultravox';
import type { JsonSchema, VendorContract } from '../../sandbox/contracts/types';

const SPECS =
	process.env.SIP_SANDBOX_SPECS ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'specs');

interface Subject {
	contract: VendorContract;
	file: string;
	/** Vendor operations the sandbox does not simulate, with the reason. */
	notSimulated: Record<string, string>;
	/**
	 * Operations the vendor's docs site publishes but its OpenAPI document leaves out, each held to
	 * the documented operation whose answers the docs say it shares.
	 */
	documentedElsewhere?: Record<string, { sameAs: string; source: string }>;
}

const SUBJECTS: Subject[] = [
	{ contract: signalWireContract, file: 'signalwire.openapi.yaml', notSimulated: {} },
	{ contract: ultravoxContract, file: 'ultravox.openapi.yaml', notSimulated: {} },
	{
		contract: netSapiensContract,
		file: 'netsapiens.openapi.json',
		notSimulated: {
			'PUT /domains/{domain}': 'the pack never changes a domain',
			'DELETE /domains/{domain}': 'the pack never deletes a domain',
		},
		documentedElsewhere: {
			// Beside "Count Devices for User": `{"total": n}` for the whole domain (Get Many's domain scope checks it).
			'GET /domains/{domain}/devices/count': {
				sameAs: '/domains/{domain}/users/{user}/devices/count',
				source: 'https://docs.ns-api.com/v45.0/reference/countdevices',
			},
		},
	},
];

/** Formats a validator enforces; the others only document a value. */
const CHECKED_FORMATS = new Set(
	Object.keys(fullFormats).filter((format) => !DESCRIPTIVE_FORMATS.includes(format)),
);
const LIMITS = [
	'maxLength',
	'minLength',
	'maximum',
	'minimum',
	'maxItems',
	'minItems',
	'pattern',
] as const;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** What a schema says about a value, in one canonical form, whatever way it is written. */
interface Facts {
	types: string[];
	nullable: boolean;
	enum?: string[];
	format?: string;
	limits: Record<string, unknown>;
	readOnly: boolean;
	writeOnly: boolean;
	items?: Facts;
	properties?: Record<string, Facts>;
	required: string[];
	closed: boolean;
}

type Resolve = (schema: JsonSchema) => JsonSchema;

/** Folds `allOf` wrappers and `anyOf [X, null]` into one flat schema. */
function flatten(input: JsonSchema, resolve: Resolve): JsonSchema {
	let schema = { ...resolve(input) };
	for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) {
		const { allOf: _allOf, ...rest } = schema;
		schema = { ...flatten(part, resolve), ...rest };
	}
	delete schema.allOf;
	const variants = schema.anyOf as JsonSchema[] | undefined;
	if (variants) {
		const resolved = variants.map(resolve);
		const values = resolved.filter((variant) => variant.type !== 'null');
		if (values.length === 1 && resolved.length === 2) {
			const { anyOf: _anyOf, ...rest } = schema;
			schema = { ...flatten(values[0], resolve), ...rest, nullable: true };
		}
	}
	return schema;
}

function facts(input: JsonSchema, resolve: Resolve): Facts {
	const schema = flatten(input, resolve);
	const declared = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type);
	const values = schema.enum as unknown[] | undefined;
	const nullable =
		schema.nullable === true || declared.includes('null') || Boolean(values?.includes(null));
	const limits: Record<string, unknown> = {};
	for (const limit of LIMITS) if (schema[limit] !== undefined) limits[limit] = schema[limit];
	const format =
		typeof schema.format === 'string' && CHECKED_FORMATS.has(schema.format)
			? schema.format
			: undefined;
	const properties = schema.properties as Record<string, JsonSchema> | undefined;
	/** `false` or `{"not": {}}`: no field beyond the listed ones is allowed. */
	const closedBy = (keyword: unknown) => {
		const not = (keyword as JsonSchema | undefined)?.not;
		return (
			keyword === false ||
			(typeof not === 'object' && not !== null && Object.keys(not).length === 0)
		);
	};
	return {
		types: declared
			.filter((type) => type !== 'null')
			.map(String)
			.sort(),
		nullable,
		...(values
			? {
					enum: values
						.filter((value) => value !== null)
						.map(String)
						.sort(),
				}
			: {}),
		...(format ? { format } : {}),
		limits,
		readOnly: schema.readOnly === true,
		writeOnly: schema.writeOnly === true,
		...(schema.items ? { items: facts(schema.items as JsonSchema, resolve) } : {}),
		...(properties
			? {
					properties: Object.fromEntries(
						Object.entries(properties).map(([name, value]) => [name, facts(value, resolve)]),
					),
				}
			: {}),
		required: ((schema.required as string[] | undefined) ?? []).slice().sort(),
		closed: closedBy(schema.additionalProperties) || closedBy(schema.unevaluatedProperties),
	};
}

/**
 * Differences between our facts and the vendor's. `complete` says our object must list every field
 * the vendor lists (request bodies, whose unknown fields are refused, and closed answers); an open
 * answer may list fewer, except fields the vendor marks write-only, which must be there to be kept out.
 */
function differences(ours: Facts, theirs: Facts, where: string, complete: boolean): string[] {
	const found: string[] = [];
	const same = (what: string, a: unknown, b: unknown) => {
		if (JSON.stringify(a) !== JSON.stringify(b)) {
			found.push(
				`${where || '(body)'} ${what}: ours ${JSON.stringify(a)}, vendor ${JSON.stringify(b)}`,
			);
		}
	};
	same('type', ours.types, theirs.types);
	same('nullable', ours.nullable, theirs.nullable);
	same('enum', ours.enum, theirs.enum);
	same('format', ours.format, theirs.format);
	same('limits', ours.limits, theirs.limits);
	same('readOnly', ours.readOnly, theirs.readOnly);
	same('writeOnly', ours.writeOnly, theirs.writeOnly);
	same('closed', ours.closed, theirs.closed);
	same('required', ours.required, theirs.required);
	if (ours.items || theirs.items) {
		if (!ours.items || !theirs.items) same('items', Boolean(ours.items), Boolean(theirs.items));
		else
			found.push(
				...differences(ours.items, theirs.items, `${where}[]`, complete || theirs.items.closed),
			);
	}
	const mine = ours.properties ?? {};
	const vendor = theirs.properties ?? {};
	for (const [name, value] of Object.entries(mine)) {
		const field = where ? `${where}.${name}` : name;
		if (!vendor[name]) found.push(`${field} is not a field the vendor documents`);
		else found.push(...differences(value, vendor[name], field, complete || vendor[name].closed));
	}
	for (const [name, value] of Object.entries(vendor)) {
		if (mine[name]) continue;
		const mustList = complete || theirs.closed || value.writeOnly;
		if (mustList)
			found.push(
				`${where ? `${where}.${name}` : name} is documented by the vendor but missing here`,
			);
	}
	return found;
}

function vendorDocument(file: string): JsonSchema {
	const text = readFileSync(path.join(SPECS, file), 'utf8');
	return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

function resolverFor(document: JsonSchema): Resolve {
	const resolve: Resolve = (schema) => {
		if (schema && typeof schema.$ref === 'string') {
			const pointer = schema.$ref.replace(/^#\//, '').split('/');
			return resolve(pointer.reduce<JsonSchema>((node, key) => node[key] as JsonSchema, document));
		}
		return schema;
	};
	return resolve;
}

/** Every contract difference for one vendor, as readable lines (empty when all agree). */
function contractDrift(subject: Subject, document: JsonSchema): string[] {
	const resolve = resolverFor(document);
	const drift: string[] = [];
	const paths = document.paths as Record<string, Record<string, JsonSchema>>;
	const documented = new Set<string>();
	for (const [template, item] of Object.entries(paths)) {
		for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
			documented.add(`${method.toUpperCase()} ${template}`);
		}
	}
	const ours = new Set(
		subject.contract.operations.map((operation) => `${operation.method} ${operation.path}`),
	);
	for (const name of documented) {
		if (!ours.has(name) && !subject.notSimulated[name])
			drift.push(`${name} is documented by the vendor but has no contract here`);
	}
	for (const operation of subject.contract.operations) {
		const name = `${operation.method} ${operation.path}`;
		const specPath = subject.documentedElsewhere?.[name]?.sameAs ?? operation.path;
		const spec = paths[specPath]?.[operation.method.toLowerCase()];
		if (!spec) {
			drift.push(`${name} is not an operation the vendor documents`);
			continue;
		}
		const requestBody = spec.requestBody ? resolve(spec.requestBody as JsonSchema) : undefined;
		const requestSchema = (requestBody?.content as JsonSchema | undefined)?.['application/json'] as
			JsonSchema | undefined;
		if (Boolean(operation.request) !== Boolean(requestSchema?.schema)) {
			drift.push(
				`${name}: request body ours ${Boolean(operation.request)}, vendor ${Boolean(requestSchema?.schema)}`,
			);
		} else if (operation.request && requestSchema?.schema) {
			if (operation.request.required !== Boolean(requestBody?.required)) {
				drift.push(
					`${name}: body required ours ${operation.request.required}, vendor ${Boolean(requestBody?.required)}`,
				);
			}
			const found = differences(
				facts(operation.request.schema, resolve),
				facts(requestSchema.schema as JsonSchema, resolve),
				'',
				true,
			);
			drift.push(...found.map((line) => `${name} request: ${line}`));
		}
		const answers = Object.entries((spec.responses as Record<string, JsonSchema>) ?? {})
			.filter(([status]) => /^\d+$/.test(status))
			.map(([status, response]) => {
				const content = resolve(response).content as JsonSchema | undefined;
				return [
					Number(status),
					(content?.['application/json'] as JsonSchema | undefined)?.schema as
						JsonSchema | undefined,
				] as const;
			})
			.filter(([, schema]) => schema !== undefined);
		const statuses = (list: number[]) => list.sort((a, b) => a - b).join(',');
		const ourStatuses = Object.keys(operation.responses).map(Number);
		if (statuses(ourStatuses) !== statuses(answers.map(([status]) => status))) {
			drift.push(
				`${name}: answered statuses ours ${statuses(ourStatuses)}, vendor ${statuses(answers.map(([status]) => status))}`,
			);
		}
		for (const [status, schema] of answers) {
			const mine = operation.responses[status];
			if (!mine || !schema) continue;
			const found = differences(facts(mine, resolve), facts(schema, resolve), '', false);
			drift.push(...found.map((line) => `${name} ${status}: ${line}`));
		}
	}
	return drift;
}

if (existsSync(SPECS)) {
	describe("sandbox contracts agree with the vendors' OpenAPI documents", () => {
		test.each(SUBJECTS.map((subject) => [subject.contract.vendor, subject] as const))(
			'%s',
			(_vendor, subject) => {
				expect(contractDrift(subject, vendorDocument(subject.file))).toEqual([]);
			},
		);
	});
} else {
	const reason = `the vendors' OpenAPI documents are not in ${SPECS} (CI has them there; set SIP_SANDBOX_SPECS to a copy)`;
	process.stderr.write(`Contract cross-check skipped: ${reason}.\n`);
	describe("sandbox contracts agree with the vendors' OpenAPI documents", () => {
		test.skip(`skipped: ${reason}`, () => undefined);
	});
}
