import { applyOutcomeOf } from '../../nodes/shared/applyOutcome';

// The one rule every vendor's Rotate Password uses (docs/rotation.md, "When the apply fails"). The engine suite
// (suite.ts) proves the faults the sandbox can inject; this table covers the rest of the rule.
describe('what a failed apply says about the password', () => {
	it.each([
		[{ status: 200 }, 'applied'],
		[{ status: 202 }, 'applied'],
		[{ status: 400 }, 'refused'],
		[{ status: 422 }, 'refused'],
		[{ status: 401 }, 'notApplied'],
		[{ status: 403 }, 'notApplied'],
		[{ status: 404 }, 'notApplied'],
		[{ status: 409 }, 'notApplied'],
		[{ status: 429 }, 'notApplied'],
		[{ status: 301 }, 'unknown'],
		[{ status: 302 }, 'unknown'],
		[{ status: 500 }, 'unknown'],
		[{ status: 503 }, 'unknown'],
		[{ networkCode: 'ECONNREFUSED' }, 'notApplied'],
		[{ networkCode: 'ENOTFOUND' }, 'notApplied'],
		[{ networkCode: 'EAI_AGAIN' }, 'notApplied'],
		[{ networkCode: 'ECONNRESET' }, 'unknown'],
		[{ networkCode: 'EPIPE' }, 'unknown'],
		[{ networkCode: 'ETIMEDOUT' }, 'unknown'],
		[{ networkCode: 'ECONNABORTED' }, 'unknown'],
		[{}, 'unknown'],
	] as const)('%j → %s', (failure, outcome) => {
		expect(applyOutcomeOf(failure)).toBe(outcome);
	});
});
