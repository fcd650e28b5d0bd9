import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { unreadableAnswer } from './output';
import type { RequestPathContext } from './types';

/**
 * One read of the resource (Rotate Password's read-back, its Dry Run, each read of a registration watch); throws
 * what the vendor said.
 */
export async function readResourceBody(
	path: RequestPathContext,
	read: IHttpRequestOptions,
): Promise<IDataObject> {
	const response = await path.fetchFull(read);
	const failed = path.failureOf(response);
	if (failed) throw failed;
	// An answer that cannot be read proves nothing: neither that the resource exists nor its state.
	const unreadable = unreadableAnswer(path.context.getNode(), response.statusCode, response.body);
	if (unreadable) throw unreadable;
	return response.body as IDataObject;
}
