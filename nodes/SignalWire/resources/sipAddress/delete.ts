import type { INodeProperties } from 'n8n-workflow';
import { addressIdLocator } from '../../shared/descriptions';

// What a Delete stops is said in the operation's description, shown where the operation is picked.
export const description = 'Delete a SIP address; calls and registrations to it stop at once';

export const fields: INodeProperties[] = [addressIdLocator];
