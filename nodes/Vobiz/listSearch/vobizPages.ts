import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { trimTrailingSlash } from '../../shared/url';
import { pathSegment } from '../../shared/validation';

interface VobizPage {
	objects: IDataObject[];
	/** Offset of the next page, as the picker's pagination token; undefined on the last page. */
	nextOffset?: string;
}

/** One page of a Vobiz list under the credential's account (`/api/v1/Account/{auth_id}/<collection>/`). */
export async function vobizListPage(
	context: ILoadOptionsFunctions,
	collection: 'Endpoint' | 'Application',
	paginationToken?: string,
): Promise<VobizPage> {
	const credentials = await context.getCredentials('vobizSipApi');
	const offset = Number(paginationToken ?? 0) || 0;
	const page = (await context.helpers.httpRequestWithAuthentication.call(context, 'vobizSipApi', {
		method: 'GET',
		baseURL: trimTrailingSlash(String(credentials.baseUrl)),
		url: `/api/v1/Account/${pathSegment(credentials.authId)}/${collection}/`,
		qs: { limit: 100, offset },
		json: true,
	})) as { objects?: IDataObject[]; meta?: { total_count?: number } };
	const objects = page.objects ?? [];
	const next = offset + objects.length;
	const total = Number(page.meta?.total_count);
	const more = objects.length > 0 && (Number.isFinite(total) ? next < total : objects.length === 100);
	return { objects, nextOffset: more ? String(next) : undefined };
}

export function matches(filter: string | undefined, ...values: unknown[]): boolean {
	const needle = (filter ?? '').toLowerCase();
	return !needle || values.map((value) => String(value ?? '')).join(' ').toLowerCase().includes(needle);
}
