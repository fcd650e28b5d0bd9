import type { INodeProperties } from 'n8n-workflow';
import { vendorObjectResponse } from '../../../shared/output';
import { fieldChecks } from '../../../shared/fieldSpec';
import { PROFILE_FIELDS } from '../../shared/descriptions';
import { signalWireVendor } from '../../shared/vendor';
import * as get from './get';
import * as update from './update';

const profileUrl = '/api/relay/rest/sip_profile';
const objectResponse = { postReceive: [vendorObjectResponse(signalWireVendor)] };

export const sipProfileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sipProfile'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the SIP profile',
				description:
					"Get the project's SIP profile: domain, default codecs, ciphers, encryption and caller number",
				routing: {
					request: { method: 'GET', url: profileUrl },
					output: objectResponse,
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update the SIP profile',
				description: 'Change the defaults SIP endpoints of the project inherit',
				routing: {
					// SignalWire answers this PUT with 201 and the whole profile.
					request: { method: 'PUT', url: profileUrl },
					send: {
						preSend: [fieldChecks(PROFILE_FIELDS, 'update', signalWireVendor.displayName)],
					},
					output: objectResponse,
				},
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
