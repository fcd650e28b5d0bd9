import fc from 'fast-check';
import { fuzzOperation, FUZZ_RUNS, hostileString } from './fuzz';
import type { FuzzField } from './fuzz';
import { byId } from '../harness/locator';

const domain: FuzzField = {
	parameter: 'domain',
	optional: false,
	arbitrary: (decoy) => fc.oneof(hostileString(decoy), fc.constant('acme.sip.opentact.org')),
	wrap: byId,
};
const userId: FuzzField = {
	parameter: 'userId',
	optional: false,
	arbitrary: (decoy) => fc.oneof(hostileString(decoy), fc.uuid()),
	wrap: byId,
};
const field = (
	parameter: string,
	bodyField: string,
	arbitrary: FuzzField['arbitrary'] = hostileString,
): FuzzField => ({
	parameter,
	bodyField,
	optional: true,
	arbitrary,
});
const base = { vendor: 'opentact', node: 'opentact', credentialType: 'opentactSipApi' };

describe(`Opentact: property-based fuzzing, ${FUZZ_RUNS} cases per operation`, () => {
	it('Update (Modify SIP User)', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipUser', operation: 'update', updateFields: {} },
			fields: [
				domain,
				userId,
				field('updateFields.password', 'password'),
				field('updateFields.email', 'email'),
				field('updateFields.firstName', 'first_name'),
				field('updateFields.gender', 'gender', (decoy) =>
					fc.oneof(fc.constantFrom('Male', 'Female', 'Other'), hostileString(decoy)),
				),
				field('updateFields.isActive', 'is_active', fc.oneof(fc.boolean(), fc.string())),
				field('updateFields.tnLease', 'tn_lease', (decoy) =>
					fc.oneof(fc.uuid(), hostileString(decoy)),
				),
			],
		});
	});

	it('Create', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipUser', operation: 'create', additionalFields: {} },
			fields: [
				domain,
				{ parameter: 'login', bodyField: 'login', optional: false, arbitrary: hostileString },
				{ parameter: 'password', bodyField: 'password', optional: false, arbitrary: hostileString },
				field('additionalFields.phoneNumber', 'phone_number'),
				field('additionalFields.dob', 'dob'),
			],
		});
	});

	it.each(['get', 'delete'])('%s', async (operation) => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipUser', operation },
			fields: [domain, userId],
		});
	});

	it('Get Many', async () => {
		await fuzzOperation({
			...base,
			list: true,
			parameters: { resource: 'sipUser', operation: 'getAll', returnAll: false },
			fields: [
				domain,
				{
					parameter: 'limit',
					optional: false,
					arbitrary: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double()),
				},
			],
		});
	});

	it('Rotate Password', async () => {
		await fuzzOperation({
			...base,
			parameters: {
				resource: 'sipUser',
				operation: 'rotatePassword',
				passwordSource: 'provided',
				verification: 'none',
			},
			fields: [
				domain,
				userId,
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
