import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { domainLocator } from '../../shared/descriptions';

export const description = 'List the SIP users of a SIP domain';

export const fields: INodeProperties[] = [domainLocator, ...returnAllAndLimit()];
