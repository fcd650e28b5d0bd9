import fc from 'fast-check';
import { fuzzOperation, FUZZ_RUNS, hostileString } from './fuzz';
import type { FuzzField } from './fuzz';
import { byId } from '../harness/locator';

const pathPart = (parameter: string, valid: string[]): FuzzField => ({
	parameter,
	optional: false,
	arbitrary: (decoy) => fc.oneof(hostileString(decoy), fc.constantFrom(...valid)),
	wrap: byId,
});
const devicePath = [
	pathPart('domain', ['~', 'sandbox.example']),
	pathPart('user', ['~', '1000']),
	pathPart('device', ['1000', '1000a']),
];
const field = (
	parameter: string,
	bodyField: string,
	arbitrary: FuzzField['arbitrary'],
): FuzzField => ({
	parameter,
	bodyField,
	optional: true,
	arbitrary,
});
const enumOrJunk =
	(...values: string[]) =>
	(decoy: string) =>
		fc.oneof(fc.constantFrom(...values), hostileString(decoy));
const base = { vendor: 'netsapiens', node: 'netSapiens', credentialType: 'netSapiensSipApi' };

describe(`NetSapiens: property-based fuzzing, ${FUZZ_RUNS} cases per operation`, () => {
	it('Update', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'device', operation: 'update', updateFields: {} },
			fields: [
				...devicePath,
				field(
					'updateFields.sipRegistrationPassword',
					'device-sip-registration-password',
					hostileString,
				),
				field('updateFields.srtp', 'device-srtp-enabled', enumOrJunk('yes', 'no', 'opportunistic')),
				field(
					'updateFields.registrationExpirySeconds',
					'device-sip-registration-expiry-seconds',
					fc.oneof(fc.integer(), fc.double()),
				),
				field('updateFields.emergencyAddressId', 'emergency-address-id', hostileString),
				field(
					'updateFields.transportProtocol',
					'device-provisioning-sip-transport-protocol',
					enumOrJunk('udp', 'tcp', 'tls'),
				),
				field(
					'updateFields.provisioningLine',
					'device-provisioning-line',
					fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double()),
				),
			],
		});
	});

	it('Create', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'device', operation: 'create', additionalFields: {} },
			alwaysSent: ['synchronous'],
			fields: [
				pathPart('domain', ['~', 'sandbox.example']),
				pathPart('user', ['~', '1000']),
				{ parameter: 'device', bodyField: 'device', optional: false, arbitrary: hostileString },
				field(
					'additionalFields.callerIdNumberEmergency',
					'caller-id-number-emergency',
					hostileString,
				),
				field(
					'additionalFields.natTraversal',
					'device-sip-nat-traversal-enabled',
					enumOrJunk('automatic', 'none', 'never', 'fixed'),
				),
			],
		});
	});

	it.each(['get', 'delete'])('%s', async (operation) => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'device', operation },
			fields: devicePath,
		});
	});

	it('Get Many', async () => {
		await fuzzOperation({
			...base,
			list: true,
			parameters: { resource: 'device', operation: 'getAll', returnAll: false, listScope: 'user' },
			fields: [
				pathPart('domain', ['~', 'sandbox.example']),
				pathPart('user', ['~', '1000']),
				{
					parameter: 'limit',
					optional: false,
					arbitrary: fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.double()),
				},
			],
		});
	});

	it('Rotate Password', async () => {
		await fuzzOperation({
			...base,
			parameters: {
				resource: 'device',
				operation: 'rotatePassword',
				passwordSource: 'provided',
				verification: 'none',
			},
			fields: [
				...devicePath,
				{
					parameter: 'newPassword',
					bodyField: 'device-sip-registration-password',
					optional: false,
					arbitrary: hostileString,
				},
			],
		});
	});
});
