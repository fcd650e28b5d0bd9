import type { INodeProperties } from 'n8n-workflow';
import { addressIdLocator } from '../../shared/descriptions';

export const description = 'Get a SIP address; its password is never returned';

export const fields: INodeProperties[] = [addressIdLocator];
