import type { INodeProperties } from 'n8n-workflow';

// The SIP profile is one per project: Get takes no parameters.
export const description: INodeProperties[] = [];
