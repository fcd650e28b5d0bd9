import { TestEnvironment } from '../test/harness/run';
import { nodeUpdates } from './workloads';

/** Child process: runs N Ultravox updates on the engine and prints its peak RSS in MB. */
async function main(): Promise<void> {
	const count = Number(process.argv[2]);
	const env = await TestEnvironment.start({ maxRecordedRequests: 0, config: { rateLimits: { ultravox: 0 } } });
	const result = await nodeUpdates(env, count, 'update', 100_000);
	await env.close();
	process.stdout.write(`${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, items: result.items, failed: result.failed })}\n`);
}

void main();
