import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { deviceLocator, domainLocator, userLocator } from '../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
const properties: INodeProperties[] = [domainLocator, userLocator, deviceLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['rotatePassword'] } },
	properties,
);
