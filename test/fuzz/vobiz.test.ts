import fc from 'fast-check';
import { fuzzOperation, FUZZ_RUNS, hostileString } from './fuzz';
import type { FuzzField } from './fuzz';
import { byId } from '../harness/locator';

const endpointId: FuzzField = {
	parameter: 'endpointId',
	optional: false,
	arbitrary: (decoy) =>
		fc.oneof(hostileString(decoy), fc.integer({ min: 1, max: 99_999_999 }).map(String)),
	wrap: byId,
};
const text = (parameter: string, bodyField: string, optional = true): FuzzField => ({
	parameter,
	bodyField,
	optional,
	arbitrary: hostileString,
});
const application = (parameter: string): FuzzField => ({
	parameter,
	bodyField: 'application',
	optional: true,
	arbitrary: (decoy) =>
		fc.oneof(hostileString(decoy), fc.integer({ min: -3, max: 99_999_999 }).map(String)),
	wrap: byId,
});
const base = { vendor: 'vobiz', node: 'vobiz', credentialType: 'vobizSipApi' };

describe(`Vobiz: property-based fuzzing, ${FUZZ_RUNS} cases per operation`, () => {
	it('Update', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'endpoint', operation: 'update', updateFields: {} },
			fields: [
				endpointId,
				text('updateFields.password', 'password'),
				text('updateFields.alias', 'alias'),
				application('updateFields.application'),
			],
		});
	});

	it('Create', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'endpoint', operation: 'create', additionalFields: {} },
			fields: [
				text('username', 'username', false),
				text('password', 'password', false),
				text('alias', 'alias', false),
				application('additionalFields.application'),
				text('additionalFields.subAccount', 'sub_account'),
			],
		});
	});

	it.each(['get', 'delete'])('%s', async (operation) => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'endpoint', operation },
			fields: [endpointId],
		});
	});

	it('Get Many', async () => {
		await fuzzOperation({
			...base,
			list: true,
			parameters: { resource: 'endpoint', operation: 'getAll', returnAll: false, filters: {} },
			fields: [
				{
					parameter: 'limit',
					optional: false,
					arbitrary: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double()),
				},
				text('filters.aliasContains', 'alias__contains'),
				text('filters.subAccount', 'sub_account'),
			],
		});
	});

	it('Rotate Password', async () => {
		await fuzzOperation({
			...base,
			parameters: {
				resource: 'endpoint',
				operation: 'rotatePassword',
				passwordSource: 'provided',
				verification: 'none',
			},
			fields: [
				endpointId,
				{
					parameter: 'newPassword',
					bodyField: 'password',
					optional: false,
					arbitrary: hostileString,
				},
			],
		});
	});
});
