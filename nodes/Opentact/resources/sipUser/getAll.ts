import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { domainLocator } from '../../shared/descriptions';

const show = { resource: ['sipUser'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, [domainLocator]),
	...returnAllAndLimit(show),
];
