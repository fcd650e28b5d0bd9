import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Sandbox } from './core/server';
import type { SandboxOptions } from './core/server';
import type { VendorSimulator } from './core/types';

export { Sandbox } from './core/server';
export type { SandboxOptions, VendorEndpoint } from './core/server';
export type {
	FaultSpec,
	FleetSimulation,
	RecordedRequest,
	SandboxConfig,
	VendorSimulator,
} from './core/types';

/**
 * A vendor plugs into the sandbox by adding `vendors/<name>.ts` exporting `createSimulator()`
 * and, where the vendor documents one, `documentedRequestsPerSecond` (enforced by default).
 * A simulator's parts live in a folder of the same name (`vendors/signalwire/`), which is not scanned.
 */
interface VendorModule {
	createSimulator(): VendorSimulator;
	documentedRequestsPerSecond?: number;
}

function vendorModules(): VendorModule[] {
	const directory = path.join(__dirname, 'vendors');
	return readdirSync(directory)
		.filter(
			(file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'),
		)
		.sort()
		.map((file) => require(path.join(directory, file)) as VendorModule);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const modules = vendorModules();
	const simulators = modules.map((module) => module.createSimulator());
	const documented: Record<string, number> = {};
	simulators.forEach((simulator, index) => {
		const perSecond = modules[index].documentedRequestsPerSecond;
		if (perSecond) documented[simulator.name] = perSecond;
	});
	const sandbox = new Sandbox(simulators, {
		...options,
		config: { ...options.config, rateLimits: { ...documented, ...options.config?.rateLimits } },
	});
	return await sandbox.start();
}
