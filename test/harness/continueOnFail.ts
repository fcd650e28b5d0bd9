import type { RunResult } from './run';

/**
 * Continue On Fail: the run itself does not fail, every input item yields exactly one output item
 * paired with it, and the items that failed (`failed[i]`) carry their error in `json.error`.
 */
export function expectOneItemPerInput(result: RunResult, failed: boolean[]): void {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(failed.length);
	expect(result.items.map((item) => item.pairedItem)).toEqual(failed.map((_, item) => ({ item })));
	expect(result.items.map((item) => Boolean(item.json.error))).toEqual(failed);
}
