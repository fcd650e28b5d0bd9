import type { INodeProperties } from 'n8n-workflow';
import { endpointIdLocator } from '../../shared/descriptions';

export const description = 'Get a SIP endpoint (legacy); its password is never returned';

export const fields: INodeProperties[] = [endpointIdLocator];
