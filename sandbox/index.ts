import { Sandbox } from './core/server';
import type { SandboxOptions } from './core/server';
import type { VendorSimulator } from './core/types';
import { UltravoxSimulator } from './vendors/ultravox';

export { Sandbox } from './core/server';
export type { SandboxOptions, VendorEndpoint } from './core/server';
export type { FaultSpec, RecordedRequest, SandboxConfig, VendorSimulator } from './core/types';

/** Every vendor the sandbox simulates; a vendor plugs in by adding its simulator here. */
export function allSimulators(): VendorSimulator[] {
	return [new UltravoxSimulator()];
}

/** Documented per-key limits the sandbox enforces by default (requests per second). */
export const DOCUMENTED_RATE_LIMITS: Record<string, number> = { ultravox: 200 };

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const sandbox = new Sandbox(allSimulators(), {
		...options,
		config: { ...options.config, rateLimits: { ...DOCUMENTED_RATE_LIMITS, ...options.config?.rateLimits } },
	});
	return await sandbox.start();
}
