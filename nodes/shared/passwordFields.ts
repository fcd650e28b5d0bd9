import type { IDataObject, IExecutePaginationFunctions, INodeProperties } from 'n8n-workflow';
import type { FieldSpec } from './fieldSpec';
import { passwordProblem } from './password';
import { refusedField } from './refused';
import type { VendorProfile } from './vendor';

type Routed = INodeProperties & { values?: INodeProperties[] };

/**
 * The label the user sees for each secret body field of the vendor (its password fields), read
 * from the properties that send it, so that Create, Update and any future operation share them.
 */
export function passwordFieldLabels(
	properties: readonly INodeProperties[],
	vendor: VendorProfile,
): Map<string, string> {
	const labels = new Map<string, string>();
	const visit = (entries: readonly Routed[] | undefined) => {
		for (const entry of entries ?? []) {
			const field = entry.routing?.send?.property;
			if (field && vendor.secretRequestFields.includes(field) && !labels.has(field))
				labels.set(field, entry.displayName);
			visit(entry.options as Routed[] | undefined);
			visit(entry.values);
		}
	};
	visit(properties as Routed[]);
	return labels;
}

/**
 * Every operation that sends a password applies the policy Rotate Password applies (length, no
 * line break, control character or character that breaks SIP URIs and provisioning files): the
 * vendor would otherwise store a password no phone can type. Never repeats the password.
 */
export function assertPasswordFields(
	context: IExecutePaginationFunctions,
	vendor: VendorProfile,
	labels: ReadonlyMap<string, string>,
	body: unknown,
	itemIndex: number,
): void {
	const { policy } = vendor.rotation;
	if (body === null || typeof body !== 'object') return;
	for (const field of vendor.secretRequestFields) {
		const value = (body as IDataObject)[field];
		if (typeof value !== 'string') continue;
		const problem = passwordProblem(value, policy);
		if (!problem) continue;
		const label = labels.get(field) ?? field;
		throw refusedField(context.getNode(), itemIndex, label, problem, {
			todo: `Fix "${label}" for item ${itemIndex}: ${vendor.displayName} would store it as sent, and a phone could not register with it.`,
			vendor: vendor.displayName,
		});
	}
}

/** The "Password" field of a write (a password-type text, never echoed), with its vendor's words and placement. */
export const passwordSpec = (description: string, more: Partial<FieldSpec> = {}): FieldSpec => ({
	displayName: 'Password',
	name: 'password',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description,
	...more,
});
