import { findLeaks } from '../harness/leaks';

describe('the secret-leak scan detects what it must', () => {
	const secrets = {
		kind: 'secrets' as const,
		value: ['Zk9Ht7Lm.0123456789abcdef', 'Sip-Pass-9876'],
	};

	it('flags a secret in an output item, an error description and a log line', () => {
		const findings = findLeaks([
			secrets,
			{ kind: 'output', value: [[{ json: { note: 'key Zk9Ht7Lm.0123456789abcdef' } }]] },
			{
				kind: 'error',
				value: { message: 'failed', description: 'password Sip-Pass-9876 rejected' },
			},
			{ kind: 'log', value: 'debug sending X-API-Key: Zk9Ht7Lm.0123456789abcdef' },
		]);
		expect(findings).toHaveLength(3);
		expect(findings.every((finding) => finding.endsWith('[secret]'))).toBe(true);
	});

	it('allows a secret only in the designated newPassword field', () => {
		expect(
			findLeaks([
				secrets,
				{ kind: 'output', value: [[{ json: { newPassword: 'Sip-Pass-9876' } }]] },
			]),
		).toEqual([]);
		expect(
			findLeaks([
				secrets,
				{ kind: 'output', value: [[{ json: { oldPassword: 'Sip-Pass-9876' } }]] },
			]),
		).toHaveLength(1);
	});

	it('allows the password a failed apply may have left live only in details.pendingPassword, never in the error text', () => {
		const failed = {
			error: 'Vobiz Rotate Password Endpoint failed',
			details: { outcome: 'unknown', pendingPassword: 'Sip-Pass-9876' },
		};
		expect(findLeaks([secrets, { kind: 'output', value: [[{ json: failed }]] }])).toEqual([]);
		const echoed = { ...failed, details: { ...failed.details, description: 'echo Sip-Pass-9876' } };
		expect(findLeaks([secrets, { kind: 'output', value: [[{ json: echoed }]] }])).toHaveLength(1);
	});
});
