import type { INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { fieldCollection, requiredFields } from '../../../shared/fieldSpec';
import { ENDPOINT_FIELDS } from '../../shared/descriptions';
import { vendorObjectResponse } from '../../../shared/output';
import { createdEndpoint } from '../../shared/output';
import { vobizVendor } from '../../shared/vendor';

export const description = 'Create a SIP endpoint (a SIP user for a phone or softphone)';

export const fields: INodeProperties[] = [
	...requiredFields(ENDPOINT_FIELDS),
	fieldCollection(ENDPOINT_FIELDS, 'create', {
		description: 'Only the fields you add here are sent; Vobiz applies its defaults to the others',
	}),
];

export const postReceive: PostReceiveAction[] = [
	vendorObjectResponse(vobizVendor),
	createdEndpoint,
];
