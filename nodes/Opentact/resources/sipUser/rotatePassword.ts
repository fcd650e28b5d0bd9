import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
export const fields: INodeProperties[] = [domainLocator, userIdLocator];
