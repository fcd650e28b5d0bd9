import type { INodePropertyOptions } from 'n8n-workflow';

/** A value as the user picks it: the value sent, or the value sent and a description of its own. */
type Choice<Value extends string> = Value | readonly [Value, string];

/**
 * The type, options and default of a field of fixed values, written `{ 'Name shown': 'value sent' }`
 * (or `'value sent', 'its description'` in brackets) in the order the user sees them: a FieldSpec
 * entry spreads it (`...choices({ UDP: 'udp', TCP: 'tcp' }, 'udp')`) instead of writing an options
 * object per value.
 */
export function choices<Value extends string>(
	named: Record<string, Choice<Value>>,
	vendorDefault: Value,
) {
	const options: INodePropertyOptions[] = Object.entries(named).map(([name, choice]) =>
		typeof choice === 'string'
			? { name, value: choice }
			: { name, value: choice[0], description: choice[1] },
	);
	return { type: 'options' as const, options, default: vendorDefault };
}
