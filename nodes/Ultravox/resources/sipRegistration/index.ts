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
import { REGISTRATION_FIELDS, registrationIdRule } from '../../shared/descriptions';
import { ultravoxVendor } from '../../shared/vendor';
import * as checkRegistration from './checkRegistration';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

const registrationUrl = '/api/sip/registrations/{registrationId}';
const objectResponse = { postReceive: [vendorObjectResponse(ultravoxVendor)] };

export const sipRegistrationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sipRegistration'] } },
		options: [
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{
				...checkRegistrationOption(ultravoxVendor.rotation!, {
					url: registrationUrl,
					preSend: [fillPath([registrationIdRule])],
				}),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a SIP registration',
				description: 'Register Ultravox with your PBX as a SIP user',
				routing: {
					request: { method: 'POST', url: '/api/sip/registrations' },
					send: {
						preSend: [fieldChecks(REGISTRATION_FIELDS, 'create', ultravoxVendor.displayName)],
					},
					output: objectResponse,
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a SIP registration',
				description: 'Delete a SIP registration',
				routing: {
					request: { method: 'DELETE', url: registrationUrl },
					send: { preSend: [fillPath([registrationIdRule])] },
					output: { postReceive: [deletedResult] },
				},
			},
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{ ...generatePasswordOption(ultravoxVendor.rotation!) },
			{
				name: 'Get',
				value: 'get',
				action: 'Get a SIP registration',
				description: 'Get a SIP registration and whether it is active',
				routing: {
					request: { method: 'GET', url: registrationUrl },
					send: { preSend: [fillPath([registrationIdRule])] },
					output: objectResponse,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SIP registrations',
				description: 'List the SIP registrations of the account',
				routing: { request: { method: 'GET', url: '/api/sip/registrations' } },
			},
			{
				...rotatePasswordOption(ultravoxVendor.rotation!, {
					method: 'PATCH',
					url: registrationUrl,
					preSend: [fillPath([registrationIdRule])],
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a SIP registration',
				description:
					'Change the username, password, proxy, outbound proxy or auth user of a registration',
				routing: {
					request: { method: 'PATCH', url: registrationUrl },
					send: {
						preSend: [
							fillPath([registrationIdRule]),
							fieldChecks(REGISTRATION_FIELDS, 'update', ultravoxVendor.displayName),
						],
					},
					output: objectResponse,
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
	...passwordOperationFields(ultravoxVendor.rotation!, true),
];
