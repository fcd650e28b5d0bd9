import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { fieldDescription, limitWords } from '../../nodes/shared/fieldSpec';
import type { FieldSpec, WriteOperation } from '../../nodes/shared/fieldSpec';
import { DEVICE_FIELDS } from '../../nodes/NetSapiens/shared/descriptions';
import { SIP_USER_FIELDS } from '../../nodes/Opentact/shared/descriptions';
import {
	ADDRESS_FIELDS,
	ENDPOINT_FIELDS as SIGNALWIRE_ENDPOINT_FIELDS,
	PROFILE_FIELDS,
} from '../../nodes/SignalWire/shared/descriptions';
import { REGISTRATION_FIELDS } from '../../nodes/Ultravox/shared/descriptions';
import { ENDPOINT_FIELDS as VOBIZ_ENDPOINT_FIELDS } from '../../nodes/Vobiz/shared/descriptions';
import { TestEnvironment } from '../harness/run';
import { VENDOR_CASES } from './vendorCases';

/**
 * "One hop": a write field's limit and empty-value policy sit in its FieldSpec, and what the user reads
 * and what the node does are derived from there. Shown on the nodes as n8n loads them: every limit in a
 * field's words comes from its spec's number, and every 'refuse' / 'clear' policy acts on "" as declared.
 */
interface Table {
	vendor: string;
	resource: string;
	specs: readonly FieldSpec[];
}

const TABLES: Table[] = [
	{ vendor: 'ultravox', resource: 'sipRegistration', specs: REGISTRATION_FIELDS },
	{ vendor: 'signalwire', resource: 'sipProfile', specs: PROFILE_FIELDS },
	{ vendor: 'signalwire', resource: 'sipEndpoint', specs: SIGNALWIRE_ENDPOINT_FIELDS },
	{ vendor: 'signalwire', resource: 'sipAddress', specs: ADDRESS_FIELDS },
	{ vendor: 'opentact', resource: 'sipUser', specs: SIP_USER_FIELDS },
	{ vendor: 'vobiz', resource: 'endpoint', specs: VOBIZ_ENDPOINT_FIELDS },
	{ vendor: 'netsapiens', resource: 'device', specs: DEVICE_FIELDS },
];

const OPERATIONS: WriteOperation[] = ['create', 'update'];
const offeredIn = (spec: FieldSpec, operation: WriteOperation) =>
	operation === 'create' ? spec.create !== false : spec.update !== false;

describe('field specs: a limit and an empty-value policy are declared once, next to the field', () => {
	let env: TestEnvironment;
	beforeAll(async () => {
		env = await TestEnvironment.start();
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.sandbox.clearRequests());

	const vendorCase = (vendor: string) => VENDOR_CASES.find((entry) => entry.vendor === vendor)!;

	/** The fields a node shows for one write: its top-level fields and those of its collection. */
	function shownFields(table: Table, operation: WriteOperation): INodeProperties[] {
		const { node } = vendorCase(table.vendor);
		const properties = env.nodeTypes.getByNameAndVersion(`n8n-nodes-sip-credentials.${node}`)
			.description.properties;
		const forOperation = properties.filter(
			(property) =>
				property.displayOptions?.show?.resource?.includes(table.resource) &&
				property.displayOptions?.show?.operation?.includes(operation),
		);
		return forOperation.flatMap((property) =>
			property.type === 'collection' ? (property.options as INodeProperties[]) : [property],
		);
	}

	it.each(TABLES.map((table) => [`${table.vendor} ${table.resource}`, table] as const))(
		"%s: every limit the user reads is the spec's number, and no write field states one by hand",
		(_name, table) => {
			for (const operation of OPERATIONS) {
				const shown = shownFields(table, operation);
				for (const spec of table.specs.filter((entry) => offeredIn(entry, operation))) {
					const property = shown.find(
						(candidate) =>
							candidate.name === spec.name && candidate.displayName === spec.displayName,
					);
					expect({ operation, field: spec.name, shown: Boolean(property) }).toEqual({
						operation,
						field: spec.name,
						shown: true,
					});
					expect(property!.description).toBe(fieldDescription(spec, operation));
					const words = limitWords(spec.limit);
					if (words) expect(property!.description).toContain(`(${words})`);
					// Limit words only where the spec has the limit: none typed into the text itself.
					if (!words)
						expect(spec.description ?? '').not.toMatch(/at (most|least) \d+ (characters|entries)/);
				}
			}
		},
	);

	/** An Update of one seeded resource of the table, as the shared tests address it. */
	function updateOf(table: Table): INodeParameters {
		if (table.resource === 'sipProfile') return { resource: 'sipProfile', operation: 'update' };
		const call = vendorCase(table.vendor)
			.passwordCalls(env, 'Unused-Pass-1234')
			.find(
				(entry) =>
					entry.parameters.resource === table.resource && entry.parameters.operation === 'update',
			)!;
		return { ...call.parameters, updateFields: {} };
	}

	const policyCases = TABLES.flatMap((table) =>
		table.specs
			.filter((spec) => spec.empty && offeredIn(spec, 'update'))
			.map((spec) => [`${table.vendor} ${spec.displayName}: ${spec.empty}`, table, spec] as const),
	);

	it.each(policyCases)('%s, on an Update that leaves it ""', async (_name, table, spec) => {
		const { node, credentialType } = vendorCase(table.vendor);
		const key = spec.send ?? spec.name;
		const result = await env.run({
			node,
			credential: env.credential(table.vendor, credentialType),
			parameters: { ...updateOf(table), updateFields: { [spec.name]: '={{ "" }}' } },
		});
		const sent = env.sandbox
			.requests(table.vendor)
			.filter((request) => request.body && typeof request.body === 'object' && key in request.body);
		if (spec.empty === 'refuse') {
			expect(result.error?.message).toBe(`"${spec.displayName}" is empty (item 0)`);
			expect(result.error?.description).toContain('remove it from "Update Fields"');
			expect(sent).toHaveLength(0);
		} else {
			expect(result.error).toBeUndefined();
			expect(sent).toHaveLength(1);
			expect((sent[0].body as Record<string, unknown>)[key]).toBeNull();
		}
	});
});
