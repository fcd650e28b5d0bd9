import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { requestWithinDeadline } from './deadline';
import { AnswerFailure, httpFailureOf, refusedRequestError, toNodeApiError } from './errors';
import { ListShapeError, StatedTotalError } from './paging';
import { redactError, secretsOfCredential } from './redact';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './url';
import type { VendorProfile } from './vendor';

/** One request of a picker through the vendor's credential, with the node's default timeout. */
export type PickerRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * One call of a "From List" picker: its request and the reading of the answer. Whatever fails
 * becomes the picker's own error, worded like the node's (what happened, what to do), with the
 * vendor's words but never a secret of the credential; an answer that is not the vendor's list is
 * an error too, so a picker never shows a short list as if it were whole. Its requests time out as
 * the node's do (n8n's request helper sets no timeout of its own: a silent vendor would hold the
 * editor's list open for as long as the connection lives).
 */
export async function pickerCall<T>(
	context: ILoadOptionsFunctions,
	vendor: VendorProfile,
	listName: string,
	call: (request: PickerRequest) => Promise<T>,
): Promise<T> {
	const request: PickerRequest = async (options) => {
		const full: IHttpRequestOptions = { timeout: DEFAULT_REQUEST_TIMEOUT_MS, ...options };
		// The timeout bounds the request in total, as the node's do (a vendor trickling bytes).
		return await requestWithinDeadline(
			full,
			full.timeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
			async () =>
				(await context.helpers.httpRequestWithAuthentication.call(
					context,
					vendor.credentialType,
					full,
				)) as unknown,
		);
	};
	try {
		return await call(request);
	} catch (error) {
		const operation = `List ${listName} (From List)`;
		const errorContext = { vendor: vendor.displayName, operation, itemIndex: 0 };
		const failure = httpFailureOf(error);
		const built =
			error instanceof AnswerFailure
				? toNodeApiError(
						context.getNode(),
						{ status: error.status, method: 'GET', unreadable: error.unreadable },
						error.unreadable
							? { ...errorContext, detail: error.vendorMessage }
							: { ...errorContext, vendorMessage: error.vendorMessage },
					)
				: error instanceof ListShapeError
					? toNodeApiError(
							context.getNode(),
							{ status: 200, method: 'GET', unreadable: 'unexpected' },
							{
								...errorContext,
								detail: `${error.message} The list is not shown, rather than shown short${
									error instanceof StatedTotalError
										? ': entries added or removed while it was read make it disagree with the count, so open the list again.'
										: '.'
								}`,
							},
						)
					: failure
						? toNodeApiError(
								context.getNode(),
								{ ...failure, method: 'GET' },
								{
									...errorContext,
									vendorMessage: vendor.errorMessage(failure.body, failure.status),
								},
							)
						: refusedRequestError(context.getNode(), error, errorContext);
		throw redactError(built, await secretsOfCredential(context, vendor));
	}
}
