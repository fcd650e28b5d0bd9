import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface ExternalSandbox {
	admin: string;
	baseUrl: string;
	credentials: ICredentialDataDecryptedObject;
	ids: string[];
	stop: () => void;
}

/**
 * The vendor sandbox in a process of its own, as a real vendor would be: its memory is not
 * counted with the node's, and its clock and rate-limit window do not stall when the node's
 * event loop is busy.
 */
export async function startExternalSandbox(
	config: Record<string, unknown>,
): Promise<ExternalSandbox> {
	const child = spawn(
		process.execPath,
		[
			require.resolve('ts-node/dist/bin.js'),
			'--transpile-only',
			path.join(__dirname, '..', 'sandbox', 'cli.ts'),
			'--port',
			'0',
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const line = await new Promise<string>((resolve) => {
		let buffered = '';
		child.stdout.on('data', (chunk) => {
			buffered += chunk;
			if (buffered.includes('\n')) resolve(buffered.split('\n')[0]);
		});
	});
	const printed = JSON.parse(line);
	const { ultravox } = printed.vendors;
	await fetch(`${printed.admin}/config`, { method: 'POST', body: JSON.stringify(config) });
	return {
		admin: printed.admin,
		baseUrl: ultravox.baseUrl,
		credentials: ultravox.credentials,
		ids: ultravox.seeded.sipRegistrationIds,
		stop: () => child.kill(),
	};
}
