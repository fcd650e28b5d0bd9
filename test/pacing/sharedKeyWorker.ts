/**
 * One of the "workers" of test/pacing/sharedKey.test.ts: a separate OS process running the Ultravox
 * node on n8n-core's WorkflowExecute, as a queue-mode worker would, against a sandbox another
 * process hosts. It reads its job as JSON on stdin once it is ready, and prints its result as JSON.
 */
import { TestEnvironment } from '../harness/run';
import { byId } from '../harness/locator';

interface Job {
	credentials: Record<string, unknown>;
	ids: string[];
	items: number;
	requestsPerSecond: number;
}

async function main(): Promise<void> {
	const env = await TestEnvironment.start();
	process.stdout.write('ready\n');
	const job: Job = await new Promise((resolve) => {
		let buffered = '';
		process.stdin.on('data', (chunk) => {
			buffered += chunk;
			if (buffered.includes('\n')) resolve(JSON.parse(buffered));
		});
	});
	const id = 'shared-key';
	env.credentials.add({
		id,
		name: 'shared key',
		type: 'ultravoxSipApi',
		data: job.credentials as any,
	});
	const result = await env.run({
		node: 'ultravox',
		credential: { type: 'ultravoxSipApi', id },
		continueOnFail: true,
		items: Array.from({ length: job.items }, (_, n) => ({ id: job.ids[n % job.ids.length] })),
		parameters: {
			resource: 'sipRegistration',
			operation: 'get',
			registrationId: byId('={{ $json.id }}'),
			rateLimiting: { requestsPerSecond: job.requestsPerSecond },
		},
	});
	const failed = result.items
		.filter((item) => item.json.error !== undefined)
		.map((item) => String(item.json.error));
	process.stdout.write(
		`${JSON.stringify({ items: result.items.length, failed, error: result.error?.message })}\n`,
	);
	await env.close();
	process.stdin.destroy();
}

void main();
