import http from 'node:http';
import { TestEnvironment } from '../test/harness/run';
import { BareUltravoxUpdate } from './bareNode';

/**
 * Benchmark workloads, each run in the process that measures it. Pacing is lifted for the
 * engine-overhead runs (the sandbox's rate limit is off there) so both sides are bound by the same
 * server and latency, not by the node's politeness.
 */

export async function nodeUpdates(
	env: TestEnvironment,
	count: number,
	operation: 'update' | 'rotatePassword',
	rps: number,
) {
	const credential = env.credential('ultravox', 'ultravoxSipApi');
	const ids = env.sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[];
	const parameters =
		operation === 'update'
			? { updateFields: { proxy: '={{ "pbx-" + $itemIndex + ".example.com" }}' } }
			: { passwordSource: 'generate', verification: 'none', includeNewPassword: true };
	const started = performance.now();
	const result = await env.run({
		node: 'ultravox',
		credential,
		continueOnFail: true,
		items: Array.from({ length: count }, (_, n) => ({ id: ids[n % ids.length] })),
		parameters: {
			resource: 'sipRegistration',
			operation,
			registrationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			rateLimiting: { requestsPerSecond: rps },
			...parameters,
		},
	});
	const seconds = (performance.now() - started) / 1000;
	const failed = result.items.filter(
		(item) => item.json.error !== undefined || item.error !== undefined,
	).length;
	return { seconds, items: result.items.length, failed, error: result.error?.message };
}

/** The same updates through the bare declarative baseline node (bareNode.ts). */
export async function bareNodeUpdates(env: TestEnvironment, count: number) {
	{
		env.nodeTypes.add(`n8n-nodes-sip-credentials.bareUltravoxUpdate`, new BareUltravoxUpdate());
	}
	const credential = env.credential('ultravox', 'ultravoxSipApi');
	const ids = env.sandbox.endpoints().ultravox.seeded.sipRegistrationIds as string[];
	const started = performance.now();
	const result = await env.run({
		node: 'bareUltravoxUpdate',
		credential,
		continueOnFail: true,
		items: Array.from({ length: count }, (_, n) => ({ id: ids[n % ids.length] })),
		parameters: {
			registrationId: '={{ $json.id }}',
			proxy: '={{ "pbx-" + $itemIndex + ".example.com" }}',
		},
	});
	const seconds = (performance.now() - started) / 1000;
	const failed = result.items.filter((item) => item.json.error !== undefined).length;
	return { seconds, items: result.items.length, failed };
}

/** The same PATCH requests from Node's own http client, all in flight at once like n8n's items. */
export async function plainUpdates(env: TestEnvironment, count: number) {
	const { baseUrl, credentials, seeded } = env.sandbox.endpoints().ultravox;
	const ids = seeded.sipRegistrationIds as string[];
	const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
	const url = new URL(baseUrl);
	const send = (n: number) =>
		new Promise<number>((resolve, reject) => {
			const body = JSON.stringify({ proxy: `pbx-${n}.example.com` });
			const request = http.request(
				{
					host: url.hostname,
					port: url.port,
					method: 'PATCH',
					path: `${url.pathname}/api/sip/registrations/${ids[n % ids.length]}`,
					agent,
					headers: {
						'X-API-Key': String(credentials.apiKey),
						'content-type': 'application/json',
						accept: 'application/json',
						'content-length': Buffer.byteLength(body),
					},
				},
				(response) => {
					response.resume();
					response.on('end', () => resolve(response.statusCode ?? 0));
				},
			);
			request.on('error', reject);
			request.end(body);
		});
	const started = performance.now();
	const statuses = await Promise.all(Array.from({ length: count }, (_, n) => send(n)));
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	return { seconds, items: count, failed: statuses.filter((status) => status !== 200).length };
}
