import * as runtime from '../scripts/n8n/runtime';
import type { N8nInstance } from '../scripts/n8n/runtime';

/**
 * n8n boot time with and without the pack, in the same run: two user folders on the same n8n,
 * one with the pack installed as a community package. Boot = from spawning `n8n start` until
 * /healthz/readiness answers. Runs alternate so drift on the machine hits both sides alike.
 */
async function bootOnce(instance: N8nInstance): Promise<number> {
	const port = await runtime.freePort();
	const started = performance.now();
	const child = runtime.spawnTracked(instance.install.nodeBin, [instance.install.n8nBin, 'start'], {
		cwd: instance.userFolder,
		env: instance.env({
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await runtime.freePort()),
		}),
	});
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`n8n exited early with ${child.exitCode}`);
			try {
				const answer = await fetch(`http://127.0.0.1:${port}/healthz/readiness`, {
					signal: AbortSignal.timeout(1000),
				});
				if (answer.ok) return performance.now() - started;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	} finally {
		await runtime.stopProcess(child);
	}
}

export async function measureBoot(
	runs: number,
): Promise<{ withPack: number[]; without: number[] }> {
	const tarball = await runtime.packProject();
	const withPack = await runtime.createN8n();
	const without = await runtime.createN8n();
	try {
		await withPack.installPack(tarball);
		// One boot each first: n8n migrates a new database on its first start, which is not boot time.
		await bootOnce(withPack);
		await bootOnce(without);
		const figures = { withPack: [] as number[], without: [] as number[] };
		for (let run = 0; run < runs; run++) {
			figures.without.push(await bootOnce(without));
			figures.withPack.push(await bootOnce(withPack));
		}
		return figures;
	} finally {
		await withPack.dispose();
		await without.dispose();
	}
}
