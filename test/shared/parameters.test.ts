import { NodeHelpers } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeProperties,
	INodeTypeDescription,
} from 'n8n-workflow';
import { parameterChecks, UPPER_BOUNDS } from '../../nodes/shared/parameters';
import type { ParameterCheck } from '../../nodes/shared/parameters';
import { packNodeTypes } from '../harness/pack';
import { TestEnvironment } from '../harness/run';
import { VENDOR_CASES } from './vendorCases';
import { byId } from '../harness/locator';

/**
 * Every number and boolean parameter of every operation of every node, found by walking the node
 * descriptions as n8n loads them (with the "Request Options" n8n's loader adds), collections and
 * fixedCollections included. Each is given, by expression, values the editor would never let
 * through; each must fail its item before any request, naming the field and the item. A parameter
 * added later is in this list without a line of its own.
 */
const nodeTypes = packNodeTypes();
const cases = VENDOR_CASES.map((vendorCase) => {
	const nodeType = Object.entries(nodeTypes).find(([type]) =>
		type.endsWith(`.${vendorCase.node}`),
	)![1];
	const properties = nodeType.description.properties;
	return {
		vendorCase,
		properties,
		checks: parameterChecks(properties).flatMap(({ property, checks }) =>
			checks.map((check) => ({ property, check })),
		),
	};
});

/** Expression sources of values each check must refuse: one per input item. */
function badValues(check: ParameterCheck): string[] {
	if (check.type === 'boolean') return ['"yes"', '"true"', '1', 'null', '{}', '[]'];
	// A Date, an object or a list would be sent in its JSON form, and a password stored that no output carries.
	const notText = ['new Date(0)', '{}', '[3]', 'null', 'true', '0/0'];
	// n8n's routing reads its own Request Options → Proxy before the node runs and refuses a Date,
	// an object, a list or a boolean there itself: the node's check has what n8n lets through.
	if (check.path === 'requestOptions.proxy') return ['null', '0/0'];
	// A field of several values takes a list: there a list with an entry that is not text is the bad value.
	if (check.type === 'text' || check.type === 'locator')
		return check.list ? notText.map((value) => (value === '[3]' ? '[{}]' : value)) : notText;
	// ($now reaches the node as its text already: n8n's expression engine converts a DateTime.)
	if (check.type === 'secret') return [...notText, '12345678'];
	if (check.type === 'choice') return ['new Date(0)', '{}', 'null'];
	if (check.type === 'choices') return ['"PCMU"', '[{}]', '[null]', 'null'];
	return [
		'0/0',
		'1/0',
		'-1/0',
		String(check.minimum - 1),
		String(check.maximum + 1),
		'1e300',
		'"24"',
		'null',
		'{}',
		'[3]',
		...(check.integer ? [String(check.minimum + 0.5)] : []),
	];
}

/**
 * Parameters under which n8n shows the property: the first value of each of its show conditions, and
 * `operation` when given (one definition serves every operation that shows the field).
 */
function shownWith(property: INodeProperties, operation?: string): INodeParameters {
	const show = property.displayOptions?.show ?? {};
	return {
		...Object.fromEntries(
			Object.entries(show)
				.filter(([name]) => !name.startsWith('@'))
				.map(([name, values]) => [name, (values as unknown[])[0] as string]),
		),
		...(operation === undefined ? {} : { operation }),
	};
}

/** The operations that show the property, each checked on its own; [undefined] when none is named. */
const operationsShowing = (property: INodeProperties): Array<string | undefined> =>
	((property.displayOptions?.show?.operation as string[] | undefined) ?? [undefined]).map(
		(operation) => operation,
	);

/**
 * Fills every required parameter shown with these parameters (n8n refuses to run a node missing
 * one) with an expression, which n8n does not check against a locator's regex: the node's own
 * checks of those values come after the one under test.
 */
function withRequiredFilled(
	properties: readonly INodeProperties[],
	parameters: INodeParameters,
): INodeParameters {
	const description = { properties } as unknown as INodeTypeDescription;
	const node = { parameters, typeVersion: 1 } as unknown as INode;
	for (let pass = 0; pass < 3; pass++) {
		// What n8n's Workflow does with a node's parameters: the defaults of those it shows.
		const effective =
			NodeHelpers.getNodeParameters(
				properties as INodeProperties[],
				parameters,
				true,
				false,
				node,
				description,
			) ?? {};
		for (const property of properties) {
			if (!property.required || property.name in parameters) continue;
			if (!NodeHelpers.displayParameter(effective, property, node, description)) continue;
			if (property.type === 'resourceLocator') parameters[property.name] = byId('={{ "1" }}');
			else if (property.type === 'string') parameters[property.name] = '={{ "1" }}';
			else if (property.type === 'dateTime')
				parameters[property.name] = '={{ "2020-01-01T00:00:00Z" }}';
		}
	}
	return parameters;
}

