import type { INodeProperties } from 'n8n-workflow';
import { deletedResult, vendorObjectResponse } from '../../../shared/output';
import { fieldChecks } from '../../../shared/fieldSpec';
import { fillPath } from '../../../shared/validation';
import { ADDRESS_FIELDS, addressIdRule } from '../../shared/descriptions';
import { requireIpAuthWhenEnabled } from '../../shared/validation';
import { signalWireVendor } from '../../shared/vendor';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

const addressesUrl = '/api/fabric/sip_addresses';
const addressUrl = `${addressesUrl}/{addressId}`;
const objectResponse = { postReceive: [vendorObjectResponse(signalWireVendor)] };

export const sipAddressDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sipAddress'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a SIP address',
				description: 'Create a SIP address, optionally with a registration password',
				routing: {
					request: { method: 'POST', url: addressesUrl },
					send: {
						preSend: [
							fieldChecks(ADDRESS_FIELDS, 'create', signalWireVendor.displayName),
							requireIpAuthWhenEnabled,
						],
					},
					output: objectResponse,
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a SIP address',
				description: 'Delete a SIP address; calls and registrations to it stop at once',
				routing: {
					request: { method: 'DELETE', url: addressUrl },
					send: { preSend: [fillPath([addressIdRule])] },
					output: { postReceive: [deletedResult] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a SIP address',
				description: 'Get a SIP address; its password is never returned',
				routing: {
					request: { method: 'GET', url: addressUrl },
					send: { preSend: [fillPath([addressIdRule])] },
					output: objectResponse,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SIP addresses',
				description: 'List the SIP addresses of the project',
				routing: { request: { method: 'GET', url: addressesUrl } },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a SIP address',
				description: 'Change a SIP address, including its write-only registration password',
				routing: {
					request: { method: 'PATCH', url: addressUrl },
					send: {
						preSend: [
							fillPath([addressIdRule]),
							fieldChecks(ADDRESS_FIELDS, 'update', signalWireVendor.displayName),
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
];
