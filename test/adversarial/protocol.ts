import type { IDataObject } from 'n8n-workflow';
import type { AnswerKind, ParameterTarget } from './cases';

/**
 * One run of a node on the engine, as the parent describes it: the child builds the parameters and
 * items from the sandbox's seeded resources (their IDs change with every reset).
 */
export interface Execution {
	vendor: string;
	resource: string;
	operation: string;
	/** A parameter attack: the parameter, and one input item per value (each item is a case). */
	target?: ParameterTarget;
	kinds?: IDataObject[];
	/** An answer attack: how the proxy answers the operation's call (two input items, one case). */
	answer?: AnswerKind;
	/** The node's Timeout (Request Options) for answer attacks; the node's default when absent. */
	timeoutMs?: number;
}

export interface Finding {
	property: 'hang' | 'items' | 'lockout' | 'secret' | 'shortList' | 'crash';
	detail: string;
	/** The input item it concerns, when it concerns one. */
	item?: number;
}

export type WorkerMessage =
	| { type: 'run'; id: number; execution: Execution }
	| { type: 'result'; id: number; findings: Finding[] }
	| { type: 'ready' }
	| { type: 'beat' };

/** The value ATTACK_EXPRESSION gives for an item, where it is a string (what the vendor may store). */
export function attackValue(item: IDataObject): unknown {
	if (item.kind === 'huge') return 'x'.repeat(Number(item.v));
	if (['NaN', 'Infinity', '-Infinity', 'undefined', 'Date', 'DateTime'].includes(String(item.kind)))
		return undefined;
	return item.v;
}
