import { sleep } from 'n8n-workflow';

/**
 * Spaces requests evenly so one credential stays under its vendor's rate limit even when n8n
 * starts every item of a run at once. Shared by every execution in this n8n process that uses
 * the same credential, because the vendor counts per key, not per workflow.
 */
class RequestPacer {
	private nextSlotAt = 0;
	/** When the most recent requests left, oldest first: at most `requestsPerSecond` within any second. */
	private readonly recent: number[] = [];

	async waitForSlot(requestsPerSecond: number): Promise<void> {
		const interval = 1000 / requestsPerSecond;
		const now = Date.now();
		const slot = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = slot + interval;
		if (slot > now) await sleep(slot - now);
		// A busy event loop wakes many scheduled requests late and at once; the vendor counts
		// requests per second, so the last second is checked at the moment of sending.
		const allowed = Math.max(1, Math.floor(requestsPerSecond));
		for (;;) {
			const sentAt = Date.now();
			while (this.recent.length && sentAt - this.recent[0] >= 1000) this.recent.shift();
			if (this.recent.length < allowed) {
				this.recent.push(sentAt);
				return;
			}
			await sleep(1000 - (sentAt - this.recent[0]));
		}
	}

	/** After a 429 every queued request of this key waits, not only the one that was refused. */
	holdUntil(timestamp: number): void {
		this.nextSlotAt = Math.max(this.nextSlotAt, timestamp);
	}
}

const pacers = new Map<string, RequestPacer>();

export function pacerFor(key: string): RequestPacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer();
		pacers.set(key, pacer);
	}
	return pacer;
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), if it has one. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
