import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS, endpointIdLocator, lockedFieldsHelp } from '../../shared/descriptions';
import { updateAccepted } from '../../shared/output';

export const description =
	'Change the password, alias, application or voice, message and video permissions';

export const fields: INodeProperties[] = [
	endpointIdLocator,
	fieldCollection(ENDPOINT_FIELDS, 'update', { description: lockedFieldsHelp }),
];

export const postReceive: PostReceiveAction[] = [updateAccepted];
