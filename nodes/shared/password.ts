import { randomInt } from 'node:crypto';

/**
 * Characters that survive every place a SIP password travels: SIP URIs and digest headers,
 * provisioning files (XML, INI), shells and CSV exports. Excluded on purpose: space @ : ; " ' \ /
 * (break SIP URIs and provisioning files) and # ? & % < > , ( ) (break URLs, XML or CSV).
 */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '-_.!~*+=';
/**
 * The first character is never a symbol: n8n reads a parameter value that starts with `=` as an
 * expression (a pasted password would lose it), and spreadsheets read a CSV cell that starts with
 * `=`, `+` or `-` as a formula.
 */
export const FIRST_CHARACTER_ALPHABET = UPPER + LOWER + DIGITS;
export const SIP_SAFE_ALPHABET = FIRST_CHARACTER_ALPHABET + SYMBOLS;
const CLASSES = [UPPER, LOWER, DIGITS, SYMBOLS];
const UNSAFE_CHARACTERS = /[\s@:;"'\\/]/;

export const DEFAULT_PASSWORD_LENGTH = 24;
export const MAXIMUM_PASSWORD_LENGTH = 128;

/** Password policy for one vendor: its documented minimum, or a floor of 8 where none is documented. */
export interface PasswordPolicy {
	minimumLength: number;
	maximumLength?: number;
}

export function effectiveLength(requested: number, policy: PasswordPolicy): number {
	const maximum = policy.maximumLength ?? MAXIMUM_PASSWORD_LENGTH;
	return Math.min(Math.max(Math.floor(requested), policy.minimumLength), maximum);
}

/**
 * A uniformly random password from `crypto.randomInt` over the SIP-safe alphabet (a letter or digit
 * first) that contains at least one upper-case letter, lower-case letter, digit and symbol (vendors
 * with complexity rules accept it). Ambiguous characters (I, l, O, 0, 1) are left out so a person
 * can read it off a screen.
 */
export function generatePassword(length: number, policy: PasswordPolicy): string {
	const size = effectiveLength(length, policy);
	for (;;) {
		let password = FIRST_CHARACTER_ALPHABET[randomInt(FIRST_CHARACTER_ALPHABET.length)];
		for (let i = 1; i < size; i++) password += SIP_SAFE_ALPHABET[randomInt(SIP_SAFE_ALPHABET.length)];
		if (CLASSES.every((characters) => [...password].some((character) => characters.includes(character)))) {
			return password;
		}
	}
}

/** Why a caller-supplied password cannot be used, in words that never repeat the password. */
export function passwordProblem(password: string, policy: PasswordPolicy): string | undefined {
	if (password.length < policy.minimumLength) {
		return `is ${password.length} characters long; this vendor needs at least ${policy.minimumLength}`;
	}
	const maximum = policy.maximumLength ?? MAXIMUM_PASSWORD_LENGTH;
	if (password.length > maximum) return `is ${password.length} characters long; at most ${maximum} are allowed`;
	if (UNSAFE_CHARACTERS.test(password)) {
		return 'contains a space or one of @ : ; " \' \\ / which break SIP URIs and provisioning files';
	}
	return undefined;
}
