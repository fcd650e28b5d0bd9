export interface Figure {
	median: number;
	min: number;
	max: number;
	runs: number[];
}

export function figure(runs: number[]): Figure {
	const sorted = [...runs].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs };
}

export function format(value: number, digits = 1): string {
	return value.toLocaleString('en-US', {
		maximumFractionDigits: digits,
		minimumFractionDigits: digits,
	});
}

export function describe(f: Figure, unit: string, digits = 1): string {
	return `${format(f.median, digits)} ${unit} (${format(f.min, digits)}–${format(f.max, digits)})`;
}
