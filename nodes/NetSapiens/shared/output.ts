import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { vendorFieldNames } from './descriptions';

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
		const fieldsSent = [...(create ? ['device'] : []), ...vendorFieldNames(set), ...(create ? ['synchronous'] : [])];
		return [
			{
				json: {
					accepted: true,
					status: response.statusCode,
					code: answer.code,
					message: answer.message,
					domain: this.getNodeParameter('domain', '~', { extractValue: true }),
					user: this.getNodeParameter('user', '~', { extractValue: true }),
					device: this.getNodeParameter('device', '', { extractValue: true }),
					fieldsSent,
				},
			},
		];
	};
}
