import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

/** A documented limit on a list field (the shared FieldRule checks single values only). */
export interface ListRule {
	field: string;
	label: string;
	minItems?: number;
	maxItems?: number;
	/** Values SignalWire documents for the entries. */
	oneOf?: readonly string[];
}

function listProblem(rule: ListRule, value: unknown): string | undefined {
	if (!Array.isArray(value)) return 'must be a list of values';
	if (rule.minItems !== undefined && value.length < rule.minItems) {
		return `needs at least ${rule.minItems} entr${rule.minItems === 1 ? 'y' : 'ies'}`;
	}
	if (rule.maxItems !== undefined && value.length > rule.maxItems) {
		return `may have at most ${rule.maxItems} entries; this one has ${value.length}`;
	}
	const unknown = rule.oneOf ? value.filter((entry) => !rule.oneOf!.includes(String(entry))) : [];
	if (unknown.length)
		return `has values SignalWire does not support (${unknown.join(', ')}); use ${rule.oneOf!.join(', ')}`;
	return undefined;
}

/** preSend: checks list fields of the JSON body before anything is sent, worded like validateBody. */
export function validateLists(rules: readonly ListRule[]) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ?? {}) as IDataObject;
		const itemIndex = this.getItemIndex();
		for (const rule of rules) {
			if (!(rule.field in body)) continue;
			const problem = listProblem(rule, body[rule.field]);
			if (!problem) continue;
			throw new NodeOperationError(
				this.getNode(),
				`"${rule.label}" ${problem} (item ${itemIndex})`,
				{
					itemIndex,
					description: `Fix "${rule.label}" for item ${itemIndex} and run again. Nothing was sent to the vendor.`,
				},
			);
		}
		return requestOptions;
	};
}

/**
 * preSend for creating a SIP address: SignalWire requires at least one IP/CIDR entry when IP
 * authentication is turned on. (On updates the address may already have entries, so only
 * SignalWire can tell.)
 */
export async function requireIpAuthWhenEnabled(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const entries = Array.isArray(body.ip_auth) ? body.ip_auth.length : 0;
	if (body.ip_auth_enabled === true && entries === 0) {
		const itemIndex = this.getItemIndex();
		throw new NodeOperationError(
			this.getNode(),
			`"IP Auth" needs at least one IP or CIDR entry when "IP Auth Enabled" is on (item ${itemIndex})`,
			{
				itemIndex,
				description: `Add an entry under "IP Auth" for item ${itemIndex}, or turn "IP Auth Enabled" off. Nothing was sent to the vendor.`,
			},
		);
	}
	return requestOptions;
}
