import { sleep } from 'n8n-workflow';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './url';

/**
 * The longest one sleep of a deadline lasts. n8n-workflow 2.x's sleep ends at once when its abort
 * signal fires; n8n 1.x's ignores the signal, so there a deadline whose attempt has already ended
 * still holds a timer until its current slice ends: at most this long, not the whole Timeout.
 */
const SLICE_MS = 1000;

/**
 * The total bound of a session login (Opentact, NetSapiens). A login runs inside the node request
 * that needs it, whose deadline is the node's Timeout, 30 s by default: the login gives up just
 * before that, so that a vendor whose login never answers fails the item with the login's own
 * words ("could not reach … to log in"), once, instead of as the request's timeout, retried.
 */
export const LOGIN_DEADLINE_MS = DEFAULT_REQUEST_TIMEOUT_MS - 1000;

/**
 * What an attempt that outlived its deadline fails with: shaped as the HTTP client's own timeout
 * (code ECONNABORTED, on the error and as its cause), so every reader of a socket timeout (the
 * request path's retries and wording, the outcome of a write, the logins) treats it as one.
 */
export class DeadlineError extends Error {
	readonly code = 'ECONNABORTED';

	readonly cause = { code: 'ECONNABORTED' };

	constructor(ms: number) {
		super(`timeout of ${ms}ms exceeded`);
	}
}

/**
 * Runs `attempt` with at most `ms` in total for it. The HTTP client's Timeout is only a socket idle
 * timeout, which every byte resets: a vendor that answers one byte at a time would hold the attempt
 * for as long as it trickles. When the deadline passes first, the attempt's signal is aborted (the
 * request is dropped) and a DeadlineError is thrown; the attempt's own later rejection is handled
 * by the race, so it never goes unhandled.
 */
export async function withinDeadline<T>(
	ms: number,
	attempt: (controller: AbortController) => Promise<T>,
): Promise<T> {
	return await withinDeadlineOnceSent(ms, ms, (controller, sending) => {
		sending();
		return attempt(controller);
	});
}

/** Errors of attempts that ended before their request was handed to the HTTP client. */
const endedBeforeSending = new WeakSet<object>();

/**
 * Whether `error` ended an attempt before n8n handed its request to the HTTP client (n8n was still
 * looking the credential up, or the lookup failed): that request never left, so sending it again
 * cannot apply a write twice.
 */
export function failedBeforeSending(error: unknown): boolean {
	return typeof error === 'object' && error !== null && endedBeforeSending.has(error);
}

/**
 * withinDeadline whose `ms` start when the attempt calls `sending()`, the moment its request goes to
 * the HTTP client; until then it has `waitMs` at most. An error the attempt ends with before that is
 * marked for failedBeforeSending.
 */
async function withinDeadlineOnceSent<T>(
	ms: number,
	waitMs: number,
	attempt: (controller: AbortController, sending: () => void) => Promise<T>,
): Promise<T> {
	const controller = new AbortController();
	// The deadline's own sleeps end only when the attempt has: an execution cancelled mid-attempt
	// aborts `controller`, and the deadline must still hold should the attempt ignore that.
	const attemptEnded = new AbortController();
	let sent = false;
	let end = Date.now() + waitMs;
	const sending = () => {
		if (sent) return;
		sent = true;
		end = Date.now() + ms;
	};
	const marked = (error: unknown) => {
		if (!sent && typeof error === 'object' && error !== null) endedBeforeSending.add(error);
		return error;
	};
	const run = attempt(controller, sending)
		.catch((error: unknown) => {
			throw marked(error);
		})
		.finally(() => attemptEnded.abort());
	const expired = async (): Promise<never> => {
		// Bounded: each pass sleeps min(SLICE_MS, time left), so at most ceil((waitMs + ms) / SLICE_MS)
		// + 2 passes (`end` moves once, when the request is sent, to at most `ms` ahead).
		while (!attemptEnded.signal.aborted) {
			const leftMs = end - Date.now();
			if (leftMs <= 0) {
				controller.abort();
				throw marked(new DeadlineError(sent ? ms : waitMs));
			}
			await sleep(Math.min(leftMs, SLICE_MS), attemptEnded.signal).catch(() => undefined);
		}
		// The attempt ended first and has already decided the race; this value is never read.
		return undefined as never;
	};
	return await Promise.race([run, expired()]);
}

/**
 * withinDeadline for a request sent through n8n's httpRequestWithAuthentication, which overwrites
 * the request's `abortSignal` with the execution's cancel signal (n8n-core's
 * request-helpers/authentication.js: `requestOptions.abortSignal = this.getExecutionCancelSignal()`)
 * and so would drop a signal of the node's own. For the attempt, the request's `abortSignal` is an
 * accessor: what n8n assigns is followed (cancelling the execution still cancels the request), and
 * what the HTTP client reads is the deadline's signal, which either of the two aborts.
 *
 * The Timeout (`ms`) starts when the HTTP client reads that signal, not when the attempt starts:
 * before sending, n8n looks the credential up in its database (a read per request), and with
 * thousands of items in one run that queue can take longer than the Timeout, a wait that is no
 * vendor's silence. That wait has `waitMs` at most.
 */
export async function requestWithinDeadline<T>(
	request: IHttpRequestOptions,
	ms: number,
	attempt: () => Promise<T>,
	waitMs = ms,
): Promise<T> {
	return await withinDeadlineOnceSent(ms, waitMs, async (controller, sending) => {
		const own = Object.getOwnPropertyDescriptor(request, 'abortSignal');
		let execution: AbortSignal | undefined;
		const cancel = () => controller.abort(execution?.reason);
		const follow = (assigned: IHttpRequestOptions['abortSignal']) => {
			// An execution's cancel signal is a DOM AbortSignal (n8n-core's AbortController).
			const signal = assigned as AbortSignal | undefined;
			execution?.removeEventListener('abort', cancel);
			execution = signal;
			if (signal?.aborted) cancel();
			else signal?.addEventListener('abort', cancel, { once: true });
		};
		follow(request.abortSignal);
		// Enumerable, so that a copy of the request (a credential's authenticate) carries the signal.
		Object.defineProperty(request, 'abortSignal', {
			configurable: true,
			enumerable: true,
			get: () => {
				sending();
				return controller.signal;
			},
			set: follow,
		});
		try {
			return await attempt();
		} finally {
			execution?.removeEventListener('abort', cancel);
			delete request.abortSignal;
			if (own) Object.defineProperty(request, 'abortSignal', own);
		}
	});
}
