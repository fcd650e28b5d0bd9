import type { IDataObject } from 'n8n-workflow';
import type { VendorEndpoint } from '../../sandbox';
import { ATTACK_EXPRESSION, baselines } from './cases';
import type { Execution } from './protocol';
import { byId } from '../harness/locator';

/** What the child runs and checks for one Execution. */
export interface BuiltExecution {
	parameters: IDataObject;
	items: IDataObject[];
	/** Whether the operation's own call is a GET (the proxy attacks it) or a write. */
	mainIsRead: boolean;
	list: boolean;
	returnAll: boolean;
	listCount?: number;
	/** The attacked parameter holds a password: its values are request secrets. */
	secretParameter: boolean;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function setPath(parameters: IDataObject, path: string[], value: unknown): void {
	let holder = parameters;
	for (const part of path.slice(0, -1)) {
		if (!holder[part] || typeof holder[part] !== 'object') holder[part] = {};
		holder = holder[part] as IDataObject;
	}
	holder[path[path.length - 1]] = value as IDataObject[string];
}

export function buildExecution(execution: Execution, endpoint: VendorEndpoint): BuiltExecution {
	const key = `${execution.resource}:${execution.operation}`;
	const baseline = baselines(execution.vendor, endpoint)[key];
	if (!baseline)
		throw new Error(
			`No baseline for ${execution.vendor} ${key}: add one to test/adversarial/cases.ts`,
		);
	const parameters = clone(baseline.parameters) as IDataObject;
	// Pacing is attacked as a parameter of its own; elsewhere it must not slow the cases down.
	parameters.rateLimiting = {
		requestsPerSecond: 1000,
		...(parameters.rateLimiting as IDataObject),
	};
	const list = execution.operation === 'getAll';
	const mainIsRead = execution.operation === 'get' || list;
	if (execution.answer) {
		if (list) {
			parameters.returnAll = true;
			delete parameters.limit;
		}
		if (execution.timeoutMs) parameters.requestOptions = { timeout: execution.timeoutMs };
		// One retry of a read after a 5xx or a silence: the bound of retries shows with one as with two.
		(parameters.rateLimiting as IDataObject).serverErrorRetries = 1;
		return {
			parameters,
			items: [baseline.item(0), baseline.item(1)],
			mainIsRead,
			list,
			returnAll: list,
			listCount: baseline.listCount,
			secretParameter: false,
		};
	}
	const target = execution.target!;
	for (const [name, value] of Object.entries(target.conditions)) {
		if (name !== target.path[0]) parameters[name] = value as IDataObject[string];
	}
	if (target.conditions.verification === 'waitForRegistration') {
		// Short waits: the sandbox's phones register only once provisioned, so the wait runs to its end.
		parameters.registrationTimeoutSeconds = 2;
		parameters.pollIntervalSeconds = 1;
	}
	if (target.path.join('.').startsWith('requestOptions.batching.batch.')) {
		// n8n's own batching waits its interval between batches: a valid setting, not the thing under attack.
		setPath(parameters, ['requestOptions', 'batching', 'batch'], {
			batchSize: 50,
			batchInterval: 0,
		});
	}
	setPath(
		parameters,
		target.path,
		target.resourceLocator ? byId(ATTACK_EXPRESSION) : ATTACK_EXPRESSION,
	);
	const last = target.path[target.path.length - 1];
	return {
		parameters,
		items: execution.kinds!.map((kind, index) => ({ ...baseline.item(index), ...kind })),
		mainIsRead,
		list,
		returnAll: false,
		listCount: baseline.listCount,
		secretParameter: /password/i.test(last) && !/length|source/i.test(last),
	};
}
