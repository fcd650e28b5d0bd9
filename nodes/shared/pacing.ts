import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;

/**
 * Spaces requests evenly so one credential stays under its vendor's rate limit even when n8n
 * starts every item of a run at once. Shared by every execution in this n8n process that uses
 * the same credential, because the vendor counts per key, not per workflow.
 */
class RequestPacer {
	private nextSlotAt = 0;
	private unanswered = 0;
	/** When the answers of the last second came, oldest first (answers are recorded as they come). */
	private readonly answeredAt: number[] = [];

	/**
	 * Sends `attempt` in the next free slot. The vendor counts a request when it arrives, which can
	 * be long after the node let it go (a busy event loop, the network), so a request holds its
	 * place from the moment it leaves until a second after its answer. Wherever between those two
	 * moments the vendor counted it, no second of the vendor's clock sees more than
	 * `requestsPerSecond` of them.
	 */
	async paced<T>(requestsPerSecond: number, attempt: () => Promise<T>): Promise<T> {
		await this.waitForSlot(requestsPerSecond);
		try {
			return await attempt();
		} finally {
			this.unanswered--;
			this.answeredAt.push(Date.now());
		}
	}

	private async waitForSlot(requestsPerSecond: number): Promise<void> {
		const interval = 1000 / requestsPerSecond;
		const now = Date.now();
		const slot = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = slot + interval;
		if (slot > now) await sleep(slot - now);
		const allowed = Math.max(1, Math.floor(requestsPerSecond));
		// Bounded: a place frees one second after an answer, and every request that holds one is
		// answered or fails within its timeout (requestPath.ts), so the wait ends within a timeout
		// plus a second of the requests ahead of it; each pass sleeps at least 1 ms.
		for (;;) {
			const sentAt = Date.now();
			while (this.answeredAt.length && sentAt - this.answeredAt[0] >= WINDOW_MS) this.answeredAt.shift();
			if (this.unanswered + this.answeredAt.length < allowed) {
				this.unanswered++;
				return;
			}
			// With every place held by a request still unanswered, look again one interval later.
			const freesAt = this.answeredAt.length ? this.answeredAt[0] + WINDOW_MS : sentAt + interval;
			await sleep(Math.max(1, freesAt - sentAt));
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
