import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
const properties: INodeProperties[] = [domainLocator, userIdLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['sipUser'], operation: ['rotatePassword'] } },
	properties,
);
