/**
 * Child process of the adversarial suite: runs executions on n8n-core's engine against the sandbox
 * behind the hostile proxy, checks the properties, and answers the parent over IPC. It is a child
 * process so that the parent's watchdog can kill it when a case never finishes: a synchronous
 * infinite loop in a node blocks this process's event loop, where no timer of its own could fire.
 */
import { LoggerProxy, setGlobalState } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { TestEnvironment } from '../harness/run';
import { BASELINE_SECRETS, VENDORS } from './cases';
import { HostileProxy } from './hostileProxy';
import { buildExecution } from './build';
import type { Execution, Finding, WorkerMessage } from './protocol';
import { attackValue } from './protocol';

setGlobalState({ defaultTimezone: 'UTC' });

/** Fields where a password is handed on on purpose: the new password, or one whose apply is unknown. */
const PASSWORD_FIELDS = new Set(['newPassword', 'pendingPassword']);

function withoutPasswordFields(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutPasswordFields);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([key]) => !PASSWORD_FIELDS.has(key))
				.map(([key, inner]) => [key, withoutPasswordFields(inner)]),
		);
	}
	return value;
}

const PREFIX = 6;

/** Finds known secrets in texts, with the words before each (as test/harness/leaks.ts, indexed once per execution). */
function secretScanner(secrets: string[]): (text: string) => string[] {
	const byPrefix = new Map<string, string[]>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < PREFIX) continue;
		const prefix = secret.slice(0, PREFIX);
		byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), secret]);
	}
	return (text) => {
		const found: string[] = [];
		for (let at = 0; at + PREFIX <= text.length; at++) {
			const candidates = byPrefix.get(text.slice(at, at + PREFIX));
			if (candidates?.some((secret) => text.startsWith(secret, at)))
				found.push(`…${text.slice(Math.max(0, at - 80), at)}[secret]`);
		}
		return found;
	};
}

const errorText = (error: any) =>
	error
		? { message: error.message, description: error.description, context: error.context }
		: undefined;

/**
 * n8n-core's log lines of the current execution. Replaces the harness's capture (which keeps every
 * line of the process and copies them on each read): this process runs thousands of executions.
 */
const logLines: string[] = [];
const capture = (level: string) => (message: string, meta?: object) => {
	logLines.push(
		`${level} ${message} ${meta ? JSON.stringify(meta, (_key, value) => (typeof value === 'bigint' ? String(value) : value)) : ''}`,
	);
};
LoggerProxy.init({
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
});

/** Restores one vendor's seeded state (Sandbox.reset() restores all five, five times the work). */
function resetVendor(env: TestEnvironment, vendor: string): void {
	const sandbox = env.sandbox as any;
	sandbox.faults = [];
	sandbox.recorded.length = 0;
	sandbox.limiter.reset();
	const simulator = sandbox.simulators.find(
		(candidate: { name: string }) => candidate.name === vendor,
	);
	sandbox.devices.clearVendor(vendor);
	simulator.reset(sandbox.context(vendor));
}

function devicePasswords(env: TestEnvironment): Map<string, string> {
	const devices = (env.sandbox.devices as any).devices as Map<string, { vendorPassword: string }>;
	return new Map([...devices].map(([key, device]) => [key, device.vendorPassword]));
}

