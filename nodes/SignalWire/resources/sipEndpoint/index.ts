import type { INodeProperties } from 'n8n-workflow';
import { deletedResult, vendorObjectResponse } from '../../../shared/output';
import {
	generatePasswordOption,
	passwordOperationFields,
	rotatePasswordOption,
} from '../../../shared/rotationDescriptions';
import { fieldChecks } from '../../../shared/fieldSpec';
import { fillPath } from '../../../shared/validation';
import { ENDPOINT_FIELDS, LEGACY_ENDPOINT_NOTE, endpointIdRule } from '../../shared/descriptions';
import { signalWireVendor } from '../../shared/vendor';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

const endpointsUrl = '/api/relay/rest/endpoints/sip';
const endpointUrl = `${endpointsUrl}/{endpointId}`;
const objectResponse = { postReceive: [vendorObjectResponse(signalWireVendor)] };

export const sipEndpointDescription: INodeProperties[] = [
	{
		displayName: LEGACY_ENDPOINT_NOTE,
		name: 'legacyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['sipEndpoint'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sipEndpoint'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a SIP endpoint',
				description:
					'Create a SIP endpoint (legacy) with a username and password devices register with',
				routing: {
					request: { method: 'POST', url: endpointsUrl },
					send: {
						preSend: [fieldChecks(ENDPOINT_FIELDS, 'create', signalWireVendor.displayName)],
					},
					output: objectResponse,
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a SIP endpoint',
				description: 'Delete a SIP endpoint (legacy) permanently',
				routing: {
					request: { method: 'DELETE', url: endpointUrl },
					send: { preSend: [fillPath([endpointIdRule])] },
					output: { postReceive: [deletedResult] },
				},
			},
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{ ...generatePasswordOption(signalWireVendor.rotation!) },
			{
				name: 'Get',
				value: 'get',
				action: 'Get a SIP endpoint',
				description: 'Get a SIP endpoint (legacy); its password is never returned',
				routing: {
					request: { method: 'GET', url: endpointUrl },
					send: { preSend: [fillPath([endpointIdRule])] },
					output: objectResponse,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SIP endpoints',
				description:
					'List the SIP endpoints (legacy) of the project, optionally filtered by username or caller ID',
				routing: { request: { method: 'GET', url: endpointsUrl } },
			},
			{
				...rotatePasswordOption(signalWireVendor.rotation!, {
					method: 'PUT',
					url: endpointUrl,
					preSend: [fillPath([endpointIdRule])],
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a SIP endpoint',
				description: 'Change a SIP endpoint (legacy), including its password',
				routing: {
					request: { method: 'PUT', url: endpointUrl },
					send: {
						preSend: [
							fillPath([endpointIdRule]),
							fieldChecks(ENDPOINT_FIELDS, 'update', signalWireVendor.displayName),
						],
					},
					output: objectResponse,
				},
			},
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
	...rotatePassword.description,
	...passwordOperationFields(signalWireVendor.rotation!, false),
];
