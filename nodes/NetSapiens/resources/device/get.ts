import type { INodeProperties } from 'n8n-workflow';
import { outputSecretsOption } from '../../shared/descriptions';
import { deviceLocators } from './locators';

export const description = 'Get a device with its settings and registration state';

export const fields: INodeProperties[] = [...deviceLocators, outputSecretsOption];
