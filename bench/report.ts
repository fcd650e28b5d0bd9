import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { format } from './stats';

/**
 * BENCHMARKS.md is made of one block per bench section, each between its own pair of markers, so
 * `npm run bench -- n8n` rewrites the real-n8n block and leaves every other section's figures (and
 * the date and machine load they were measured at) as they were.
 */

export interface SectionReport {
	/** The `npm run bench -- <key>` name. */
	key: string;
	title: string;
	/** [measure, median (min–max), budget, verdict]. */
	rows: string[][];
	notes: string[];
	/** How the figures are measured (Markdown list items). */
	method: string;
	/** Where the limit lies, shown while a budget of the section is missed. */
	whenMissed?: string;
	runs: number;
	loadBefore: number[];
	loadAfter: number[];
	/** Replaces the "Measured … on …" line (for figures carried over from an earlier layout). */
	measured?: string;
}

export const HEADER = `# Benchmarks

Written by \`npm run bench\` (\`npm run bench -- <section>\` measures one section: engine, rate, footprint, boot,
memory, n8n, queue). Each section below is rewritten only by its own run and says when it was measured, on what
machine and under what load. Every figure is the median of the section's runs with the minimum and maximum beside
it; ratios compare against a baseline measured in the same run.

The machine these were measured on has 2 cores shared with other jobs; a load average above 2 means the figures
are slowed by work that is not the bench's, and ratio budgets then cannot be judged (each section says its load).
`;

const begin = (key: string) => `<!-- bench:${key}:begin -->`;
const end = (key: string) => `<!-- bench:${key}:end -->`;

export function loadText(load: number[]): string {
	return load.map((value) => format(value, 1)).join(' / ');
}

export function renderSection(report: SectionReport): string {
	const versions = [
		`node ${process.version}`,
		`n8n-core ${require('n8n-core/package.json').version}`,
		`n8n-workflow ${require('n8n-workflow/package.json').version}`,
	].join(', ');
	const missed = report.rows.some((cells) => cells[3] === 'MISSED');
	const lines = [
		begin(report.key),
		`## ${report.title[0].toUpperCase()}${report.title.slice(1)}`,
		'',
		report.measured ??
			`Measured ${new Date().toISOString().slice(0, 10)} (\`npm run bench -- ${report.key}\`, ${report.runs} run${report.runs === 1 ? '' : 's'}) on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${format(totalmem() / 2 ** 30, 0)} GiB; ${versions}. Load average (1/5/15 min): ${loadText(report.loadBefore)} before, ${loadText(report.loadAfter)} after.`,
		'',
		'| measure | median (min–max) | budget | verdict |',
		'|---|---|---|---|',
		...report.rows.map((cells) => `| ${cells.join(' | ')} |`),
		'',
		'How it is measured:',
		'',
		report.method.trim(),
		...(missed && report.whenMissed
			? ['', `Budget missed, and where the limit lies: ${report.whenMissed.trim()}`]
			: []),
		...(report.notes.length
			? ['', 'Notes from the run:', '', ...report.notes.map((note) => `- ${note}`)]
			: []),
		end(report.key),
	];
	return lines.join('\n');
}

/** Replaces the section's block in the file (or appends it), keeping every other block as it is. */
export function writeSection(file: string, report: SectionReport, order: string[]): void {
	const text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
	const block = renderSection(report);
	const from = text.indexOf(begin(report.key));
	const to = text.indexOf(end(report.key));
	if (from >= 0 && to > from) {
		writeFileSync(file, text.slice(0, from) + block + text.slice(to + end(report.key).length));
		return;
	}
	// A section not yet in the file goes before the first block that comes after it in `order`.
	const later = order.slice(order.indexOf(report.key) + 1);
	const positions = later.map((key) => text.indexOf(begin(key))).filter((index) => index >= 0);
	const at = positions.length ? Math.min(...positions) : text.length;
	const before = text.slice(0, at).replace(/\n*$/, '\n\n');
	const after = text.slice(at);
	writeFileSync(file, `${before}${block}\n${after ? `\n${after}` : ''}`);
}

export const currentLoad = (): number[] => loadavg();
