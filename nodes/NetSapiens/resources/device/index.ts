import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { vendorObjectResponse } from '../../../shared/output';
import {
	generatePasswordOption,
	passwordOperationFields,
	rotatePasswordOption,
} from '../../../shared/rotationDescriptions';
import { checkRegistrationOption } from '../../../shared/registrationDescriptions';
import { fieldChecks } from '../../../shared/fieldSpec';
import { fillPath } from '../../../shared/validation';
import { DEVICE_FIELDS, deviceRule, domainRule, userRule } from '../../shared/descriptions';
import { deletedDevice, deviceChangeAnswer } from '../../shared/output';
import { netSapiensVendor } from '../../shared/vendor';
import * as checkRegistration from './checkRegistration';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

const userDevicesUrl = '/domains/{domain}/users/{user}/devices';
const deviceUrl = `${userDevicesUrl}/{device}`;
const domainDevicesUrl = '/domains/{domain}/devices';

const fillUserPath = fillPath([domainRule, userRule]);
const fillDomainPath = fillPath([domainRule]);
const fillDevicePath = fillPath([domainRule, userRule, deviceRule]);

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

export const deviceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['device'] } },
		options: [
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{
				...checkRegistrationOption(netSapiensVendor.rotation!, {
					url: deviceUrl,
					preSend: [fillDevicePath],
				}),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a device',
				description: 'Add a device (a SIP registration) to a user',
				routing: {
					request: { method: 'POST', url: userDevicesUrl },
					send: {
						preSend: [
							fillUserPath,
							fieldChecks(DEVICE_FIELDS, 'create', netSapiensVendor.displayName),
						],
					},
					output: { postReceive: [deviceChangeAnswer('additionalFields')] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a device',
				description: 'Remove a device from a user',
				routing: {
					request: { method: 'DELETE', url: deviceUrl },
					send: { preSend: [fillDevicePath] },
					output: { postReceive: [deletedDevice] },
				},
			},
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{ ...generatePasswordOption(netSapiensVendor.rotation!) },
			{
				name: 'Get',
				value: 'get',
				action: 'Get a device',
				description: 'Get a device with its settings and registration state',
				routing: {
					request: { method: 'GET', url: deviceUrl },
					send: { preSend: [fillDevicePath] },
					output: { postReceive: [vendorObjectResponse(netSapiensVendor)] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many devices',
				description: 'List the devices of a user or of a whole domain',
				routing: {
					request: { method: 'GET', url: userDevicesUrl },
					send: { preSend: [fillListPath] },
				},
			},
			{
				...rotatePasswordOption(netSapiensVendor.rotation!, {
					method: 'PUT',
					url: deviceUrl,
					preSend: [fillDevicePath],
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a device',
				description:
					'Change device settings such as the SIP registration password; only the fields you set are sent',
				routing: {
					request: { method: 'PUT', url: deviceUrl },
					send: {
						preSend: [
							fillDevicePath,
							fieldChecks(DEVICE_FIELDS, 'update', netSapiensVendor.displayName),
						],
					},
					output: { postReceive: [deviceChangeAnswer('updateFields')] },
				},
			},
		],
		default: 'getAll',
	},
	...checkRegistration.description,
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
	...rotatePassword.description,
	...passwordOperationFields(netSapiensVendor.rotation!, true),
];
