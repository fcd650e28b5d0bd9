import fc from 'fast-check';
import type { IDataObject, INodeProperties, INodeParameters } from 'n8n-workflow';
import type { VendorEndpoint } from '../../sandbox';
import { packNodeTypes } from '../harness/pack';
import { byId } from '../harness/locator';

/**
 * The adversarial suite's cases: every parameter of every operation of every node, found in the
 * node descriptions (so a new parameter is attacked without anyone listing it), attacked with
 * expression results of every type and size; and every operation's vendor call answered with
 * hostile shapes by the proxy in hostileProxy.ts. Deterministic: the extra random values come from
 * fast-check with a fixed seed (ADVERSARIAL_SEED), so a failure can be run again.
 */

/** `npm test` size: 0 extra random values per parameter; `npm run fuzz` sets more. */
export const ADVERSARIAL_RUNS = Number(process.env.ADVERSARIAL_RUNS ?? 0);
export const ADVERSARIAL_SEED = Number(process.env.ADVERSARIAL_SEED ?? 16);
/** The long run (`npm run fuzz`) also attacks with 10 MB strings everywhere and never-answering vendors at default timeouts. */
export const LONG_RUN = ADVERSARIAL_RUNS > 0;

const PACKAGE = 'n8n-nodes-sip-credentials';

export interface VendorInfo {
	vendor: string;
	node: string;
	credentialType: string;
}

export const VENDORS: VendorInfo[] = [
	{ vendor: 'netsapiens', node: 'netSapiens', credentialType: 'netSapiensSipApi' },
	{ vendor: 'opentact', node: 'opentact', credentialType: 'opentactSipApi' },
	{ vendor: 'signalwire', node: 'signalWire', credentialType: 'signalWireSipApi' },
	{ vendor: 'ultravox', node: 'ultravox', credentialType: 'ultravoxSipApi' },
	{ vendor: 'vobiz', node: 'vobiz', credentialType: 'vobizSipApi' },
];

const PASSWORD = 'Adversarial-Pass-1';
const OPENTACT_DOMAIN = 'acme.sip.opentact.org';

/** Valid settings of one operation, on which a single parameter or a single answer is then attacked. */
export interface Baseline {
	parameters: INodeParameters;
	/** The input item for item index i (IDs the parameters read by `$json`). */
	item(index: number): IDataObject;
	/** How many resources Return All must output (the sandbox's count), for list operations. */
	listCount?: number;
}

