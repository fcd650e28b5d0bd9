import type { INodeProperties } from 'n8n-workflow';

/** How the user picks one resource of a vendor: from its list (the node's picker), or by ID. */
export interface LocatorModes {
	/** The node's `methods.listSearch` method that lists the resources. */
	searchListMethod: string;
	/** What the list shows before a pick, e.g. "Select a SIP user...". */
	listPlaceholder: string;
	/** An example ID, e.g. "e.g. 87654321". */
	idPlaceholder: string;
	/** What the editor checks of a typed ID: a regular expression's source and the words when it fails. */
	idPattern?: { regex: string; errorMessage: string };
	/** The value before the user picks one (default: none; NetSapiens' domain and user: "~"). */
	defaultValue?: string;
}

/**
 * The type, default and modes of a resource-locator field ("From List" / "By ID"); the field
 * spreads it next to its own displayName, name and description.
 */
export function locatorModes(
	modes: LocatorModes,
): Pick<INodeProperties, 'type' | 'default' | 'modes'> {
	const { searchListMethod, listPlaceholder, idPlaceholder, idPattern } = modes;
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: modes.defaultValue ?? '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: listPlaceholder,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: idPlaceholder,
				...(idPattern ? { validation: [{ type: 'regex', properties: idPattern }] } : {}),
			},
		],
	};
}
