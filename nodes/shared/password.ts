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
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const DEFAULT_PASSWORD_LENGTH = 24;
export const MAXIMUM_PASSWORD_LENGTH = 128;

/** Password policy for one vendor: its documented minimum, or a floor of 8 where none is documented. */
export interface PasswordPolicy {
	minimumLength: number;
	maximumLength?: number;
}

export function effectiveLength(requested: number, policy: PasswordPolicy): number {
	const maximum = policy.maximumLength ?? MAXIMUM_PASSWORD_LENGTH;
	// The request path refuses a bad "Password Length" before this runs; NaN or Infinity from any
	// other caller must still give a finite length (a NaN length would make the loops below endless).
	const wanted = Number.isFinite(requested) ? Math.floor(requested) : DEFAULT_PASSWORD_LENGTH;
	return Math.min(Math.max(wanted, policy.minimumLength), maximum);
}

/**
 * Draws with the four classes all present are the uniform choice; a draw without one is redrawn.
 * At the shortest length (8) a draw misses a class with probability about 0.65, so 128 draws all
 * miss with probability under 1e-23; only then is a missing class written in (still at random).
 */
const MAX_DRAWS = 128;

const randomFrom = (characters: string) => characters[randomInt(characters.length)];
const missingClasses = (password: string[]) =>
	CLASSES.filter((characters) => !password.some((character) => characters.includes(character)));

/**
 * A uniformly random password from `crypto.randomInt` over the SIP-safe alphabet (a letter or digit
 * first) that contains at least one upper-case letter, lower-case letter, digit and symbol (vendors
 * with complexity rules accept it). Ambiguous characters (I, l, O, 0, 1) are left out so a person
 * can read it off a screen.
 */
export function generatePassword(length: number, policy: PasswordPolicy): string {
	const size = Math.max(effectiveLength(length, policy), CLASSES.length + 1);
	let password: string[] = [];
	// Bounded: at most MAX_DRAWS draws of `size` (≤ 128) characters each.
	for (let draw = 0; draw < MAX_DRAWS; draw++) {
		password = [randomFrom(FIRST_CHARACTER_ALPHABET)];
		for (let i = 1; i < size; i++) password.push(randomFrom(SIP_SAFE_ALPHABET));
		if (missingClasses(password).length === 0) return password.join('');
	}
	// Each missing class takes the place of a character whose class occurs more than once (never the
	// first), so no class present before goes missing. Size ≥ 5 leaves enough such places.
	const classOf = (character: string) =>
		CLASSES.findIndex((characters) => characters.includes(character));
	const counts = CLASSES.map(
		(_, index) => password.filter((character) => classOf(character) === index).length,
	);
	for (const characters of missingClasses(password)) {
		const places = password
			.map((_, i) => i)
			.filter((i) => i > 0 && counts[classOf(password[i])] > 1);
		const place = places[randomInt(places.length)];
		counts[classOf(password[place])]--;
		password[place] = randomFrom(characters);
		counts[classOf(password[place])]++;
	}
	return password.join('');
}

/** Why a caller-supplied password cannot be used, in words that never repeat the password. */
export function passwordProblem(password: string, policy: PasswordPolicy): string | undefined {
	if (password.length < policy.minimumLength) {
		return `is ${password.length} characters long; this vendor needs at least ${policy.minimumLength}`;
	}
	const maximum = policy.maximumLength ?? MAXIMUM_PASSWORD_LENGTH;
	if (password.length > maximum)
		return `is ${password.length} characters long; at most ${maximum} are allowed`;
	// Checked before the other characters: a trailing newline from a file or a paste is the usual case.
	if (LINE_BREAK_OR_CONTROL.test(password)) {
		return 'contains a line break, tab or other control character (often a trailing newline from a file or a copy)';
	}
	if (UNSAFE_CHARACTERS.test(password)) {
		return 'contains a space or one of @ : ; " \' \\ / which break SIP URIs and provisioning files';
	}
	return undefined;
}
