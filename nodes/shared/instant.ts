import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { refusedField } from './refused';

/** ISO 8601: a date, optionally a time, optionally a zone (Z or ±hh:mm). */
const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** How far `timeZone` is ahead of UTC at the instant `utcMs`, in ms. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(
		field('year'),
		field('month') - 1,
		field('day'),
		field('hour'),
		field('minute'),
		field('second'),
	);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * An instant from what a date/time parameter holds: an ISO 8601 text (n8n's date picker writes the
 * wall time without a zone, read in the workflow's time zone), a JavaScript Date, a Luxon DateTime
 * (`$now`) or epoch milliseconds. Anything else (free text Date.parse would guess at) is undefined.
 */
export function instantOf(value: unknown, timeZone: string): number | undefined {
	if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		const ms = (value as { toMillis(): number }).toMillis();
		return Number.isFinite(ms) ? ms : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const parts = ISO_8601.exec(value.trim());
	if (!parts) return undefined;
	const [year, month, day, hour, minute, second] = parts
		.slice(1, 7)
		.map((part) => Number(part ?? 0));
	const milliseconds = Number((parts[7] ?? '').slice(0, 3).padEnd(3, '0'));
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
	// Date.UTC rolls 30 February over into March: such a date is refused, not guessed at.
	const check = new Date(asUtc);
	if (
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	)
		return undefined;
	const zone = parts[8];
	if (zone) {
		if (/^z$/i.test(zone)) return asUtc;
		const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
		return asUtc - (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
	}
	// The offset at the guessed instant, corrected once for a wall time on the other side of a DST change.
	const firstGuess = asUtc - zoneOffsetMs(asUtc, timeZone);
	return asUtc - zoneOffsetMs(firstGuess, timeZone);
}

/**
 * A date/time parameter as an instant, or an error naming the parameter and the item before any
 * request. An empty value is undefined when the parameter is optional.
 */
export function instantParameter(
	context: IExecuteSingleFunctions,
	parameter: { name: string; label: string; required: boolean; hint: string },
	itemIndex: number,
): number | undefined {
	const value = context.getNodeParameter(parameter.name, '') as unknown;
	const empty = value === '' || value === null || value === undefined;
	if (empty && !parameter.required) return undefined;
	const instant = empty ? undefined : instantOf(value, context.getTimezone());
	if (instant !== undefined) return instant;
	const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : String(value).slice(0, 60);
	throw refusedField(
		context.getNode(),
		itemIndex,
		parameter.label,
		empty ? 'is empty' : `is not a date and time: ${shown}`,
		{
			todo: `${parameter.hint} Use an ISO 8601 date and time such as 2026-12-01T03:00:00Z (without a zone it is read in the workflow's time zone).`,
		},
	);
}
