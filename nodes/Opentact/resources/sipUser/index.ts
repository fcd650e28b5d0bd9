import type { INodeProperties } from 'n8n-workflow';
import {
	generatePasswordOption,
	passwordOperationFields,
	rotatePasswordOption,
} from '../../../shared/rotationDescriptions';
import { fieldChecks } from '../../../shared/fieldSpec';
import { fillPath } from '../../../shared/validation';
import { domainRule, SIP_USER_FIELDS, userIdRule } from '../../shared/descriptions';
import { sipUserDeleted, sipUserPayload } from '../../shared/output';
import { opentactVendor } from '../../shared/vendor';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rotatePassword from './rotatePassword';
import * as update from './update';

const domainUsersUrl = '/sip/domain/{domain}/user';
const sipUserUrl = '/sip/domain/{domain}/user/{userId}';

export const sipUserDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sipUser'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a SIP user',
				description: 'Create a SIP user in a SIP domain',
				routing: {
					request: { method: 'POST', url: domainUsersUrl },
					send: {
						preSend: [
							fillPath([domainRule]),
							fieldChecks(SIP_USER_FIELDS, 'create', opentactVendor.displayName),
						],
					},
					output: { postReceive: [sipUserPayload] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a SIP user',
				description: 'Delete a SIP user from its SIP domain',
				routing: {
					request: { method: 'DELETE', url: sipUserUrl },
					send: { preSend: [fillPath([domainRule, userIdRule])] },
					output: { postReceive: [sipUserDeleted] },
				},
			},
			// Spread into a literal: n8n's lint rules read each option as an object literal.
			{ ...generatePasswordOption(opentactVendor.rotation!) },
			{
				name: 'Get',
				value: 'get',
				action: 'Get a SIP user',
				description: 'Get a SIP user and whether it is online',
				routing: {
					request: { method: 'GET', url: sipUserUrl },
					send: { preSend: [fillPath([domainRule, userIdRule])] },
					output: { postReceive: [sipUserPayload] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SIP users',
				description: 'List the SIP users of a SIP domain',
				routing: {
					request: { method: 'GET', url: domainUsersUrl },
					send: { preSend: [fillPath([domainRule])] },
				},
			},
			{
				...rotatePasswordOption(opentactVendor.rotation!, {
					method: 'PATCH',
					url: sipUserUrl,
					preSend: [fillPath([domainRule, userIdRule])],
				}),
			},
			{
				name: 'Update',
				value: 'update',
				// n8n's name for it; the description keeps Opentact's own ("Modify SIP User") so users find it by either word.
				action: 'Update a SIP user',
				description:
					"Change a SIP user's password, profile, active state or number lease (Opentact: Modify SIP User)",
				routing: {
					request: { method: 'PATCH', url: sipUserUrl },
					send: {
						preSend: [
							fillPath([domainRule, userIdRule]),
							fieldChecks(SIP_USER_FIELDS, 'update', opentactVendor.displayName),
						],
					},
					output: { postReceive: [sipUserPayload] },
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
	...passwordOperationFields(opentactVendor.rotation!, false),
];
