import type { IExecutePaginationFunctions } from 'n8n-workflow';
import { extractedValue, parameterValue } from '../../nodes/shared/parameters';
import { fillPath } from '../../nodes/shared/validation';

/**
 * parameterValue reads what n8n's getNodeParameter would return, asking n8n to resolve an
 * expression once per item (each resolution is a trip to n8n's expression sandbox, the largest
 * cost per item in a real n8n: docs/performance.md). A fake context stands for n8n's, counting the
 * resolutions it is asked for.
 */
function itemContext(stored: Record<string, unknown>, resolved: Record<string, unknown>) {
	const resolutions: string[] = [];
	const context = {
		getItemIndex: () => 0,
		getNode: () => ({ name: 'Ultravox' }),
		getNodeParameter(
			name: string,
			fallback: unknown,
			options?: { rawExpressions?: boolean; extractValue?: boolean },
		) {
			if (!(name in stored)) return fallback;
			if (options?.rawExpressions) return stored[name];
			resolutions.push(name);
			const value = resolved[name] as { __rl?: boolean; value?: unknown };
			return options?.extractValue && value?.__rl ? value.value : value;
		},
	} as unknown as IExecutePaginationFunctions;
	return { context, resolutions };
}

const locator = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

describe('parameterValue', () => {
	it('resolves an expression once per item, every read giving its own copy of the value', () => {
		const { context, resolutions } = itemContext(
			{ registrationId: locator },
			{ registrationId: { __rl: true, mode: 'id', value: 'reg-1' } },
		);
		const first = parameterValue(context, 'registrationId', '') as { value: string };
		first.value = 'changed by a caller';
		expect(parameterValue(context, 'registrationId', '')).toEqual({
			__rl: true,
			mode: 'id',
			value: 'reg-1',
		});
		expect(extractedValue(context, 'registrationId', '')).toBe('reg-1');
		expect(resolutions).toEqual(['registrationId']);
	});

	it("fills a URL from the item's resolution its parameter checks read too, not from one of its own", async () => {
		const { context, resolutions } = itemContext(
			{ registrationId: locator },
			{ registrationId: { __rl: true, mode: 'id', value: 'reg/1' } },
		);
		const fill = fillPath([{ field: 'registrationId', label: 'Registration ID', required: true }]);
		const request = await fill.call(context as never, {
			url: '/api/sip/registrations/{registrationId}',
		});
		expect(request.url).toBe('/api/sip/registrations/reg%2F1');
		expect(extractedValue(context, 'registrationId', '')).toBe('reg/1');
		expect(resolutions).toEqual(['registrationId']);
	});

	it('hands on a Date an expression returned as a Date, on every read', () => {
		const { context } = itemContext({ when: '={{ new Date(0) }}' }, { when: new Date(0) });
		expect(parameterValue(context, 'when', '')).toEqual(new Date(0));
		expect(parameterValue(context, 'when', '')).toEqual(new Date(0));
	});

	it("resolves each item's expression for that item", () => {
		const items = ['reg-1', 'reg-2'].map((id) =>
			itemContext({ registrationId: locator }, { registrationId: { ...locator, value: id } }),
		);
		expect(items.map(({ context }) => extractedValue(context, 'registrationId', ''))).toEqual([
			'reg-1',
			'reg-2',
		]);
		expect(items.map(({ resolutions }) => resolutions)).toEqual([
			['registrationId'],
			['registrationId'],
		]);
	});

	it('reads a value without an expression as stored, never resolving it; a missing one is its fallback', () => {
		const { context, resolutions } = itemContext({ passwordLength: 24, id: 'plain' }, {});
		expect(parameterValue(context, 'passwordLength', 32)).toBe(24);
		expect(extractedValue(context, 'id', '')).toBe('plain');
		expect(parameterValue(context, 'absent', 'fallback')).toBe('fallback');
		expect(resolutions).toEqual([]);
	});
});