/** Sets `value` at the check's path, wrapping fixedCollection groups the way n8n stores them. */
function withValueAt(parameters: INodeParameters, path: string, value: string): INodeParameters {
	const parts = path.split('.');
	let holder = parameters as IDataObject;
	for (const part of parts.slice(0, -1)) holder = (holder[part] ??= {}) as IDataObject;
	holder[parts[parts.length - 1]] = value;
	return parameters;
}

describe('every number, boolean, text, password, options and ID parameter is checked after its expression resolves', () => {
	it('the walk finds the parameters this issue is about (and more)', () => {
		const found = new Set(cases.flatMap(({ checks }) => checks.map(({ check }) => check.path)));
		for (const path of [
			'passwordLength',
			'registrationTimeoutSeconds',
			'pollIntervalSeconds',
			'rateLimiting.requestsPerSecond',
			'rateLimiting.maxRateLimitRetries',
			'rateLimiting.maxRetryWaitSeconds',
			'rateLimiting.serverErrorRetries',
			'rateLimiting.maxRetryTimeSeconds',
			'limit',
			'returnAll',
			'includeNewPassword',
			'requestOptions.timeout',
			'additionalFields.registrationExpirySeconds',
			'options.outputSecrets',
		]) {
			expect([path, found.has(path)]).toEqual([path, true]);
		}
	});

	it('every number parameter has a documented upper bound (typeOptions.maxValue or UPPER_BOUNDS)', () => {
		const unbounded = cases.flatMap(({ vendorCase, properties }) =>
			collectNumbers(properties)
				.filter(
					(property) =>
						typeof property.typeOptions?.maxValue !== 'number' && !(property.name in UPPER_BOUNDS),
				)
				.map((property) => `${vendorCase.node}: ${property.name}`),
		);
		expect(unbounded).toEqual([]);
	});

	it("no parameter declares n8n's extractValue, so extractedValue gives the ID n8n would", () => {
		const declaring = cases.flatMap(({ vendorCase, properties }) =>
			properties
				.filter(
					(property) =>
						'extractValue' in property ||
						(property.modes ?? []).some((mode) => 'extractValue' in mode),
				)
				.map((property) => `${vendorCase.node}: ${property.name}`),
		);
		expect(declaring).toEqual([]);
	});

	describe.each(cases)('$vendorCase.vendor', ({ vendorCase, properties, checks }) => {
		let env: TestEnvironment;
		beforeAll(async () => (env = await TestEnvironment.start()));
		afterAll(async () => await env.close());

		it.each(
			checks.flatMap(({ property, check }) =>
				operationsShowing(property).map(
					(operation) =>
						[
							operation === undefined ? check.path : `${check.path} (${operation})`,
							property,
							check,
							operation,
						] as const,
				),
			),
		)(
			'%s: every bad value fails its item before any request, naming the field and the item',
			async (_path, property, check, operation) => {
				const values = badValues(check);
				env.sandbox.clearRequests();
				// n8n's own batching (which runs before the node) would wait its default 1 s per item.
				const base = check.path.startsWith('requestOptions.batching')
					? { requestOptions: { batching: { batch: { batchInterval: 0 } } } }
					: {};
				const parameters = withValueAt(
					withRequiredFilled(properties, { ...shownWith(property, operation), ...base }),
					check.path,
					`={{ [${values.join(', ')}][$itemIndex] }}`,
				);
				const result = await env.run({
					node: vendorCase.node,
					credential: env.credential(vendorCase.vendor, vendorCase.credentialType),
					continueOnFail: true,
					items: values.map(() => ({})),
					parameters,
				});
				expect(result.error).toBeUndefined();
				expect(result.items).toHaveLength(values.length);
				const errors = result.items.map((item) =>
					String(item.json.error ?? `no error for ${JSON.stringify(item.json)}`),
				);
				expect(errors).toEqual(
					values.map((_value, index) =>
						expect.stringMatching(
							new RegExp(`^"${escape(check.label)}" must be .*\\(item ${index}\\)$`),
						),
					),
				);
				expect(env.sandbox.requests(vendorCase.vendor)).toEqual([]);
			},
		);
	});
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function collectNumbers(properties: readonly INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		if (property.type === 'number') return [property];
		if (property.type === 'collection')
			return collectNumbers((property.options ?? []) as INodeProperties[]);
		if (property.type === 'fixedCollection') {
			return ((property.options ?? []) as Array<{ values?: INodeProperties[] }>).flatMap((group) =>
				collectNumbers(group.values ?? []),
			);
		}
		return [];
	});
}