/** Baselines per vendor and `resource:operation`; an operation missing here fails the suite. */
export function baselines(vendor: string, endpoint: VendorEndpoint): Record<string, Baseline> {
	const seeded = endpoint.seeded;
	const cycle =
		(ids: unknown, key = 'id') =>
		(index: number) => ({ [key]: (ids as string[])[index % 3] });
	const none = () => ({});
	const byVendor: Record<string, () => Record<string, Baseline>> = {
		ultravox: () => {
			const one = { resource: 'sipRegistration', registrationId: byId('={{ $json.id }}') };
			const item = cycle(seeded.sipRegistrationIds);
			return {
				'sipRegistration:create': {
					parameters: {
						resource: 'sipRegistration',
						operation: 'create',
						username: '={{ "adv" + $itemIndex }}',
						password: PASSWORD,
						proxy: 'pbx.example.com',
					},
					item: none,
				},
				'sipRegistration:get': { parameters: { ...one, operation: 'get' }, item },
				'sipRegistration:delete': { parameters: { ...one, operation: 'delete' }, item },
				'sipRegistration:update': {
					parameters: { ...one, operation: 'update', updateFields: { proxy: 'pbx2.example.com' } },
					item,
				},
				'sipRegistration:rotatePassword': {
					parameters: { ...one, operation: 'rotatePassword' },
					item,
				},
				'sipRegistration:checkRegistration': {
					parameters: {
						...one,
						operation: 'checkRegistration',
						registeredAfter: '2020-01-01T00:00:00Z',
					},
					item,
				},
				'sipRegistration:generatePassword': {
					parameters: { resource: 'sipRegistration', operation: 'generatePassword' },
					item: none,
				},
				'sipRegistration:getAll': {
					parameters: {
						resource: 'sipRegistration',
						operation: 'getAll',
						returnAll: false,
						limit: 5,
					},
					item: none,
					listCount: seeded.sipRegistrationCount as number,
				},
			};
		},
		signalwire: () => {
			const endpointOne = { resource: 'sipEndpoint', endpointId: byId('={{ $json.id }}') };
			const addressOne = { resource: 'sipAddress', addressId: byId('={{ $json.id }}') };
			const endpointItem = cycle(seeded.sipEndpointIds);
			const addressItem = cycle(seeded.sipAddressIds);
			return {
				'sipEndpoint:create': {
					parameters: {
						resource: 'sipEndpoint',
						operation: 'create',
						username: '={{ "adv" + $itemIndex }}',
						password: PASSWORD,
					},
					item: none,
				},
				'sipEndpoint:get': { parameters: { ...endpointOne, operation: 'get' }, item: endpointItem },
				'sipEndpoint:delete': {
					parameters: { ...endpointOne, operation: 'delete' },
					item: endpointItem,
				},
				'sipEndpoint:update': {
					parameters: {
						...endpointOne,
						operation: 'update',
						updateFields: { encryption: 'required' },
					},
					item: endpointItem,
				},
				'sipEndpoint:rotatePassword': {
					parameters: { ...endpointOne, operation: 'rotatePassword' },
					item: endpointItem,
				},
				'sipEndpoint:generatePassword': {
					parameters: { resource: 'sipEndpoint', operation: 'generatePassword' },
					item: none,
				},
				'sipEndpoint:getAll': {
					parameters: { resource: 'sipEndpoint', operation: 'getAll', returnAll: false, limit: 5 },
					item: none,
					listCount: seeded.sipEndpointCount as number,
				},
				'sipProfile:get': { parameters: { resource: 'sipProfile', operation: 'get' }, item: none },
				'sipProfile:update': {
					parameters: {
						resource: 'sipProfile',
						operation: 'update',
						updateFields: { defaultSendAs: (seeded.projectNumbers as string[])[0] },
					},
					item: none,
				},
				'sipAddress:create': {
					parameters: {
						resource: 'sipAddress',
						operation: 'create',
						name: '={{ "adv-line-" + $itemIndex }}',
						callingHandlerResourceId: (seeded.callingHandlerResourceIds as string[])[0],
					},
					item: none,
				},
				'sipAddress:get': { parameters: { ...addressOne, operation: 'get' }, item: addressItem },
				'sipAddress:delete': {
					parameters: { ...addressOne, operation: 'delete' },
					item: addressItem,
				},
				'sipAddress:update': {
					parameters: {
						...addressOne,
						operation: 'update',
						updateFields: { encryption: 'required' },
					},
					item: addressItem,
				},
				'sipAddress:getAll': {
					parameters: { resource: 'sipAddress', operation: 'getAll', returnAll: false, limit: 5 },
					item: none,
					listCount: seeded.sipAddressCount as number,
				},
			};
		},
		opentact: () => {
			const one = {
				resource: 'sipUser',
				domain: byId(OPENTACT_DOMAIN),
				userId: byId('={{ $json.id }}'),
			};
			const item = cycle(seeded.sipUserIds);
			return {
				'sipUser:create': {
					parameters: {
						resource: 'sipUser',
						operation: 'create',
						domain: byId(OPENTACT_DOMAIN),
						login: '={{ "adv" + $itemIndex }}',
						password: PASSWORD,
					},
					item: none,
				},
				'sipUser:get': { parameters: { ...one, operation: 'get' }, item },
				'sipUser:delete': { parameters: { ...one, operation: 'delete' }, item },
				'sipUser:update': {
					parameters: { ...one, operation: 'update', updateFields: { firstName: 'Adversary' } },
					item,
				},
				'sipUser:rotatePassword': { parameters: { ...one, operation: 'rotatePassword' }, item },
				'sipUser:generatePassword': {
					parameters: { resource: 'sipUser', operation: 'generatePassword' },
					item: none,
				},
				'sipUser:getAll': {
					parameters: {
						resource: 'sipUser',
						operation: 'getAll',
						domain: byId(OPENTACT_DOMAIN),
						returnAll: false,
						limit: 5,
					},
					item: none,
					listCount: seeded.sipUserCount as number,
				},
			};
		},
		netsapiens: () => {
			const own = { resource: 'device', domain: byId('~'), user: byId('~') };
			const one = { ...own, device: byId('={{ $json.device }}') };
			const item = cycle(seeded.userDevices, 'device');
			return {
				'device:create': {
					parameters: {
						...own,
						operation: 'create',
						device: '={{ "1000x" + $itemIndex }}',
						additionalFields: { model: 'T48S' },
					},
					item: none,
				},
				'device:get': { parameters: { ...one, operation: 'get' }, item },
				'device:delete': { parameters: { ...one, operation: 'delete' }, item },
				'device:update': {
					parameters: {
						...one,
						operation: 'update',
						updateFields: { registrationExpirySeconds: 300 },
					},
					item,
				},
				'device:rotatePassword': { parameters: { ...one, operation: 'rotatePassword' }, item },
				'device:checkRegistration': {
					parameters: {
						...one,
						operation: 'checkRegistration',
						registeredAfter: '2020-01-01T00:00:00Z',
					},
					item,
				},
				'device:generatePassword': {
					parameters: { resource: 'device', operation: 'generatePassword' },
					item: none,
				},
				'device:getAll': {
					parameters: {
						resource: 'device',
						operation: 'getAll',
						listScope: 'domain',
						domain: byId('~'),
						returnAll: false,
						limit: 5,
					},
					item: none,
					listCount: seeded.domainDeviceCount as number,
				},
			};
		},
		vobiz: () => {
			const one = { resource: 'endpoint', endpointId: byId('={{ $json.id }}') };
			const item = cycle(seeded.endpointIds);
			return {
				'endpoint:create': {
					parameters: {
						resource: 'endpoint',
						operation: 'create',
						username: '={{ "adv" + $itemIndex }}',
						password: PASSWORD,
						alias: 'Adv-Desk',
					},
					item: none,
				},
				'endpoint:get': { parameters: { ...one, operation: 'get' }, item },
				'endpoint:delete': { parameters: { ...one, operation: 'delete' }, item },
				'endpoint:update': {
					parameters: { ...one, operation: 'update', updateFields: { alias: 'Front-Desk' } },
					item,
				},
				'endpoint:rotatePassword': { parameters: { ...one, operation: 'rotatePassword' }, item },
				'endpoint:checkRegistration': {
					parameters: {
						...one,
						operation: 'checkRegistration',
						registeredAfter: '2020-01-01T00:00:00Z',
					},
					item,
				},
				'endpoint:generatePassword': {
					parameters: { resource: 'endpoint', operation: 'generatePassword' },
					item: none,
				},
				'endpoint:getAll': {
					parameters: { resource: 'endpoint', operation: 'getAll', returnAll: false, limit: 5 },
					item: none,
					listCount: seeded.endpointCount as number,
				},
			};
		},
	};
	return byVendor[vendor]();
}

