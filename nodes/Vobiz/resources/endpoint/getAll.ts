import type { INodeProperties, PreSendAction } from 'n8n-workflow';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { notRegisteredSinceField } from '../../../shared/registrationDescriptions';
import { vobizVendor } from '../../shared/vendor';
import { listFilterRules, listFilters, validateQuery } from '../../shared/descriptions';

export const description = 'List the SIP endpoints of the account';

export const fields: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection(
		listFilters,
		'Vobiz applies these filters before paging, so Limit counts matching endpoints only',
	),
	notRegisteredSinceField(vobizVendor.rotation, false),
];

export const checks: PreSendAction[] = [validateQuery(listFilterRules)];
