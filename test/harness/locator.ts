/**
 * Resource-locator parameter values as n8n's editor stores them (`{ __rl: true, mode, value }`), for the node
 * parameters of a test workflow.
 */

/** By ID: what a user types or an expression gives. */
export const byId = (value: string) => ({ __rl: true as const, mode: 'id', value });

/** From the list: what the user picked in the editor's search list. */
export const fromList = (value: string) => ({ __rl: true as const, mode: 'list', value });
