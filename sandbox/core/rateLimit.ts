/**
 * Per-key limiter over a sliding one-second window, as vendors describe "N requests per second
 * per key". Answers how long to wait when the window is full.
 */
export class RateLimiter {
	private readonly windows = new Map<string, number[]>();

	/** Returns 0 when allowed (and counts the request), else milliseconds until a slot frees. */
	take(key: string, perSecond: number, now = Date.now()): number {
		if (!perSecond) return 0;
		const window = (this.windows.get(key) ?? []).filter((at) => now - at < 1000);
		if (window.length >= perSecond) {
			this.windows.set(key, window);
			return 1000 - (now - window[0]);
		}
		window.push(now);
		this.windows.set(key, window);
		return 0;
	}

	reset(): void {
		this.windows.clear();
	}
}
