import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;

/**
 * How a process's pacer adapts to a key other processes (queue-mode workers, other n8n instances)
 * also spend, which it cannot see: additive increase, multiplicative decrease, driven by the
 * vendor's own answers. Documented in docs/behaviour.md ("Adaptive pacing").
 */
/** On a 429 the process's rate is multiplied by this (once per window: one burst of 429s is one signal). */
const DECREASE_FACTOR = 0.7;
/** Each clean second well below the rate that drew the last 429 adds this share of the configured rate. */
const RECOVERY_STEP = 0.05;
/**
 * Each clean second near that rate (from NEAR_LAST_LIMIT of it up to it) adds only this share:
 * probing where the limit was. Past it without a 429, the limit has moved (another process
 * finished): that rate is forgotten and the recovery step applies again.
 */
const PROBE_STEP = 0.02;
const NEAR_LAST_LIMIT = 0.9;
/** The rate never falls below this share of the configured rate, so a run always moves on. */
const MIN_SHARE = 0.05;

/**
 * Spaces requests evenly so one credential stays under its vendor's rate limit even when n8n
 * starts every item of a run at once. Shared by every execution in this n8n process that uses
 * the same credential, because the vendor counts per key, not per workflow. It starts at the
 * configured Requests per Second; when the vendor answers 429 (others spend the same key), it
 * slows down and holds until Retry-After, then climbs back, never above the configured rate.
 */
class RequestPacer {
	private nextSlotAt = 0;
	private heldUntil = 0;
	private unanswered = 0;
	/** When the answers of the last second came, oldest first (answers are recorded as they come). */
	private readonly answeredAt: number[] = [];
	/** Requests waiting for their turn, first come first served; `waitingFrom` is the next one's index. */
	private waiting: Array<() => void> = [];
	private waitingFrom = 0;
	private dispatching = false;

	/** The configured Requests per Second (the last one asked for): the rate never goes above it. */
	private ceiling = 1;
	private rate: number | undefined;
	/** The rate when the last 429 came: the shared limit was somewhere below it. */
	private limitedRate = Infinity;
	private decreasedAt = -Infinity;
	/** When the rate last changed (or the hold after a 429 ends): a second after it, a success may raise it. */
	private changedAt = -Infinity;

	/** The rate this process sends at now, in requests per second. */
	get currentRate(): number {
		return this.rate ?? this.ceiling;
	}

	/**
	 * Sends `attempt` in the next free slot. The vendor counts a request when it arrives, which can
	 * be long after the node let it go (a busy event loop, the network), so a request holds its
	 * place from the moment it leaves until a second after its answer. Wherever between those two
	 * moments the vendor counted it, no second of the vendor's clock sees more than the current
	 * rate of them.
	 */
	async paced<T>(requestsPerSecond: number, attempt: () => Promise<T>): Promise<T> {
		this.ceiling = requestsPerSecond;
		this.rate = Math.min(this.rate ?? requestsPerSecond, requestsPerSecond);
		await this.turn();
		try {
			const answer = await attempt();
			this.succeeded(Date.now());
			return answer;
		} finally {
			this.unanswered--;
			this.answeredAt.push(Date.now());
		}
	}

	/**
	 * The vendor refused a request with 429 and asked to wait until `timestamp` (Retry-After, or the
	 * request path's backoff): every queued request of this key waits, not only the refused one,
	 * and the rate drops by DECREASE_FACTOR.
	 */
	rateLimitedUntil(timestamp: number): void {
		const now = Date.now();
		this.heldUntil = Math.max(this.heldUntil, timestamp);
		this.changedAt = Math.max(this.changedAt, this.heldUntil);
		// Requests already on their way when the rate dropped answer 429 too: one decrease per window.
		if (now - this.decreasedAt < WINDOW_MS) return;
		const rate = this.currentRate;
		this.limitedRate = rate;
		this.rate = Math.max(this.ceiling * MIN_SHARE, rate * DECREASE_FACTOR);
		this.decreasedAt = now;
	}

	/** A clean second (no 429 since the last change) raises the rate by one step, up to the configured rate. */
	private succeeded(now: number): void {
		if (now - this.changedAt < WINDOW_MS) return;
		const rate = this.currentRate;
		if (rate > this.limitedRate) this.limitedRate = Infinity;
		const step = rate < this.limitedRate * NEAR_LAST_LIMIT ? RECOVERY_STEP : PROBE_STEP;
		this.rate = Math.min(this.ceiling, rate + step * this.ceiling);
		this.changedAt = now;
	}

	private turn(): Promise<void> {
		return new Promise((resolve) => {
			this.waiting.push(resolve);
			if (!this.dispatching) void this.dispatch();
		});
	}

	/**
	 * Lets waiting requests go one at a time, each at the rate of that moment, so a slower rate or a
	 * hold reaches requests already queued. Bound: the loop ends when nobody waits; each pass either
	 * lets one request go or sleeps until a moment known at that pass — the end of a hold (at most
	 * the request path's Max Retry Wait, it holds only for waits it accepts), a freed place (at most
	 * one window after an answer) or the next slot (at most 1 / (MIN_SHARE × configured rate)).
	 */
	private async dispatch(): Promise<void> {
		this.dispatching = true;
		try {
			while (this.waitingFrom < this.waiting.length) {
				const now = Date.now();
				const readyAt = Math.max(this.nextSlotAt, this.heldUntil);
				if (readyAt > now) {
					await sleep(readyAt - now);
					continue;
				}
				while (this.answeredAt.length && now - this.answeredAt[0] >= WINDOW_MS)
					this.answeredAt.shift();
				const rate = this.currentRate;
				if (this.unanswered + this.answeredAt.length >= Math.max(1, Math.floor(rate))) {
					// With every place held by a request still unanswered, look again one interval later.
					const freesAt = this.answeredAt.length
						? this.answeredAt[0] + WINDOW_MS
						: now + 1000 / rate;
					await sleep(Math.max(1, freesAt - now));
					continue;
				}
				this.unanswered++;
				this.nextSlotAt = now + 1000 / rate;
				this.waiting[this.waitingFrom++]();
				if (this.waitingFrom === this.waiting.length) {
					this.waiting = [];
					this.waitingFrom = 0;
				}
			}
		} finally {
			this.dispatching = false;
		}
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
