import { TestEnvironment } from '../test/harness/run';
import { BareUltravoxUpdate } from './bareNode';
import { startExternalSandbox } from './externalSandbox';

/**
 * Child process: N Ultravox updates on the engine, through the pack's node or the bare declarative
 * baseline; prints this process's peak RSS in MB. The sandbox answering them runs in a process of
 * its own, so its memory is not counted.
 */
async function main(): Promise<void> {
	const [variant, countText] = process.argv.slice(2);
	const count = Number(countText);
	// The vendor's rate limit is not what this measures: off, so no item waits or fails.
	const sandbox = await startExternalSandbox({ rateLimits: { ultravox: 0 } });
	const env = await TestEnvironment.start({ maxRecordedRequests: 0 });
	env.nodeTypes.add('n8n-nodes-sip-credentials.bareUltravoxUpdate', new BareUltravoxUpdate());
	env.credentials.add({
		id: 'external',
		name: 'external sandbox',
		type: 'ultravoxSipApi',
		data: sandbox.credentials,
	});
	const credential = { type: 'ultravoxSipApi', id: 'external' };
	const items = Array.from({ length: count }, (_, n) => ({
		id: sandbox.ids[n % sandbox.ids.length],
	}));
	const result =
		variant === 'bare'
			? await env.run({
					node: 'bareUltravoxUpdate',
					credential,
					continueOnFail: true,
					items,
					parameters: {
						registrationId: '={{ $json.id }}',
						proxy: '={{ "pbx-" + $itemIndex + ".example.com" }}',
					},
				})
			: await env.run({
					node: 'ultravox',
					credential,
					continueOnFail: true,
					items,
					parameters: {
						resource: 'sipRegistration',
						operation: 'update',
						registrationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						updateFields: { proxy: '={{ "pbx-" + $itemIndex + ".example.com" }}' },
						rateLimiting: { requestsPerSecond: 100_000 },
					},
				});
	const failed = result.items.filter((item) => item.json.error !== undefined).length;
	await env.close();
	sandbox.stop();
	process.stdout.write(
		`${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, items: result.items.length, failed })}\n`,
	);
}

void main();
