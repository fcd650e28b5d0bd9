import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { answerFailureErrorOf } from './errors';
import { handlerOf, operationLabel } from './operationTable';
import { assertParameters, parameterValue } from './parameters';
import { assertPasswordFields, passwordFieldLabels } from './passwordFields';
import { guardPreSends, raiseDeferredError } from './preSendGuard';
import { redactError, redactValue, SecretMatcher, secretsOfCredential } from './redact';
import { errorContextOf, pathContext, secretsOf } from './sending';
import type { OperationTable } from './types';
import type { VendorProfile } from './vendor';

// The composition root of the request path: what the vendor nodes call. The layers it joins, one
// job a file: preSendGuard.ts (field checks raised here, paired), parameters.ts (every parameter
// checked before a request), operationTable.ts (dispatch), sending.ts (pacing, retries, error
// mapping), listing.ts (Get Many), passwordOperations.ts (rotation), redact.ts (no secret out).

export { DEFAULT_MAX_RETRY_TIME_SECONDS } from './sending';
export { operationLabel } from './operationTable';

/**
 * The one path every request of every vendor node takes. n8n's declarative routing lets a node
 * wrap the act of sending only through its pagination hook, so that is where this lives: every
 * item's parameters are checked first, then the operation runs, through the node's operation table
 * (`operations`: lists, password operations) or as n8n routed it, each request paced per
 * credential and retried within bounds (sending.ts); every failure becomes a NodeApiError that
 * names the operation, the status and the vendor's own message, paired with its item.
 */
export function createRequestPath(
	vendor: VendorProfile,
	properties: INodeProperties[],
	operations: OperationTable = {},
) {
	guardPreSends(properties);
	const passwordLabels = passwordFieldLabels(properties, vendor);
	return async function sendThroughRequestPath(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const resource = parameterValue(this, 'resource', '') as string;
		const operationValue = parameterValue(this, 'operation', '') as string;
		const path = pathContext(this, vendor, operationLabel(properties, resource, operationValue));
		const handler = handlerOf(operations, resource, operationValue);
		// n8n cannot infer which input an output belongs to when one input yields several outputs
		// (a list); every item is paired with the input item it answers.
		// Whatever a vendor echoes in a successful answer, no secret of the credential reaches an output
		// (the password an operation hands on, in newPassword / pendingPassword, is kept).
		const paired = async (items: INodeExecutionData[]) => {
			const secrets = await secretsOfCredential(this, vendor);
			const matcher = secrets.length ? new SecretMatcher(secrets) : undefined;
			return items.map((item) => ({
				...item,
				json: matcher ? (redactValue(item.json, matcher) as IDataObject) : item.json,
				pairedItem: { item: path.itemIndex },
			}));
		};

		try {
			assertParameters(this, properties, path.itemIndex);
			raiseDeferredError(requestData.options);
			if (handler) return await paired(await handler.run(path, requestData));
			assertPasswordFields(this, vendor, passwordLabels, requestData.options.body, path.itemIndex);
			return await paired(
				await path.send(
					requestData.options as IHttpRequestOptions,
					async () => await this.makeRoutingRequest(requestData),
				),
			);
		} catch (thrown) {
			// An answer read outside the sender (a read-back) that could not be used: the operation's words.
			const error =
				answerFailureErrorOf(this.getNode(), thrown, errorContextOf(path), 'GET') ?? thrown;
			// The one exit of every error of the node: whatever the vendor echoed, no secret of the
			// credential, the session or the request leaves it.
			redactError(error, [
				...(await secretsOfCredential(this, vendor)),
				...secretsOf((requestData.options ?? {}) as IHttpRequestOptions, vendor),
			]);
			if (handler?.settle) return await paired([handler.settle(path, error)]);
			// With Continue On Fail, n8n would emit this item's error unpaired; a list run with some
			// failed items then loses track of them. The error item is emitted here, paired.
			if (!this.continueOnFail())
				throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: path.itemIndex });
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: path.itemIndex });
			return [{ json: {}, error: nodeError, pairedItem: { item: path.itemIndex } }];
		}
	};
}