/** Passwords the baselines send: request secrets, never to be echoed. */
export const BASELINE_SECRETS = [PASSWORD];

/** One attackable parameter of one operation, as the node description defines it. */
export interface ParameterTarget {
	/** Path in the node's parameters, e.g. ['rateLimiting', 'requestsPerSecond']. */
	path: string[];
	type: string;
	resourceLocator: boolean;
	/** Other parameters that must hold these values for this one to be shown (displayOptions.show). */
	conditions: Record<string, unknown>;
}

export interface OperationInfo {
	vendor: string;
	resource: string;
	operation: string;
	parameters: ParameterTarget[];
}

function shownFor(
	property: INodeProperties,
	resource: string,
	operation: string,
): Record<string, unknown> | undefined {
	const show = (property.displayOptions?.show ?? {}) as Record<string, unknown[]>;
	if (show.resource && !show.resource.includes(resource)) return undefined;
	if (show.operation && !show.operation.includes(operation)) return undefined;
	const conditions: Record<string, unknown> = {};
	for (const [key, values] of Object.entries(show)) {
		if (key === 'resource' || key === 'operation') continue;
		conditions[key] = values[0];
	}
	return conditions;
}

function targetsOf(
	property: INodeProperties,
	conditions: Record<string, unknown>,
): ParameterTarget[] {
	const leaf = (path: string[], option: { type: string }): ParameterTarget => ({
		path,
		type: option.type,
		resourceLocator: option.type === 'resourceLocator',
		conditions,
	});
	const groups = (path: string[], options: any[]): ParameterTarget[] =>
		options.flatMap((group) =>
			(group.values as any[]).map((value) => leaf([...path, group.name, value.name], value)),
		);
	if (property.type === 'collection') {
		return (property.options as any[]).flatMap((option) =>
			option.type === 'fixedCollection'
				? groups([property.name, option.name], option.options)
				: [leaf([property.name, option.name], option)],
		);
	}
	if (property.type === 'fixedCollection')
		return groups([property.name], property.options as any[]);
	return [leaf([property.name], property)];
}

