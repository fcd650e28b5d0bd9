import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { AnswerFailure } from '../../shared/errors';
import { pickerCall } from '../../shared/listSearch';
import { listItemsOf } from '../../shared/paging';
import { pathSegment } from '../../shared/validation';
import { opentactVendor } from '../shared/vendor';

/**
 * One list from Opentact for a "From List" picker: the whole `payload` array (Opentact does not
 * page these lists), refusing a `{success: false}` answer and any answer that is not that list,
 * like every other call of the node.
 */
export async function opentactList(
	context: ILoadOptionsFunctions,
	listName: string,
	pathTemplate: string,
	segments: Record<string, string> = {},
): Promise<IDataObject[]> {
	return await pickerCall(context, opentactVendor, listName, async (request) => {
		const url = pathTemplate.replace(/\{([^}]+)\}/g, (_placeholder, name: string) =>
			pathSegment(segments[name]),
		);
		const body = await request({
			method: 'GET',
			url,
			headers: { Accept: 'application/json' },
			json: true,
		});
		const failed = opentactVendor.failureInBody?.(body);
		if (failed) throw new AnswerFailure(context.getNode(), failed.status ?? 200, failed.message);
		return listItemsOf(body, 'payload');
	});
}

export function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	return (
		!needle || texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle))
	);
}
