import fc from 'fast-check';
import { fuzzOperation, FUZZ_RUNS, hostileString } from './fuzz';
import type { FuzzField } from './fuzz';
import { byId } from '../harness/locator';

const registrationId = (optional = false): FuzzField => ({
	parameter: 'registrationId',
	optional,
	arbitrary: (decoy) => fc.oneof(hostileString(decoy), fc.uuid()),
	wrap: byId,
});
const text = (parameter: string, bodyField: string): FuzzField => ({
	parameter,
	bodyField,
	optional: true,
	arbitrary: hostileString,
});
const base = { vendor: 'ultravox', node: 'ultravox', credentialType: 'ultravoxSipApi' };

describe(`Ultravox: property-based fuzzing, ${FUZZ_RUNS} cases per operation`, () => {
	it('Update', async () => {
		const { cases } = await fuzzOperation({
			...base,
			parameters: { resource: 'sipRegistration', operation: 'update', updateFields: {} },
			fields: [
				registrationId(),
				text('updateFields.username', 'username'),
				text('updateFields.password', 'password'),
				text('updateFields.proxy', 'proxy'),
				text('updateFields.outboundProxy', 'outboundProxy'),
				text('updateFields.authUser', 'authUser'),
			],
		});
		expect(cases).toBe(FUZZ_RUNS);
	});

	it('Create', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipRegistration', operation: 'create', additionalFields: {} },
			fields: [
				{ ...text('username', 'username'), optional: false },
				{ ...text('password', 'password'), optional: false },
				{ ...text('proxy', 'proxy'), optional: false },
				text('additionalFields.outboundProxy', 'outboundProxy'),
				text('additionalFields.authUser', 'authUser'),
			],
		});
	});

	it.each(['get', 'delete'])('%s', async (operation) => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipRegistration', operation },
			fields: [registrationId()],
		});
	});

	it('Get Many', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipRegistration', operation: 'getAll', returnAll: false },
			list: true,
			fields: [
				{
					parameter: 'limit',
					optional: false,
					arbitrary: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double()),
				},
			],
		});
	});

	it('Rotate Password and Generate Password', async () => {
		await fuzzOperation({
			...base,
			parameters: {
				resource: 'sipRegistration',
				operation: 'rotatePassword',
				passwordSource: 'provided',
				verification: 'none',
			},
			fields: [
				registrationId(),
				{
					parameter: 'newPassword',
					bodyField: 'password',
					optional: false,
					arbitrary: hostileString,
				},
			],
		});
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipRegistration', operation: 'generatePassword' },
			fields: [
				{
					parameter: 'passwordLength',
					optional: false,
					arbitrary: fc.oneof(fc.integer({ min: -10, max: 500 }), fc.double()),
				},
			],
		});
	});
});
