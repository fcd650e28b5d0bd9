/**
 * `n8n execute --rawOutput` prints the whole run as JSON and n8n 1.x then calls process.exit(): through a pipe the
 * part of the output still queued is lost (on 1.123.81 a 5 MB run arrived as 3.18 MB, and every node read as
 * empty). scripts/n8n/instance.js has n8n write it to a file (runCommand's stdoutFile); this is that mechanism on a
 * plain Node process that does the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const { runCommand } = require('../../scripts/n8n/processes') as {
	runCommand(
		cmd: string,
		args: string[],
		options?: { stdoutFile?: string },
	): Promise<{ code: number; stdout: string }>;
};

const SIZE = 5_000_000;
const printThenExit = `process.stdout.write('x'.repeat(${SIZE})); process.exit(0)`;
const scratch = mkdtempSync(path.join(tmpdir(), 'execute-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('a process that exits right after printing 5 MB: all of it arrives through stdoutFile', async () => {
	const result = await runCommand(process.execPath, ['-e', printThenExit], {
		stdoutFile: path.join(scratch, 'out'),
	});
	expect(result.code).toBe(0);
	expect(result.stdout.length).toBe(SIZE);
});

it('through a pipe the same output arrives cut short (why stdoutFile exists)', async () => {
	const result = await runCommand(process.execPath, ['-e', printThenExit]);
	expect(result.code).toBe(0);
	expect(result.stdout.length).toBeLessThan(SIZE);
});
