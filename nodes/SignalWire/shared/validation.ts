import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { refusedField } from '../../shared/refused';

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
		throw refusedField(
			this.getNode(),
			itemIndex,
			'IP Auth',
			'needs at least one IP or CIDR entry when "IP Auth Enabled" is on',
			{
				todo: `Add an entry under "IP Auth" for item ${itemIndex}, or turn "IP Auth Enabled" off.`,
			},
		);
	}
	return requestOptions;
}
