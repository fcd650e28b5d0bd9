import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';

export const description = 'List the SIP addresses of the project';

export const fields: INodeProperties[] = returnAllAndLimit();
