import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { AnswerFailure } from '../../shared/errors';
import { updateFieldNames } from './descriptions';

/**
 * postReceive for Update: Vobiz answers `202 Accepted` with no body, which the shared
 * vendorObjectResponse rightly refuses. The item says the change was accepted and which Vobiz
 * fields were sent — their names only, so the password never reaches the output.
 */
export async function updateAccepted(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const endpointId = String(this.getNodeParameter('endpointId', '', { extractValue: true }));
	const set = this.getNodeParameter('updateFields', {}) as IDataObject;
	const fieldsSent = Object.keys(set)
		.map((name) => updateFieldNames[name])
		.filter((name): name is string => name !== undefined);
	return [{ json: { accepted: true, status: response.statusCode, endpointId, fieldsSent } }];
}

/**
 * postReceive for Create, after vendorObjectResponse. Vobiz has documented two answers:
 * `{alias, endpoint_id, username}` (current docs and SDK) and `201 {api_id, message: "created",
 * endpoint_id, sip_uri, resource_uri}` (older docs). Both become one item that always carries
 * endpoint_id, username and alias; an answer without an endpoint_id cannot be used and fails.
 */
export async function createdEndpoint(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const answer = item.json;
		if (
			answer.endpoint_id === undefined ||
			answer.endpoint_id === null ||
			answer.endpoint_id === ''
		) {
			throw new AnswerFailure(
				this.getNode(),
				response.statusCode,
				'The endpoint may have been created, but the answer carried no endpoint_id. Look it up with Get Many (filter by username) before creating it again.',
				'unexpected',
			);
		}
		return {
			json: {
				...answer,
				username: answer.username ?? this.getNodeParameter('username', ''),
				alias: answer.alias ?? this.getNodeParameter('alias', ''),
			},
		};
	});
}
