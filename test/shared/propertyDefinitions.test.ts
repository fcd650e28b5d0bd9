/**
 * n8n's RoutingNode resolves the stored value of every property definition of a declarative node
 * for every item, twice, before it asks whether the definition is shown (docs/performance.md); a
 * field defined once per operation has its expression evaluated once per definition. So every node
 * defines a field once per resource, shown for all the operations that use it, and the editor still
 * shows each operation the same fields in the same order as before (the fixture, captured from the
 * nodes as they were before the fields were merged).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { INodeProperties } from 'n8n-workflow';
import { PACKAGE_NAME, packNodeTypes } from '../harness/pack';
import { visibleFields, type VisibleFields } from '../harness/visibleFields';

const FIXTURE = path.join(__dirname, 'fixtures', 'visible-fields-before.json');
const nodeTypes = Object.entries(packNodeTypes());

if (process.env.WRITE_VISIBLE_FIELDS === '1')
	writeFileSync(
		FIXTURE,
		`${JSON.stringify(
			Object.fromEntries(nodeTypes.map(([type, node]) => [type, visibleFields(node.description)])),
			null,
			'\t',
		)}\n`,
	);
const before = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, VisibleFields>;

/** A definition without what may differ between two definitions of one field: the operations showing it. */
function withoutOperations(property: INodeProperties): unknown {
	const { operation: _operation, ...show } = property.displayOptions?.show ?? {};
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

describe('one definition per field', () => {
	it.each(nodeTypes)(
		'%s: no two definitions of a name are the same field (differing only in help text or operations)',
		(_type, node) => {
			const properties = node.description.properties;
			const sameField = properties.flatMap((a, i) =>
				properties
					.slice(i + 1)
					.filter(
						(b) =>
							b.name === a.name &&
							isDeepStrictEqual(
								withoutOperations({ ...a, description: '' }),
								withoutOperations({ ...b, description: '' }),
							),
					)
					.map((b) => ({
						name: a.name,
						operations: [a, b].map((p) => p.displayOptions?.show?.operation),
					})),
			);
			expect(sameField).toEqual([]);
		},
	);
});

/**
 * Help that concerned one operation was the description of that operation's copy of the field; with
 * one definition per field it is a notice shown for that operation (the only fields added).
 */
const OPERATION_NOTICES: Array<[node: string, operation: string, notice: string, text: string]> = [
	['ultravox', 'sipRegistration:delete', 'deleteNotice', 'Ultravox stops registering with the PBX'],
	[
		'ultravox',
		'sipRegistration:rotatePassword',
		'rotatePasswordNotice',
		'so the PBX must know it too',
	],
	['signalWire', 'sipEndpoint:delete', 'deleteNotice', 'deleted permanently'],
	[
		'signalWire',
		'sipEndpoint:rotatePassword',
		'rotatePasswordNotice',
		'SignalWire never returns passwords',
	],
	['opentact', 'sipUser:delete', 'deleteNotice', 'its phones can no longer register or call'],
	['vobiz', 'endpoint:delete', 'deleteNotice', 'disconnected at once'],
	['vobiz', 'endpoint:get', 'getNotice', 'sip_registered ("true" or "false", as text)'],
	[
		'vobiz',
		'endpoint:rotatePassword',
		'rotatePasswordNotice',
		'is signed out until it re-registers',
	],
	['netSapiens', 'device:delete', 'deleteNotice', 'can no longer do so'],
];

const typeOf = (node: string) => `${PACKAGE_NAME}.${node}`;

describe('what the editor shows', () => {
	it.each(nodeTypes)(
		"%s: every resource and operation shows the same fields in the same order as before, but for the operations' notices",
		(type, node) => {
			const added = new Set(
				OPERATION_NOTICES.filter(([name]) => typeOf(name) === type).map(
					([, operation, notice]) => `${operation}|${notice}: notice = ""`,
				),
			);
			const now = Object.fromEntries(
				Object.entries(visibleFields(node.description)).map(([key, fields]) => [
					key,
					fields.filter((field) => !added.has(`${key.split(' ')[0]}|${field}`)),
				]),
			);
			expect(now).toEqual(before[type]);
		},
	);

	it.each(OPERATION_NOTICES)(
		'%s %s: the help that was its own shows as the notice %s',
		(name, operation, notice, text) => {
			const node = Object.fromEntries(nodeTypes)[typeOf(name)];
			const [resource, value] = operation.split(':');
			const shown = visibleFields(node.description)[operation];
			expect(shown).toContain(`${notice}: notice = ""`);
			const definitions = node.description.properties.filter(
				(property) =>
					property.name === notice &&
					property.displayOptions?.show?.resource?.includes(resource) &&
					property.displayOptions?.show?.operation?.includes(value),
			);
			expect(definitions.map((property) => property.displayName)).toEqual([
				expect.stringContaining(text),
			]);
		},
	);
});
