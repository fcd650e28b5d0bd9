import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { pathSegment } from '../../shared/validation';
import { opentactVendor } from '../shared/vendor';

/**
 * One list from Opentact for a "From List" picker: the whole `payload` array (Opentact does not
 * page these lists), refusing a `{success: false}` answer like every other call of the node.
 */
export async function opentactList(
	context: ILoadOptionsFunctions,
	pathTemplate: string,
	segments: Record<string, string> = {},
): Promise<IDataObject[]> {
	const url = pathTemplate.replace(/\{([^}]+)\}/g, (_placeholder, name: string) => pathSegment(segments[name]));
	const body = (await context.helpers.httpRequestWithAuthentication.call(context, opentactVendor.credentialType, {
		method: 'GET',
		url,
		headers: { Accept: 'application/json' },
		json: true,
	})) as unknown;
	const failed = opentactVendor.failureInBody?.(body);
	if (failed) {
		throw new NodeApiError(context.getNode(), { message: failed.message ?? 'Opentact reported failure' } as JsonObject, {
			message: `Opentact could not list ${url}: ${failed.message ?? 'success: false'}`,
		});
	}
	const payload = (body as IDataObject | undefined)?.payload;
	return Array.isArray(payload) ? (payload as IDataObject[]) : [];
}

export function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	return !needle || texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}
