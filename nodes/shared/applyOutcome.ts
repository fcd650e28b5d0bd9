/**
 * What a failed write tells about whether the vendor applied it. One rule for every vendor, so
 * that a rotation flow can branch on the same four words whoever the vendor is:
 * - `applied`: the vendor answered 2xx.
 * - `refused`: the vendor answered a validation error (400, 422): it will refuse this password
 *   again, so a retry must use a new one.
 * - `notApplied`: the request never reached the vendor (connection refused, DNS failure), or the
 *   vendor answered another 4xx (auth, not found, rate limit): the previous password is still live.
 * - `unknown`: the request may have been applied: a 5xx, a timeout or a connection dropped once
 *   the request was on its way, a redirect (the node never follows one, so it cannot see what the
 *   target would have done), a 2xx whose body reports a failure, or anything the node cannot tell.
 */
export type ApplyOutcome = 'applied' | 'refused' | 'notApplied' | 'unknown';

/** Codes raised before a byte of the request left: the vendor cannot have seen it. */
const NEVER_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EADDRNOTAVAIL',
]);

/** Statuses vendors use for "this body is invalid" — the body of a password change is the password. */
const VALIDATION_STATUSES = new Set([400, 422]);

export function applyOutcomeOf(failure: { status?: number; networkCode?: string }): ApplyOutcome {
	const { status, networkCode } = failure;
	if (status !== undefined) {
		if (status >= 200 && status < 300) return 'applied';
		if (VALIDATION_STATUSES.has(status)) return 'refused';
		if (status >= 400 && status < 500) return 'notApplied';
		return 'unknown';
	}
	if (networkCode !== undefined && NEVER_SENT_CODES.has(networkCode)) return 'notApplied';
	return 'unknown';
}

/**
 * The outcome of a write from the error the request path raised for it: the request path's
 * NodeApiErrors carry the HTTP status or the network code as `httpCode`.
 */
export function applyOutcomeOfError(error: unknown): ApplyOutcome {
	const code = String((error as { httpCode?: unknown } | undefined)?.httpCode ?? '');
	if (/^\d{3}$/.test(code)) return applyOutcomeOf({ status: Number(code) });
	if (/^E[A-Z_]+$/.test(code)) return applyOutcomeOf({ networkCode: code });
	return 'unknown';
}