/** Every operation of every node with the parameters it shows, from the node descriptions. */
export function enumerateOperations(): OperationInfo[] {
	const types = packNodeTypes();
	const operations: OperationInfo[] = [];
	for (const info of VENDORS) {
		const properties = types[`${PACKAGE}.${info.node}`].description.properties;
		const resources = (
			properties.find((property) => property.name === 'resource')!.options as Array<{
				value: string;
			}>
		).map((option) => option.value);
		for (const resource of resources) {
			const operationProperty = properties.find(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource as string[]).includes(resource),
			)!;
			for (const { value: operation } of operationProperty.options as Array<{ value: string }>) {
				const parameters = properties
					.filter(
						(property) =>
							!['resource', 'operation'].includes(property.name) &&
							!['hidden', 'notice'].includes(property.type),
					)
					.flatMap((property) => {
						const conditions = shownFor(property, resource, operation);
						return conditions ? targetsOf(property, conditions) : [];
					});
				operations.push({ vendor: info.vendor, resource, operation, parameters });
			}
		}
	}
	return operations;
}

/**
 * An expression result an attacker (or a missing field) can give a parameter. The item carries
 * `kind` and `v`; the one expression every attacked parameter gets (ATTACK_EXPRESSION) turns them
 * into the value — NaN, Infinity and Dates cannot travel in an item's JSON.
 */
export interface ValueKind {
	name: string;
	/** Class for the figures: number, numeric string, string, structure, huge. */
	group: 'number' | 'numeric string' | 'string' | 'structure' | 'huge';
	json: IDataObject;
}

export const ATTACK_EXPRESSION =
	'={{ $json.kind === "NaN" ? Number($json.v) : $json.kind === "Infinity" ? $json.v * 10 : $json.kind === "-Infinity" ? $json.v * -10 : ' +
	'$json.kind === "undefined" ? $json.policy?.length : $json.kind === "huge" ? "x".repeat($json.v) : ' +
	'$json.kind === "Date" ? new Date($json.v) : $json.kind === "DateTime" ? $now : $json.v }}';

const kind = (name: string, group: ValueKind['group'], v?: unknown): ValueKind => ({
	name,
	group,
	json: { kind: name, ...(v === undefined ? {} : { v: v as IDataObject[string] }) },
});

export const TEN_MB = 10 * 1024 * 1024;

