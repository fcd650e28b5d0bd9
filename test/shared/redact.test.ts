import { netSapiensVendor } from '../../nodes/NetSapiens/shared/vendor';
import { opentactVendor } from '../../nodes/Opentact/shared/vendor';
import { signalWireVendor } from '../../nodes/SignalWire/shared/vendor';
import { ultravoxVendor } from '../../nodes/Ultravox/shared/vendor';
import { vobizVendor } from '../../nodes/Vobiz/shared/vendor';
import { redactSecrets } from '../../nodes/shared/redact';
import { packCredentialTypes } from '../harness/pack';

const SECRET = 'Zk3!pQ9#vL2$wX8&';

describe('shared redaction', () => {
	it.each([
		['as sent', SECRET],
		['URL-encoded', encodeURIComponent(SECRET)],
		['URL-encoded twice', encodeURIComponent(encodeURIComponent(SECRET))],
		['JSON-escaped', JSON.stringify(`"${SECRET}"`)],
		['cut short', `${SECRET.slice(0, 9)}…`],
		['in other case', SECRET.toUpperCase()],
		['inside Basic user:pass', Buffer.from(`someone@example.com:${SECRET}`).toString('base64')],
		['inside base64url', Buffer.from(`x${SECRET}`).toString('base64url')],
	])('removes a secret echoed %s', (_form, echoed) => {
		const text = redactSecrets(`Invalid key ${echoed} for this account`, [SECRET]);
		expect(text).toMatch(/^Invalid key .*\[redacted\].* for this account$/);
		for (const piece of [
			SECRET.slice(0, 8),
			SECRET.slice(-8),
			encodeURIComponent(SECRET).slice(0, 8),
		]) {
			expect(text).not.toContain(piece);
		}
	});

	it('removes JWTs, Bearer values and secret query parameters it was not told about', () => {
		const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('{"uuid":"u-1"}').toString('base64url')}.c2lnbmF0dXJlLXNpZw`;
		const text = redactSecrets(
			`token ${jwt}; Authorization: Bearer nsu_abc123def456; GET /rest/account?bearer=tok-9z8y7x&take=5`,
		);
		expect(text).toBe(
			'token [redacted]; Authorization: Bearer [redacted]; GET /rest/account?bearer=[redacted]&take=5',
		);
	});

	it('leaves ordinary words that happen to be part of a secret', () => {
		expect(redactSecrets('Invalid username or password', ['wrong-password'])).toBe(
			'Invalid username or password',
		);
		expect(redactSecrets('Basic authentication failed')).toBe('Basic authentication failed');
		expect(redactSecrets('Invalid password correcthorse', ['correcthorse'])).toBe(
			'Invalid password [redacted]',
		);
	});

	it.each(
		[netSapiensVendor, opentactVendor, signalWireVendor, ultravoxVendor, vobizVendor].map(
			(vendor) => [vendor.displayName, vendor] as const,
		),
	)(
		"%s: the profile's credential secrets are exactly the credential's password-type fields",
		(_name, vendor) => {
			const type = packCredentialTypes()[vendor.credentialType];
			const passwordFields = type.properties
				.filter((property) => property.typeOptions?.password === true)
				.map((property) => property.name);
			expect([...vendor.credentialSecretFields].sort()).toEqual(passwordFields.sort());
		},
	);
});
