import type { INodeProperties } from 'n8n-workflow';
import { deletedResult, vendorObjectResponse } from '../../../shared/output';
import {
	generatePasswordOption,
	passwordOperationFields,
	rotatePasswordOption,
} from '../../../shared/rotationDescriptions';
import { checkRegistrationOption } from '../../../shared/registrationDescriptions';
import { fieldChecks } from '../../../shared/fieldSpec';
import { fillPath } from '../../../shared/validation';
import {
	ENDPOINT_FIELDS,
	endpointIdRule,
	listFilterRules,
	validateAuthIdForPath,
	validateQuery,
} from '../../shared/descriptions';
import { createdEndpoint, updateAccepted } from '../../shared/output';
import { vobizVendor } from '../../shared/vendor';
import * as checkRegistration from './checkRegistration';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

// Vobiz compares paths exactly: capital "Account" and "Endpoint", and the trailing slash.
const endpointsUrl = '/api/v1/Account/{authId}/Endpoint/';
const endpointUrl = '/api/v1/Account/{authId}/Endpoint/{endpointId}/';
const authIdFromCredential = { type: 'vobizSipApi', fields: ['authId'] };
const checkEndpointsPath = [validateAuthIdForPath, fillPath([], authIdFromCredential)];
const checkEndpointPath = [validateAuthIdForPath, fillPath([endpointIdRule], authIdFromCredential)];

export const endpointDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['endpoint'] } },
		options: [
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{
				...checkRegistrationOption(vobizVendor.rotation!, {
					url: endpointUrl,
					preSend: checkEndpointPath,
				}),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an endpoint',
				description: 'Create a SIP endpoint (a SIP user for a phone or softphone)',
				routing: {
					request: { method: 'POST', url: endpointsUrl },
					send: {
						preSend: [
							...checkEndpointsPath,
							fieldChecks(ENDPOINT_FIELDS, 'create', vobizVendor.displayName),
						],
					},
					output: { postReceive: [vendorObjectResponse(vobizVendor), createdEndpoint] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an endpoint',
				description: 'Delete a SIP endpoint; its devices are disconnected at once',
				routing: {
					request: { method: 'DELETE', url: endpointUrl },
					send: { preSend: checkEndpointPath },
					output: { postReceive: [deletedResult] },
				},
			},
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{ ...generatePasswordOption(vobizVendor.rotation!) },
			{
				name: 'Get',
				value: 'get',
				action: 'Get an endpoint',
				description: 'Get a SIP endpoint and whether a device is registered with it',
				routing: {
					request: { method: 'GET', url: endpointUrl },
					send: { preSend: checkEndpointPath },
					output: { postReceive: [vendorObjectResponse(vobizVendor)] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many endpoints',
				description: 'List the SIP endpoints of the account',
				routing: {
					request: { method: 'GET', url: endpointsUrl },
					send: { preSend: [...checkEndpointsPath, validateQuery(listFilterRules)] },
				},
			},
			{
				...rotatePasswordOption(vobizVendor.rotation!, {
					method: 'POST',
					url: endpointUrl,
					preSend: checkEndpointPath,
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an endpoint',
				description:
					'Change the password, alias, application or voice, message and video permissions',
				routing: {
					request: { method: 'POST', url: endpointUrl },
					send: {
						preSend: [
							...checkEndpointPath,
							fieldChecks(ENDPOINT_FIELDS, 'update', vobizVendor.displayName),
						],
					},
					output: { postReceive: [updateAccepted] },
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
	...passwordOperationFields(vobizVendor.rotation!, true),
];