export const VALUE_KINDS: ValueKind[] = [
	kind('NaN', 'number', 'not a number'),
	kind('Infinity', 'number', 1e308),
	kind('-Infinity', 'number', 1e308),
	kind('-1', 'number', -1),
	kind('0', 'number', 0),
	kind('0.5', 'number', 0.5),
	kind('2^53', 'number', 2 ** 53),
	kind('1e308', 'number', 1e308),
	kind('"8"', 'numeric string', '8'),
	kind('" 16 "', 'numeric string', ' 16 '),
	kind('"1e3"', 'numeric string', '1e3'),
	kind('"-5"', 'numeric string', '-5'),
	kind('"NaN"', 'numeric string', 'NaN'),
	kind('"Infinity"', 'numeric string', 'Infinity'),
	kind('""', 'string', ''),
	kind('whitespace', 'string', ' \t '),
	kind('CR/LF', 'string', 'adv\r\nX-Injected: 1'),
	kind('trailing newline', 'string', 'Trailing-Newline-7\n'),
	kind('321 characters', 'string', 'a'.repeat(321)),
	kind('unicode', 'string', 'pässwörd-☎-𝄞'),
	kind('object', 'structure', { a: 1 }),
	kind('empty object', 'structure', {}),
	kind('array', 'structure', [1, 2]),
	kind('empty array', 'structure', []),
	kind('null', 'structure', null),
	kind('undefined', 'structure'),
	kind('true', 'structure', true),
	kind('false', 'structure', false),
	kind('Date', 'structure', 0),
	kind('DateTime', 'structure'),
];

export const HUGE_KIND = kind('huge', 'huge', TEN_MB);

/** Extra random values for the long run, seeded. */
export function randomKinds(runs: number, salt: number): ValueKind[] {
	if (runs <= 0) return [];
	const values = fc.sample(
		fc.oneof(
			fc.double(),
			fc.integer({ min: -1_000_000, max: 1_000_000 }),
			fc.string({ maxLength: 400 }),
			fc.string({ unit: 'grapheme', maxLength: 60 }),
			fc.jsonValue({ maxDepth: 2 }),
		),
		{ numRuns: runs, seed: ADVERSARIAL_SEED + salt },
	);
	return values.map((v, index) => ({
		name: `random #${index}`,
		group: typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'structure',
		json: {
			kind: 'random',
			v: (Number.isFinite(v as number) || typeof v !== 'number'
				? v
				: String(v)) as IDataObject[string],
		},
	}));
}

/** A hostile vendor answer, applied by the proxy to the operation's own call. */
export interface AnswerKind {
	name: string;
	/** Which of the operation's calls is answered this way. */
	on: 'main' | 'readBack' | 'laterPage' | 'firstPage';
}

export const ANSWER_KINDS: AnswerKind[] = [
	{ name: '{}', on: 'main' },
	{ name: '[]', on: 'main' },
	{ name: '{"detail": …}', on: 'main' },
	{ name: 'wrong types', on: 'main' },
	{ name: 'huge body', on: 'main' },
	{ name: 'echoes secrets (200)', on: 'main' },
	{ name: 'echoes secrets (401)', on: 'main' },
	{ name: 'echoes secrets (400)', on: 'main' },
	{ name: 'HTML 200', on: 'main' },
	{ name: 'HTML 502', on: 'main' },
	{ name: 'empty 200', on: 'main' },
	{ name: 'truncated JSON', on: 'main' },
	{ name: '302 to same origin', on: 'main' },
	{ name: '307 off-origin', on: 'main' },
	{ name: '500 after apply', on: 'main' },
	{ name: 'drop after apply', on: 'main' },
	{ name: 'never answers', on: 'main' },
	{ name: 'answers late', on: 'main' },
	{ name: '429 Retry-After huge', on: 'main' },
];

/** Answers for a list's pages. */
export const PAGE_KINDS: AnswerKind[] = [
	{ name: 'later page {}', on: 'laterPage' },
	{ name: 'later page []', on: 'laterPage' },
	{ name: 'later page {"detail": …}', on: 'laterPage' },
	{ name: 'later page empty 200', on: 'laterPage' },
	{ name: 'later page truncated JSON', on: 'laterPage' },
	{ name: 'total disagrees', on: 'firstPage' },
	{ name: 'next off-origin', on: 'firstPage' },
	{ name: 'next //host', on: 'firstPage' },
	{ name: 'next javascript:', on: 'firstPage' },
	{ name: 'next loops to itself', on: 'firstPage' },
];

/** Answers for Rotate Password's read-back after the apply succeeded. */
export const READ_BACK_KINDS: AnswerKind[] = [
	'{}',
	'{"detail": …}',
	'echoes secrets (200)',
	'HTML 200',
	'empty 200',
	'truncated JSON',
	'never answers',
	'drop after apply',
].map((name) => ({ name, on: 'readBack' as const }));
