import { startSandbox } from './index';
import type { FleetSimulation } from './index';

/**
 * `npm run sandbox [-- --port N]`: starts the vendor sandbox on 127.0.0.1 and prints exactly one
 * JSON line: each vendor's baseUrl, ready-to-use credentials and seeded IDs. Runs until killed.
 *
 *   --port N                       4010; 0 picks a free port
 *   --registration-delay-ms N      how long a phone takes to register once it has the right password (2000)
 *   --fleet                        demo mode: a provisioning server gives every phone its new password
 *   --provision-delay-ms N         with --fleet: how long after a password change it does (0)
 *   --never-provisioned-percent P  with --fleet: the share of phones that never get it (0; e.g. 10)
 */
function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

function numberOption(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
	const raw = option(name);
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > max) {
		throw new Error(`--${name} must be a number from 0 to ${max} (got "${raw}")`);
	}
	return value;
}

function fleetOption(): FleetSimulation | null {
	if (!process.argv.includes('--fleet')) {
		for (const name of ['provision-delay-ms', 'never-provisioned-percent'])
			if (option(name) !== undefined)
				throw new Error(`--${name} needs --fleet (the demo's simulated fleet)`);
		return null;
	}
	return {
		provisionDelayMs: numberOption('provision-delay-ms', 0),
		neverProvisionedShare: numberOption('never-provisioned-percent', 0, 100) / 100,
	};
}

async function main(): Promise<void> {
	const port = numberOption('port', 4010, 65_535);
	const registrationDelayMs = numberOption('registration-delay-ms', 2000);
	const fleet = fleetOption();
	const sandbox = await startSandbox({ port, config: { registrationDelayMs, fleet } });
	process.stdout.write(
		`${JSON.stringify({ url: sandbox.url, admin: `${sandbox.url}/__admin`, fleet, vendors: sandbox.endpoints() })}\n`,
	);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`sandbox failed to start: ${error.message}\n`);
	process.exit(1);
});
