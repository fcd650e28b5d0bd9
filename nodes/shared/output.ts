import type {
	INode,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { AnswerFailure, UNREADABLE_DETAIL } from './errors';
import type { UnreadableAnswer } from './errors';
import type { VendorProfile } from './vendor';

export function isEmptyBody(body: unknown): boolean {
	return (
		body === undefined ||
		body === null ||
		body === '' ||
		(Buffer.isBuffer(body) && body.length === 0)
	);
}

/**
 * The one check of a body the node must read as JSON (an object, or a list): an AnswerFailure
 * naming why it cannot be (empty, or not JSON), else undefined. Every reader throws what it gives
 * (a single resource, a page of a list, a read-back); the request path words it for the operation.
 */
export function unreadableAnswer(
	node: INode,
	status: number,
	body: unknown,
): AnswerFailure | undefined {
	const unreadable: UnreadableAnswer | undefined = isEmptyBody(body)
		? 'empty'
		: typeof body !== 'object' || Buffer.isBuffer(body)
			? 'malformed'
			: undefined;
	return unreadable && new AnswerFailure(node, status, UNREADABLE_DETAIL[unreadable], unreadable);
}

/** A failure the vendor reports in a 2xx body (Opentact's `success: false`), in the vendor's words. */
export function failureInBodyOf(
	node: INode,
	vendor: VendorProfile,
	response: IN8nHttpFullResponse,
): AnswerFailure | undefined {
	const failed = vendor.failureInBody?.(response.body);
	return failed && new AnswerFailure(node, failed.status ?? response.statusCode, failed.message);
}

/**
 * postReceive for a call whose answer is a JSON object: refuses a 2xx that still reports failure,
 * a body that is not JSON, or an empty one, and strips the vendor's secret fields.
 */
export function vendorObjectResponse(vendor: VendorProfile) {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const body = response.body as unknown;
		const failed =
			failureInBodyOf(this.getNode(), vendor, response) ??
			unreadableAnswer(this.getNode(), response.statusCode, body);
		if (failed) throw failed;
		if (Array.isArray(body)) {
			// One resource was asked for: a list is not it (n8n would make an empty item of each entry).
			throw new AnswerFailure(
				this.getNode(),
				response.statusCode,
				`The answer was a list of ${body.length} entries where one ${vendor.displayName} resource (a JSON object) was expected.`,
				'unexpected',
			);
		}
		const json = body as IDataObject;
		return [{ json: vendor.sanitize ? vendor.sanitize(json, this) : json }];
	};
}

/** postReceive for deletes: n8n's convention is one item `{ deleted: true }`. */
export async function deletedResult(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { deleted: true } }];
}

/** Shallow copy of an object without the named keys (secrets the output must not carry). */
export function withoutKeys(item: IDataObject, keys: readonly string[]): IDataObject {
	const copy: IDataObject = {};
	for (const [key, value] of Object.entries(item)) {
		if (!keys.includes(key)) copy[key] = value;
	}
	return copy;
}
