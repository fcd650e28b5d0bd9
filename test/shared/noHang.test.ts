import { runWatched } from './watchdog';
import { byId } from '../harness/locator';

/**
 * Expressions that resolve to nothing, NaN or 0 where the node needs a length, a time or an
 * interval: each must end its item, with an error naming the field, well within the watchdog's
 * limit (before this was fixed, the first froze the whole n8n process at 100 % CPU).
 */
const ultravox = { vendor: 'ultravox', node: 'ultravox', credentialType: 'ultravoxSipApi' };
const registration = byId('reg-1');
const LIMIT_MS = 15_000;

describe('no expression can hang n8n', () => {
	it('Generate Password with a Password Length that resolves to nothing ends with an error naming the field', async () => {
		const run = await runWatched(
			{
				...ultravox,
				parameters: {
					resource: 'sipRegistration',
					operation: 'generatePassword',
					passwordLength: '={{ $json.policy?.length }}',
				},
				items: [{ name: 'no policy here' }],
			},
			LIMIT_MS,
		);
		expect(run.finished).toBe(true);
		expect(run.error?.message).toBe(
			'"Password Length" must be a whole number from 8 to 128, got nothing (the expression resolved to undefined) (item 0)',
		);
		expect(run.error?.description).toContain('Nothing was sent to the vendor.');
	}, 120_000);

	it('Rotate Password waiting for registration with a timeout of NaN and a poll interval of 0 ends before any request', async () => {
		const run = await runWatched(
			{
				...ultravox,
				parameters: {
					resource: 'sipRegistration',
					operation: 'rotatePassword',
					registrationId: registration,
					verification: 'waitForRegistration',
					registrationTimeoutSeconds: '={{ Number($json.timeout) }}',
					pollIntervalSeconds: '={{ 0 }}',
				},
			},
			LIMIT_MS,
		);
		expect(run.finished).toBe(true);
		expect(run.error?.message).toBe(
			'"Registration Timeout (Seconds)" must be a whole number from 1 to 3600, got NaN (item 0)',
		);
		expect(run.requests).toBe(0);
	}, 120_000);
});
