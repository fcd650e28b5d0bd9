import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { INodeParameters } from 'n8n-workflow';

/** What a run in the watchdog's worker saw: the items' JSON and the run's error. */
export interface WatchedRun {
	finished: boolean;
	items?: Array<Record<string, unknown>>;
	error?: { message: string; description?: string };
	/** Requests the sandbox received for the vendor. */
	requests?: number;
}

const WORKER_SOURCE = `
require('ts-node').register({ transpileOnly: true });
const { parentPort, workerData } = require('node:worker_threads');
const { TestEnvironment } = require(workerData.harness);
(async () => {
	const env = await TestEnvironment.start();
	const credential = env.credential(workerData.vendor, workerData.credentialType);
	parentPort.postMessage({ ready: true });
	const result = await env.run({ node: workerData.node, credential, parameters: workerData.parameters, items: workerData.items });
	parentPort.postMessage({
		items: result.items.map((item) => item.json),
		error: result.error && { message: result.error.message, description: result.error.description },
		requests: env.sandbox.requests(workerData.vendor).length,
	});
	await env.close();
})();
`;

/**
 * Runs one node on n8n's engine in a worker thread and gives up on it `limitMs` after the engine
 * is up. A synchronous endless loop (a password generator that never ends) would freeze the test
 * process itself, and its own timers with it; a worker can be terminated from outside.
 */
export async function runWatched(
	options: {
		vendor: string;
		node: string;
		credentialType: string;
		parameters: INodeParameters;
		items?: object[];
	},
	limitMs: number,
): Promise<WatchedRun> {
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { ...options, harness: path.resolve(__dirname, '..', 'harness', 'run.ts') },
	});
	try {
		return await new Promise<WatchedRun>((resolve, reject) => {
			let timer: NodeJS.Timeout | undefined;
			worker.on('message', (message: WatchedRun & { ready?: boolean }) => {
				if (message.ready) {
					timer = setTimeout(() => resolve({ finished: false }), limitMs);
					return;
				}
				clearTimeout(timer);
				resolve({ ...message, finished: true });
			});
			worker.on('error', reject);
		});
	} finally {
		await worker.terminate();
	}
}
