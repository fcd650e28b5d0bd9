import fc from 'fast-check';
import { fuzzOperation, FUZZ_RUNS, hostileString } from './fuzz';
import type { FuzzField } from './fuzz';
import { byId } from '../harness/locator';

const id = (parameter: string): FuzzField => ({
	parameter,
	optional: false,
	arbitrary: (decoy) => fc.oneof(hostileString(decoy), fc.uuid()),
	wrap: byId,
});
const text = (parameter: string, bodyField: string, optional = true): FuzzField => ({
	parameter,
	bodyField,
	optional,
	arbitrary: hostileString,
});
/** A multi-select set by expression: a list of hostile strings, or something that is not a list. */
const list = (parameter: string, bodyField: string, values: readonly string[]): FuzzField => ({
	parameter,
	bodyField,
	optional: true,
	arbitrary: (decoy) =>
		fc.oneof(
			fc.array(fc.oneof(fc.constantFrom(...values), hostileString(decoy)), { maxLength: 4 }),
			hostileString(decoy),
		),
});
const base = { vendor: 'signalwire', node: 'signalWire', credentialType: 'signalWireSipApi' };
// The node's own pacing (100 requests/s by default) would dominate the run time; the sandbox's limit is off here.
const fast = { rateLimiting: { requestsPerSecond: 5000 } };

describe(`SignalWire: property-based fuzzing, ${FUZZ_RUNS} cases per operation`, () => {
	it('Update SIP Profile', async () => {
		const { cases } = await fuzzOperation({
			...base,
			parameters: { resource: 'sipProfile', operation: 'update', updateFields: {}, ...fast },
			fields: [
				text('updateFields.domainIdentifier', 'domain_identifier'),
				text('updateFields.defaultSendAs', 'default_send_as'),
				list('updateFields.defaultCodecs', 'default_codecs', ['OPUS', 'PCMU']),
				list('updateFields.defaultCiphers', 'default_ciphers', ['AEAD_AES_256_GCM_8']),
				text('updateFields.defaultEncryption', 'default_encryption'),
			],
		});
		expect(cases).toBe(FUZZ_RUNS);
	});

	it('Create and Update SIP Endpoint', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipEndpoint', operation: 'create', additionalFields: {}, ...fast },
			fields: [
				text('username', 'username', false),
				text('password', 'password', false),
				text('additionalFields.callerId', 'caller_id'),
				text('additionalFields.sendAs', 'send_as'),
				list('additionalFields.codecs', 'codecs', ['OPUS', 'PCMU']),
			],
		});
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipEndpoint', operation: 'update', updateFields: {}, ...fast },
			fields: [
				id('endpointId'),
				text('updateFields.username', 'username'),
				text('updateFields.password', 'password'),
				text('updateFields.callHandler', 'call_handler'),
				text('updateFields.callFlowId', 'call_flow_id'),
			],
		});
	});

	it('Create and Update SIP Address', async () => {
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipAddress', operation: 'create', additionalFields: {}, ...fast },
			fields: [
				text('name', 'name', false),
				{
					...text('callingHandlerResourceId', 'calling_handler_resource_id', false),
					arbitrary: (decoy) => fc.oneof(hostileString(decoy), fc.uuid()),
				},
				text('additionalFields.password', 'password'),
				list('additionalFields.ipAuth', 'ip_auth', ['10.0.0.0/24']),
				{
					parameter: 'additionalFields.ipAuthEnabled',
					bodyField: 'ip_auth_enabled',
					optional: true,
					arbitrary: fc.oneof(fc.boolean(), fc.string()),
				},
			],
		});
		await fuzzOperation({
			...base,
			parameters: { resource: 'sipAddress', operation: 'update', updateFields: {}, ...fast },
			fields: [
				id('addressId'),
				text('updateFields.user', 'user'),
				text('updateFields.contextId', 'context_id'),
				list('updateFields.codecs', 'codecs', ['OPUS', 'G729']),
				text('updateFields.password', 'password'),
			],
		});
	});

	// Get and Delete build their path the same way within a resource; one of each resource suffices.
	it.each([
		['sipEndpoint', 'get', 'endpointId'],
		['sipAddress', 'delete', 'addressId'],
	])('%s %s', async (resource, operation, parameter) => {
		await fuzzOperation({
			...base,
			parameters: { resource, operation, ...fast },
			fields: [id(parameter)],
		});
	});

	it('Get Many SIP Endpoints with hostile filters and limits', async () => {
		await fuzzOperation({
			...base,
			parameters: {
				resource: 'sipEndpoint',
				operation: 'getAll',
				returnAll: false,
				filters: {},
				...fast,
			},
			list: true,
			fields: [
				{
					parameter: 'limit',
					optional: false,
					arbitrary: fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.double()),
				},
				text('filters.username', 'filter_username'),
				text('filters.callerId', 'filter_caller_id'),
			],
		});
	});
});
