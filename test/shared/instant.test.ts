import { instantOf } from '../../nodes/shared/instant';

describe('date/time parameters as instants (Check Registration, "Only Not Registered Since")', () => {
	it('reads ISO 8601 with a zone as written, and a wall time without one in the workflow time zone', () => {
		expect(instantOf('2026-12-01T03:00:00Z', 'UTC')).toBe(Date.UTC(2026, 11, 1, 3));
		expect(instantOf('2026-12-01T03:00:00.250+01:00', 'UTC')).toBe(
			Date.UTC(2026, 11, 1, 2, 0, 0, 250),
		);
		// n8n's date picker writes the wall time without a zone.
		expect(instantOf('2026-12-01T03:00:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 1, 2));
		expect(instantOf('2026-07-01T03:00:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 7));
		expect(instantOf('2026-12-01', 'UTC')).toBe(Date.UTC(2026, 11, 1));
		expect(instantOf('2026-12-01T03:00:00.05', 'UTC')).toBe(Date.UTC(2026, 11, 1, 3, 0, 0, 50));
	});

	it('reads a Date, a Luxon-like DateTime ($now) and epoch milliseconds', () => {
		expect(instantOf(new Date(Date.UTC(2026, 0, 2)), 'UTC')).toBe(Date.UTC(2026, 0, 2));
		expect(instantOf({ toMillis: () => 1234 }, 'UTC')).toBe(1234);
		expect(instantOf(5678, 'UTC')).toBe(5678);
	});

	it('refuses what Date.parse would guess at, impossible dates and non-numbers', () => {
		for (const value of [
			'1',
			'next tuesday',
			'2026-02-30T00:00:00Z',
			'2026-02-30T00:00:00',
			'2026-13-01',
			'2026-12-01T25:00:00',
			'',
			NaN,
			null,
			{},
			true,
		]) {
			expect({ value, instant: instantOf(value, 'UTC') }).toEqual({ value, instant: undefined });
		}
	});
});
