import type { ContractViolation } from '../../core/contract';
import type { SandboxResponse } from '../../core/types';

/**
 * SignalWire's error answers. The two API families word a 422 differently: the relay REST API (Rails) answers
 * `{"errors":[{"detail","status","title","code"}]}`, Fabric `{"errors":[{"type","code","message","attribute","url"}]}`.
 */

export type Family = 'relay' | 'fabric';

export interface FabricError {
	code: string;
	message: string;
	attribute: string | null;
}

export const simple = (status: number, error: string): SandboxResponse => ({
	status,
	body: { error },
});
export const notFound = () => simple(404, 'Not Found');
export const unauthorized = () => simple(401, 'Unauthorized');

/** Rails' humanize, which the relay API's messages ("Label can't be blank") are built with. */
export function humanize(field: string): string {
	const words = field.replace(/_id$/, '').replace(/_/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The relay REST 422: `{"errors":[{"detail","status","title","code"}]}`. */
export function relayInvalid(details: string[]): SandboxResponse {
	return {
		status: 422,
		body: {
			errors: details.map((detail) => ({
				detail,
				status: '422',
				title: 'Invalid Attribute',
				code: '422',
			})),
		},
	};
}

/** The Fabric 422: `{"errors":[{"type","code","message","attribute","url"}]}`. */
export function fabricInvalid(errors: FabricError[]): SandboxResponse {
	return {
		status: 422,
		body: {
			errors: errors.map((error) => ({
				type: 'validation_error',
				...error,
				url: `https://signalwire.com/docs/apis/error-codes#${error.code}`,
			})),
		},
	};
}

/** One invalid parameter in the words of an API family. */
export function invalid(
	family: Family,
	attribute: string | null,
	message: string,
	code = 'invalid_parameter',
): SandboxResponse {
	return family === 'relay'
		? relayInvalid([message])
		: fabricInvalid([{ code, message, attribute }]);
}

/** A contract violation in the words of the API family that found it. */
function violationError(violation: ContractViolation): {
	attribute: string | null;
	relay: string;
	fabric: FabricError;
} {
	const path =
		violation.field ||
		String(violation.params.unevaluatedProperty ?? violation.params.additionalProperty ?? '');
	const attribute = path.split('.')[0] || null;
	const name = attribute ? humanize(attribute) : 'Request body';
	const params = violation.params;
	let relay: string;
	let fabric: FabricError;
	switch (violation.keyword) {
		case 'required':
			relay = attribute ? `${name} can't be blank` : 'Request body is required';
			fabric = { code: 'missing_required_parameter', message: `${name} is required`, attribute };
			break;
		case 'enum':
			relay = `${name} is not included in the list`;
			fabric = {
				code: 'invalid_parameter',
				message: `${name} must be one of: ${(params.allowedValues as string[]).join(', ')}`,
				attribute,
			};
			break;
		case 'additionalProperties':
		case 'unevaluatedProperties':
		case 'false schema':
			relay = `${name} is not a permitted attribute`;
			fabric = {
				code: 'invalid_parameter',
				message: `${name} is not a permitted parameter`,
				attribute,
			};
			break;
		case 'maxLength':
			relay = `${name} is too long (maximum is ${params.limit} characters)`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		case 'minItems':
			relay = `${name} must have at least ${params.limit} entr${params.limit === 1 ? 'y' : 'ies'}`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		case 'maxItems':
			relay = `${name} must have at most ${params.limit} entries`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		case 'format':
			relay = `${name} must be a valid ${String(params.format).toUpperCase()}`;
			fabric = { code: 'invalid_parameter', message: relay, attribute };
			break;
		default:
			relay = `${name} is invalid`;
			fabric = {
				code: 'invalid_parameter',
				message: `${name} is invalid (${violation.message})`,
				attribute,
			};
	}
	return { attribute, relay, fabric };
}

/** Contract violations as one 422 of the family, each distinct message once. */
export function contractFailure(family: Family, violations: ContractViolation[]): SandboxResponse {
	const seen = new Set<string>();
	const errors = violations.map(violationError).filter((error) => {
		const key = `${error.attribute}|${error.relay}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	return family === 'relay'
		? relayInvalid(errors.map((error) => error.relay))
		: fabricInvalid(errors.map((error) => error.fabric));
}
