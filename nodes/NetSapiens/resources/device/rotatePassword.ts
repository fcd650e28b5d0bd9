import type { INodeProperties } from 'n8n-workflow';
import { deviceLocators } from './locators';

// The password policy and verification fields are shared by every vendor (rotationDescriptions.ts).
export const fields: INodeProperties[] = deviceLocators;
