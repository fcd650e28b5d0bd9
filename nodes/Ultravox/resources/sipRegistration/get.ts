import type { INodeProperties } from 'n8n-workflow';
import { registrationIdLocator } from '../../shared/descriptions';

export const description = 'Get a SIP registration and whether it is active';

export const fields: INodeProperties[] = [registrationIdLocator];