async function main(): Promise<void> {
	const rateLimits = Object.fromEntries(VENDORS.map(({ vendor }) => [vendor, 0]));
	const env = await TestEnvironment.start({ maxRecordedRequests: 10_000, config: { rateLimits } });
	const proxy = new HostileProxy(env.sandbox.url);
	await proxy.start();

	const run = async (spec: Execution): Promise<Finding[]> => {
		const info = VENDORS.find((candidate) => candidate.vendor === spec.vendor)!;
		resetVendor(env, spec.vendor);
		const endpoint = env.sandbox.endpoints()[spec.vendor];
		const execution = {
			vendor: spec.vendor,
			answer: spec.answer,
			...buildExecution(spec, endpoint),
		};
		const credentialData = Object.fromEntries(
			Object.entries(endpoint.credentials).map(([key, value]) => [
				key,
				typeof value === 'string' ? value.split(env.sandbox.url).join(proxy.origin) : value,
			]),
		);
		const credential = env.credential(
			execution.vendor,
			info.credentialType,
			credentialData as IDataObject as any,
		);
		const before = devicePasswords(env);
		const secretsBefore = env.sandbox.secrets();
		const credentialSecrets = Object.values(endpoint.credentials).filter(
			(value): value is string => typeof value === 'string' && secretsBefore.includes(value),
		);
		// The request's own secrets are the baseline password only where this execution sends it: a node
		// cannot know (or redact) a password a call it never made would carry.
		const sent = JSON.stringify([execution.parameters, execution.items]);
		const baselineSent = BASELINE_SECRETS.filter((secret) => sent.includes(secret));
		proxy.use(
			execution.answer
				? {
						answer: execution.answer,
						mainIsRead: execution.mainIsRead,
						secrets: [...credentialSecrets, ...baselineSent],
					}
				: undefined,
		);
		logLines.length = 0;
		let result;
		try {
			result = await env.run({
				node: info.node,
				credential,
				continueOnFail: true,
				items: execution.items,
				parameters: execution.parameters as INodeParameters,
			});
		} finally {
			proxy.use(undefined);
			proxy.dropConnections();
		}
		const findings: Finding[] = [];
		const add = (property: Finding['property'], detail: string, item?: number) =>
			findings.push({ property, detail, item });
		const items = result.items;
		const pairedTo = (output: INodeExecutionData) =>
			(output.pairedItem as { item: number } | undefined)?.item;
		const isError = (output: INodeExecutionData) =>
			output.json.error !== undefined || output.error !== undefined;

		// Items in = items out with Continue On Fail.
		if (result.error)
			add('items', `the run failed as a whole despite Continue On Fail: ${result.error.message}`);
		else if (!execution.list) {
			if (items.length !== execution.items.length)
				add('items', `${execution.items.length} items in, ${items.length} out`);
			items.forEach((output, position) => {
				if (pairedTo(output) !== position)
					add('items', `output ${position} is paired with input ${pairedTo(output)}`, position);
			});
		} else {
			execution.items.forEach((_, index) => {
				const outputs = items.filter((output) => pairedTo(output) === index);
				const errors = outputs.filter(isError);
				if (errors.length > 1)
					add('items', `input ${index} got ${errors.length} error items`, index);
				if (execution.returnAll && !errors.length && outputs.length !== execution.listCount) {
					add(
						'shortList',
						`Return All gave ${outputs.length} items without an error; the sandbox holds ${execution.listCount}`,
						index,
					);
				}
				if (errors.length && outputs.length > errors.length)
					add(
						'items',
						`input ${index} got an error item and ${outputs.length - errors.length} others`,
						index,
					);
			});
		}

		// No password the sandbox now holds that n8n does not have.
		const after = devicePasswords(env);
		const known = JSON.stringify([
			items.map((output) => output.json),
			execution.items,
			execution.parameters,
		]);
		const attackValues = execution.items
			.map((item) => attackValue(item))
			.filter((value): value is string => typeof value === 'string');
		for (const [key, password] of after) {
			if (before.get(key) === password || !before.has(key)) continue;
			if (attackValues.includes(password) || known.includes(JSON.stringify(password).slice(1, -1)))
				continue;
			add(
				'lockout',
				`the sandbox now holds a password for ${key} that no output item carries (${items.filter(isError).length} error items)`,
			);
		}

		// No secret in any output, error or log line, except the new password in its named field.
		const requestSecrets = [
			...baselineSent,
			...(execution.secretParameter
				? attackValues.filter((value) => value.length >= 8 && value.trim().length >= 8)
				: []),
		];
		const secrets = [
			...new Set([
				...secretsBefore,
				...env.sandbox.secrets(),
				...credentialSecrets,
				...requestSecrets,
			]),
		];
		const leaksIn = secretScanner(secrets);
		// Output Secrets (NetSapiens) is the user's explicit request to see device passwords in the items.
		const outputsMayHoldSecrets = spec.target?.path.join('.') === 'options.outputSecrets';
		items.forEach((output) => {
			const texts = [JSON.stringify(errorText(output.error) ?? null)];
			if (!outputsMayHoldSecrets) texts.push(JSON.stringify(withoutPasswordFields(output.json)));
			for (const leak of texts.flatMap(leaksIn))
				add('secret', `in an output item: ${leak}`, pairedTo(output));
		});
		for (const leak of leaksIn(JSON.stringify(errorText(result.error) ?? null)))
			add('secret', `in the run's error: ${leak}`);
		for (const line of logLines)
			for (const leak of leaksIn(line)) add('secret', `in a log line: ${leak}`);
		return findings;
	};

	process.on('message', async (message: WorkerMessage) => {
		if (message.type !== 'run') return;
		try {
			const findings = await run(message.execution);
			process.send!({ type: 'result', id: message.id, findings });
		} catch (error: any) {
			process.send!({
				type: 'result',
				id: message.id,
				findings: [
					{
						property: 'crash',
						detail: `the harness threw: ${String(error?.stack ?? error).slice(0, 500)}`,
					},
				],
			});
		}
	});
	// The watchdog's evidence that this process's event loop still turns (see watchdog.ts).
	setInterval(() => process.send!({ type: 'beat' }), 200);
	process.on('disconnect', () => process.exit(0));
	process.send!({ type: 'ready' });
}

void main();
