import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { vendorObjectResponse } from '../../shared/output';
import { vendorFieldNames } from './descriptions';
import { netSapiensVendor } from './vendor';

/**
 * postReceive after vendorObjectResponse for Create and Update. NetSapiens writes asynchronously
 * and answers `202 {code, message}` ("treated as a full success", async-202-vs-sync-200); that
 * answer names nothing, so the item says which device changed and which NetSapiens fields were
 * sent — their names only, never a password. A synchronous create (200) already returns the
 * device itself, which passes through (masked by the vendor profile).
 */
export function acceptedDeviceChange(fieldsCollection: 'additionalFields' | 'updateFields') {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		if (response.statusCode !== 202) return items;
		const answer = items[0]?.json ?? {};
		const set = this.getNodeParameter(fieldsCollection, {}) as IDataObject;
		const create = fieldsCollection === 'additionalFields';
		const fieldsSent = [
			...(create ? ['device'] : []),
			...vendorFieldNames(set),
			...(create ? ['synchronous'] : []),
		];
		return [
			{
				json: {
					accepted: true,
					status: response.statusCode,
					...(answer.code !== undefined ? { code: answer.code } : {}),
					...(answer.message !== undefined ? { message: answer.message } : {}),
					...addressedDevice(this),
					fieldsSent,
				},
			},
		];
	};
}

/** The device as the node addressed it: the Domain and User fields' values, "~" included (the key's own). */
function addressedDevice(context: IExecuteSingleFunctions): IDataObject {
	return {
		domain: context.getNodeParameter('domain', '~', { extractValue: true }),
		user: context.getNodeParameter('user', '~', { extractValue: true }),
		device: context.getNodeParameter('device', '', { extractValue: true }),
	};
}

/** postReceive for Delete: NetSapiens answers nothing, so the item says which device of which domain and user went. */
export async function deletedDevice(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { deleted: true, ...addressedDevice(this) } }];
}

const deviceObject = vendorObjectResponse(netSapiensVendor);

/**
 * postReceive for Create and Update. A 202 is NetSapiens' whole answer ("treated as a full success
 * with an immediate ability to use the new resources"): its `{code, message}` body names nothing, so
 * a 202 whose body is cut off or missing is still an accepted change, reported as such, instead of
 * an error that would make a user send an applied change again. Any other 2xx (a synchronous
 * create's 200) carries the device itself, which must be a JSON object.
 */
export function deviceChangeAnswer(fieldsCollection: 'additionalFields' | 'updateFields') {
	const accepted = acceptedDeviceChange(fieldsCollection);
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		if (response.statusCode === 202) {
			const body = response.body;
			const readable =
				typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body);
			return await accepted.call(this, [{ json: readable ? (body as IDataObject) : {} }], response);
		}
		return await accepted.call(this, await deviceObject.call(this, items, response), response);
	};
}
