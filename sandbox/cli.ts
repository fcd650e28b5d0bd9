import { startSandbox } from './index';

/**
 * `npm run sandbox [-- --port N]`: starts the vendor sandbox on 127.0.0.1 and prints exactly one
 * JSON line: each vendor's baseUrl, ready-to-use credentials and seeded IDs. Runs until killed.
 */
async function main(): Promise<void> {
	const portFlag = process.argv.indexOf('--port');
	const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 4010;
	const delayFlag = process.argv.indexOf('--registration-delay-ms');
	const registrationDelayMs = delayFlag >= 0 ? Number(process.argv[delayFlag + 1]) : 2000;
	const sandbox = await startSandbox({ port, config: { registrationDelayMs } });
	process.stdout.write(`${JSON.stringify({ url: sandbox.url, admin: `${sandbox.url}/__admin`, vendors: sandbox.endpoints() })}\n`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`sandbox failed to start: ${error.message}\n`);
	process.exit(1);
});
