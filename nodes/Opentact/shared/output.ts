import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { AnswerFailure } from '../../shared/errors';
import { vendorObjectResponse } from '../../shared/output';
import { opentactVendor } from './vendor';

const checkedEnvelope = vendorObjectResponse(opentactVendor);

/**
 * postReceive for calls answering `{success: true, payload: ISIPUser}`: the envelope is checked
 * (`success: false`, empty or non-JSON answers fail) and stripped of digests, then the payload is
 * the output item.
 */
export async function sipUserPayload(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [envelope] = await checkedEnvelope.call(this, items, response);
	const payload = envelope?.json.payload;
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
		throw new AnswerFailure(
			this.getNode(),
			response.statusCode,
			'The answer carried no SIP user in "payload".',
			'unexpected',
		);
	}
	return [{ json: payload as INodeExecutionData['json'] }];
}

/** postReceive for Delete: the envelope must report success; the output is n8n's `{ deleted: true }`. */
export async function sipUserDeleted(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	await checkedEnvelope.call(this, items, response);
	return [{ json: { deleted: true } }];
}
