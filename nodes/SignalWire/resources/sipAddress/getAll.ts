import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';

export const description: INodeProperties[] = returnAllAndLimit({
	resource: ['sipAddress'],
	operation: ['getAll'],
});
