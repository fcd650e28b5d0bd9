import { TestEnvironment } from '../harness/run';
import { VENDOR_CASES } from './vendorCases';

/**
 * One password policy on every path: what Rotate Password refuses, Create and Update refuse too,
 * for every vendor and every field that sends a password, before anything is sent and without
 * repeating the password.
 */
const BAD_PASSWORDS: Array<[string, string, string]> = [
	[
		'a trailing newline',
		'Good-Pass-1234\n',
		'contains a line break, tab or other control character',
	],
	['CR/LF inside', 'Good-Pass\r\n1234', 'contains a line break, tab or other control character'],
	[
		'a control character',
		'Good-Pass\u00071234',
		'contains a line break, tab or other control character',
	],
	['321 characters', `Ab3-${'x'.repeat(317)}`, 'is 321 characters long; at most 128 are allowed'],
	[
		'a character that breaks SIP URIs',
		'Good-Pass@1234',
		'contains a space or one of @ : ; " \' \\ /',
	],
];

describe.each(VENDOR_CASES)(
	'$vendor: Create and Update apply the Rotate Password policy',
	(vendorCase) => {
		let env: TestEnvironment;
		beforeAll(async () => (env = await TestEnvironment.start()));
		afterAll(async () => await env.close());
		beforeEach(() => env.sandbox.reset());

		it.each(BAD_PASSWORDS)(
			'a password with %s is refused before any request, naming the field and the item',
			async (_case, password, problem) => {
				for (const call of vendorCase.passwordCalls(env, password)) {
					env.sandbox.clearRequests();
					const result = await env.run({
						node: vendorCase.node,
						credential: env.credential(vendorCase.vendor, vendorCase.credentialType),
						continueOnFail: true,
						items: [{}, {}],
						parameters: { ...call.parameters },
					});
					expect(result.items).toHaveLength(2);
					for (const [index, item] of result.items.entries()) {
						expect(String(item.json.error)).toContain(`"${call.label}" ${problem}`);
						expect(String(item.json.error)).toContain(`(item ${index})`);
					}
					expect(JSON.stringify(result.items)).not.toContain(password.replace(/\n|\r/g, ''));
					expect(env.sandbox.requests(vendorCase.vendor)).toEqual([]);
				}
			},
		);

		it('a password that meets the policy is still sent as given', async () => {
			const [call] = vendorCase
				.passwordCalls(env, 'Good-Pass-1234')
				.filter((candidate) => candidate.parameters.operation === 'update');
			const result = await env.run({
				node: vendorCase.node,
				credential: env.credential(vendorCase.vendor, vendorCase.credentialType),
				parameters: call.parameters,
			});
			expect(result.error).toBeUndefined();
			const sent = env.sandbox
				.requests(vendorCase.vendor)
				.filter(
					(request) => request.method !== 'GET' && request.body && typeof request.body === 'object',
				);
			expect(
				sent.map((request) => (request.body as Record<string, unknown>)[call.field]),
			).toContain('Good-Pass-1234');
		});
	},
);
