import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { resourceDescription } from '../../../shared/resourceOperations';
import { fillPath } from '../../../shared/validation';
import { DEVICE_FIELDS, deviceRule, domainRule, userRule } from '../../shared/descriptions';
import { netSapiensVendor } from '../../shared/vendor';
import * as checkRegistration from './checkRegistration';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

const userDevicesUrl = '/domains/{domain}/users/{user}/devices';
const domainDevicesUrl = '/domains/{domain}/devices';

const fillUserPath = fillPath([domainRule, userRule]);
const fillDomainPath = fillPath([domainRule]);

/** Get Many lists one user's devices or the whole domain's; the user is only asked for the first. */
async function fillListPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const wholeDomain = this.getNodeParameter('listScope', 'user') === 'domain';
	if (!wholeDomain) return await fillUserPath.call(this, requestOptions);
	requestOptions.url = domainDevicesUrl;
	return await fillDomainPath.call(this, requestOptions);
}

export const deviceDescription: INodeProperties[] = resourceDescription({
	vendor: netSapiensVendor,
	resource: 'device',
	noun: 'device',
	collection: { url: userDevicesUrl, preSend: [fillUserPath] },
	list: { url: userDevicesUrl, preSend: [fillListPath] },
	item: {
		url: `${userDevicesUrl}/{device}`,
		preSend: [fillPath([domainRule, userRule, deviceRule])],
	},
	fields: DEVICE_FIELDS,
	updateMethod: 'PUT',
	operations: { checkRegistration, create, delete: del, get, getAll, rotatePassword, update },
});
