import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { AnswerFailure, httpFailureOf, refusedRequestError, toNodeApiError } from './errors';
import { ListShapeError } from './paging';
import { redactError, secretsOfCredential } from './redact';
import type { VendorProfile } from './vendor';

/**
 * One call of a "From List" picker: its request and the reading of the answer. Whatever fails
 * becomes the picker's own error, worded like the node's (what happened, what to do), with the
 * vendor's words but never a secret of the credential; an answer that is not the vendor's list is
 * an error too, so a picker never shows a short list as if it were whole.
 */
export async function pickerCall<T>(
	context: ILoadOptionsFunctions,
	vendor: VendorProfile,
	listName: string,
	call: () => Promise<T>,
): Promise<T> {
	try {
		return await call();
	} catch (error) {
		const operation = `List ${listName} (From List)`;
		const errorContext = { vendor: vendor.displayName, operation, itemIndex: 0 };
		const failure = httpFailureOf(error);
		const built =
			error instanceof AnswerFailure
				? toNodeApiError(
						context.getNode(),
						{ status: error.status, method: 'GET', unreadable: error.unreadable },
						error.unreadable ? { ...errorContext, detail: error.vendorMessage } : { ...errorContext, vendorMessage: error.vendorMessage },
					)
				: error instanceof ListShapeError
				? toNodeApiError(
						context.getNode(),
						{ status: 200, method: 'GET', unreadable: 'unexpected' },
						{ ...errorContext, detail: `${error.message} The list is not shown, rather than shown short.` },
					)
				: failure
					? toNodeApiError(
							context.getNode(),
							{ ...failure, method: 'GET' },
							{ ...errorContext, vendorMessage: vendor.errorMessage(failure.body, failure.status) },
						)
					: refusedRequestError(context.getNode(), error, errorContext);
		throw redactError(built, await secretsOfCredential(context, vendor));
	}
}
