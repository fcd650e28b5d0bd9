import type { INodeProperties } from 'n8n-workflow';
import { deviceLocator, domainLocator, userLocator } from '../../shared/descriptions';

// NetSapiens addresses a device by domain, user and device: the pickers of each level, in that order.

/** The pickers that name a user (whose devices Create adds to). */
export const userLocators: INodeProperties[] = [domainLocator, userLocator];

/** The pickers that name one device. */
export const deviceLocators: INodeProperties[] = [...userLocators, deviceLocator];
