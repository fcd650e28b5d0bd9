import {
	generatePasswordOption,
	rotatePasswordOption,
	withIndefiniteArticle,
} from '../../nodes/shared/rotationDescriptions';
import type { RotationProfile } from '../../nodes/shared/vendor';

describe('rotation action texts', () => {
	it.each([
		['endpoint', 'an endpoint'],
		['device', 'a device'],
		['SIP user', 'a SIP user'],
		['SIP registration', 'a SIP registration'],
		['Endpoint', 'an Endpoint'],
	])('%s → %s', (label, expected) => {
		expect(withIndefiniteArticle(label)).toBe(expected);
	});

	it('Vobiz: "Generate a password for an endpoint", "Rotate the password of an endpoint"', () => {
		const profile = { resourceLabel: 'endpoint' } as RotationProfile;
		expect(generatePasswordOption(profile).action).toBe('Generate a password for an endpoint');
		expect(rotatePasswordOption(profile, { method: 'POST', url: '/' }).action).toBe(
			'Rotate the password of an endpoint',
		);
	});
});
