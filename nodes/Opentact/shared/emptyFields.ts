import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

/**
 * preSend hook: a text field added to a collection but left empty would be sent as "". Opentact
 * documents no way to clear a SIP user's field, so instead of sending a value with an unknown
 * effect the item fails before anything is sent, saying how to leave the field unchanged.
 */
export function refuseEmptyFields(
	fields: ReadonlyArray<{ field: string; label: string }>,
	collection: string,
) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ?? {}) as IDataObject;
		const itemIndex = this.getItemIndex();
		for (const { field, label } of fields) {
			if (body[field] === '' || body[field] === null) {
				throw new NodeOperationError(this.getNode(), `"${label}" is empty (item ${itemIndex})`, {
					itemIndex,
					description: `Give "${label}" a value, or remove it from "${collection}" to leave it as it is (Opentact documents no way to clear it). Nothing was sent to Opentact.`,
				});
			}
		}
		return requestOptions;
	};
}
