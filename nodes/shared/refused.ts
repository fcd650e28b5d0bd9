import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

// The one shape of an item refused before anything was sent: the message names what is wrong and
// the item, the description says what to do and that the vendor received nothing.

export interface Refusal {
	/** What to do about it, as one or more sentences. */
	todo: string;
	/** Whom nothing was sent to: the vendor's name, or "the vendor" (the default). */
	vendor?: string;
}

/** `<what> (item N)`, its description `<todo> Nothing was sent to <vendor>.` */
export function refusedItem(
	node: INode,
	itemIndex: number,
	what: string,
	{ todo, vendor = 'the vendor' }: Refusal,
): NodeOperationError {
	return new NodeOperationError(node, `${what} (item ${itemIndex})`, {
		itemIndex,
		description: `${todo} Nothing was sent to ${vendor}.`,
	});
}

/** A field the item cannot be sent with: `"<label>" <problem> (item N)`. */
export function refusedField(
	node: INode,
	itemIndex: number,
	label: string,
	problem: string,
	refusal: Refusal,
): NodeOperationError {
	return refusedItem(node, itemIndex, `"${label}" ${problem}`, refusal);
}
