import type { INodeProperties } from 'n8n-workflow';
import { fieldCollection } from '../../../shared/fieldSpec';
import { domainLocator, SIP_USER_FIELDS, userIdLocator } from '../../shared/descriptions';

// n8n's name for it is the action ("Update a SIP user"); the description keeps Opentact's own
// ("Modify SIP User") so users find it by either word.
export const description =
	"Change a SIP user's password, profile, active state or number lease (Opentact: Modify SIP User)";

export const fields: INodeProperties[] = [
	domainLocator,
	userIdLocator,
	fieldCollection(SIP_USER_FIELDS, 'update'),
];
