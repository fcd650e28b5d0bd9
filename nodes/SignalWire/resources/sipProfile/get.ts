import type { INodeProperties } from 'n8n-workflow';

export const description =
	"Get the project's SIP profile: domain, default codecs, ciphers, encryption and caller number";

// The SIP profile is one per project: Get takes no parameters.
export const fields: INodeProperties[] = [];
