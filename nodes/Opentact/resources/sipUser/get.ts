import type { INodeProperties } from 'n8n-workflow';
import { domainLocator, userIdLocator } from '../../shared/descriptions';

export const description = 'Get a SIP user and whether it is online';

export const fields: INodeProperties[] = [domainLocator, userIdLocator];
