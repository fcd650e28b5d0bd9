import { vobizErrorMessage } from '../../nodes/Vobiz/shared/vendor';

// Each documented Vobiz error shape must yield Vobiz's own words for the NodeApiError description.
describe("vobizErrorMessage extracts Vobiz's own message from each documented error shape", () => {
	it("the endpoint pages' flat shape, with the field details", () => {
		expect(
			vobizErrorMessage({
				error: 'invalid request parameters',
				details: { password: 'Password must be at least 8 characters' },
			}),
		).toBe('invalid request parameters (password: Password must be at least 8 characters)');
	});

	it('the /errors page envelope, with its code and details', () => {
		expect(
			vobizErrorMessage({
				status: 'error',
				error: {
					code: 'INSUFFICIENT_BALANCE',
					message: 'Your balance is too low',
					details: { required: '1.00' },
				},
				timestamp: '2026-01-01T00:00:00Z',
				requestId: 'req_abc',
			}),
		).toBe('Your balance is too low [INSUFFICIENT_BALANCE] (required: 1.00)');
		expect(vobizErrorMessage({ status: 'error', error: { code: 'FORBIDDEN' } })).toBe('FORBIDDEN');
	});

	it("the Update Endpoint page's OpenAPI {api_id, error, message} shape, without the api_id noise", () => {
		expect(vobizErrorMessage({ api_id: 'x1', error: 'not found', message: 'No endpoint 42' })).toBe(
			'not found (No endpoint 42)',
		);
		expect(vobizErrorMessage({ api_id: 'x1', message: 'Something went wrong' })).toBe(
			'Something went wrong',
		);
	});

	it('nothing for an empty body (bare 404), the text itself for a non-JSON body', () => {
		expect(vobizErrorMessage('')).toBeUndefined();
		expect(vobizErrorMessage(undefined)).toBeUndefined();
		expect(vobizErrorMessage('Bad Gateway')).toBe('Bad Gateway');
	});
});
