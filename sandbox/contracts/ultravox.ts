import type { JsonSchema, VendorContract } from './types';

/*
 * Ultravox's SIP registration API, from its API reference (each page there carries the
 * operation's schema): https://docs.ultravox.ai/api-reference/sip/sip-registrations-list and the
 * -create, -get, -partial-update and -delete pages beside it; auth and the account read
 * (GET /api/accounts/me) from https://docs.ultravox.ai/api-reference/introduction.
 */

const nullableText = (maxLength: number): JsonSchema => ({ type: ['string', 'null'], maxLength });

const registrationFields: Record<string, JsonSchema> = {
	registrationId: { type: 'string', readOnly: true },
	created: { type: 'string', format: 'date-time', readOnly: true },
	username: { type: 'string', maxLength: 60 },
	password: { type: 'string', writeOnly: true },
	proxy: { type: 'string', maxLength: 100 },
	outboundProxy: nullableText(100),
	authUser: nullableText(60),
	/** Whether the last REGISTER succeeded; null before the first attempt. */
	successful: { type: ['boolean', 'null'], readOnly: true },
};

const registration: JsonSchema = {
	type: 'object',
	properties: registrationFields,
	required: ['registrationId', 'created', 'username', 'password', 'proxy', 'successful'],
};

/** PATCH: the same fields, none of them required. */
const registrationPatch: JsonSchema = { type: 'object', properties: registrationFields };

const readOnlyText: JsonSchema = { type: 'string', readOnly: true };
const readOnlyNullable = (type: string, format?: string): JsonSchema => ({
	type: [type, 'null'],
	...(format ? { format } : {}),
	readOnly: true,
});

const account: JsonSchema = {
	type: 'object',
	properties: {
		accountId: { type: 'string', format: 'uuid', readOnly: true },
		name: readOnlyText,
		billingUrl: readOnlyText,
		freeTimeUsed: readOnlyText,
		freeTimeRemaining: readOnlyText,
		hasActiveSubscription: { type: 'boolean' },
		subscriptionTier: readOnlyNullable('string'),
		subscriptionCadence: readOnlyNullable('string'),
		subscriptionExpiration: readOnlyNullable('string', 'date-time'),
		subscriptionScheduledUpdate: readOnlyNullable('string', 'date-time'),
		subscriptionRenewal: readOnlyNullable('string', 'date-time'),
		activeCalls: { type: 'integer', readOnly: true },
		allowedConcurrentCalls: readOnlyNullable('integer'),
		allowedVoices: readOnlyNullable('integer'),
		allowedCorpora: readOnlyNullable('integer'),
	},
	required: [
		'accountId',
		'name',
		'billingUrl',
		'freeTimeUsed',
		'freeTimeRemaining',
		'hasActiveSubscription',
		'subscriptionTier',
		'subscriptionCadence',
		'subscriptionExpiration',
		'subscriptionScheduledUpdate',
		'subscriptionRenewal',
		'activeCalls',
		'allowedConcurrentCalls',
		'allowedVoices',
		'allowedCorpora',
	],
};

/** Cursor paging: `next` and `previous` are absolute URLs or null. */
const registrationPage: JsonSchema = {
	type: 'object',
	properties: {
		next: { type: ['string', 'null'], format: 'uri' },
		previous: { type: ['string', 'null'], format: 'uri' },
		results: { type: 'array', items: registration },
		total: { type: 'integer' },
	},
	required: ['results'],
};

const registrations = '/api/sip/registrations';

export const ultravoxContract: VendorContract = {
	vendor: 'ultravox',
	sources: [
		'https://docs.ultravox.ai/api-reference/sip/sip-registrations-list',
		'https://docs.ultravox.ai/api-reference/introduction',
	],
	operations: [
		{ method: 'GET', path: '/api/accounts/me', responses: { 200: account } },
		{ method: 'GET', path: registrations, responses: { 200: registrationPage } },
		{
			method: 'POST',
			path: registrations,
			request: { required: true, schema: registration },
			responses: { 201: registration },
		},
		{ method: 'GET', path: `${registrations}/{registration_id}`, responses: { 200: registration } },
		{
			method: 'PATCH',
			path: `${registrations}/{registration_id}`,
			request: { required: false, schema: registrationPatch },
			responses: { 200: registration },
		},
		{ method: 'DELETE', path: `${registrations}/{registration_id}`, responses: {} },
	],
};
