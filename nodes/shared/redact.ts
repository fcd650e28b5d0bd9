import type { IDataObject } from 'n8n-workflow';

/** What stands where a secret was. */
export const REDACTED = '[redacted]';

/**
 * A run of this many characters of a secret (in any of its encodings) is treated as the secret:
 * vendors echo keys cut short ("Invalid key nsu_AbC1…"), and a long echo cut by a length limit
 * leaves a piece of it.
 */
const FRAGMENT = 8;
/** Shorter secrets are only redacted whole; a secret of 1–3 characters would erase ordinary words. */
const SHORTEST_SECRET = 4;

/**
 * Session and API secrets whatever they are called: JWTs (Opentact session tokens, NetSapiens
 * access tokens), Bearer/Basic header values, and secret-bearing query parameters of an echoed URL.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
	[/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
	// A value, not a word: "Basic authentication failed" stays as it is.
	[
		/\b(Bearer|Basic)(\s+|%20|\+)(?=[A-Za-z._~-]*[0-9+/=])[A-Za-z0-9._~+/=-]{8,}/gi,
		`$1$2${REDACTED}`,
	],
	[
		/([?&;](?:bearer|jwt|ha1b|token|access_token|refresh_token|api_?key|key|password|client_secret|auth_token)=)[^&#\s"'<>]+/gi,
		`$1${REDACTED}`,
	],
];

/**
 * The base64 characters that only the secret's bytes decide, for each of the three alignments it
 * can have inside a longer encoded string (Basic auth's `user:password`, a token in a blob).
 */
function base64Cores(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const cores: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		const start = offset === 0 ? 0 : 4;
		const end = 4 * Math.floor((offset + bytes.length) / 3);
		const core = encoded.slice(start, end);
		cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return cores;
}

const asciiJson = (text: string) =>
	JSON.stringify(text)
		.slice(1, -1)
		.replace(
			/[\u007f-\uffff]/g,
			(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
		);

const html = (text: string) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

/** The forms in which a vendor may echo a secret: as sent, URL-, JSON- or HTML-escaped, base64. */
export function secretForms(secret: string): string[] {
	const urlEncoded = encodeURIComponent(secret);
	const json = JSON.stringify(secret).slice(1, -1);
	return [
		secret,
		urlEncoded,
		urlEncoded.replace(/%20/g, '+'),
		encodeURIComponent(urlEncoded),
		json,
		json.replace(/\//g, '\\/'),
		asciiJson(secret),
		html(secret),
		...base64Cores(secret),
	];
}

/**
 * What a text may not contain, prepared once per error: every piece of FRAGMENT characters of every
 * form of every secret (compared without case), and the short secrets whole.
 */
export class SecretMatcher {
	private readonly fragments = new Set<string>();
	private readonly shortSecrets: string[] = [];
	private readonly wholeForms = new Set<string>();

	constructor(secrets: readonly unknown[]) {
		for (const secret of new Set(secrets)) {
			if (typeof secret !== 'string' || secret.length < SHORTEST_SECRET) continue;
			for (const form of new Set(secretForms(secret))) {
				const lower = form.toLowerCase();
				this.wholeForms.add(lower);
				if (lower.length < FRAGMENT) {
					if (lower.length >= SHORTEST_SECRET) this.shortSecrets.push(lower);
					continue;
				}
				for (let at = 0; at + FRAGMENT <= lower.length; at++)
					this.fragments.add(lower.slice(at, at + FRAGMENT));
			}
		}
	}

	private isOrdinaryWord(text: string, start: number, end: number): boolean {
		const run = text.slice(start, end);
		if (!ORDINARY_WORD.test(run) || this.wholeForms.has(run.toLowerCase())) return false;
		return !/[A-Za-z]/.test(text[start - 1] ?? '') && !/[A-Za-z]/.test(text[end] ?? '');
	}

	redact(text: string): string {
		const lower = text.toLowerCase();
		const hidden = new Uint8Array(text.length);
		// One pass over the text (bounded by its length), one set look-up per position.
		for (let at = 0; at + FRAGMENT <= lower.length; at++) {
			if (this.fragments.has(lower.slice(at, at + FRAGMENT))) hidden.fill(1, at, at + FRAGMENT);
		}
		for (const secret of this.shortSecrets) {
			for (let at = lower.indexOf(secret); at !== -1; at = lower.indexOf(secret, at + 1)) {
				hidden.fill(1, at, at + secret.length);
			}
		}
		let clean = '';
		for (let at = 0; at < text.length;) {
			if (!hidden[at]) {
				clean += text[at++];
				continue;
			}
			let end = at;
			while (end < text.length && hidden[end]) end++;
			const run = text.slice(at, end);
			clean += this.isOrdinaryWord(text, at, end) ? run : REDACTED;
			at = end;
		}
		for (const [pattern, replacement] of SECRET_PATTERNS)
			clean = clean.replace(pattern, replacement);
		return clean;
	}
}

/**
 * A piece of a secret that is an ordinary word of the text ("password" out of "wrong-password",
 * a vendor's name out of a test key) is left: only letters, a whole word, shorter than any
 * generated secret, and not a whole secret itself. A secret made only of letters is still
 * redacted wherever it appears whole.
 */
const ORDINARY_WORD = /^[A-Za-z]{1,15}$/;

/** A text with every form and fragment of the secrets, and every recognisable token, replaced. */
export function redactSecrets(text: string, secrets: readonly unknown[] = []): string {
	return new SecretMatcher(secrets).redact(text);
}

/**
 * Fields that hand a password on by design (Generate/Rotate Password's new password, the password
 * a failed rotation leaves pending): the one place a secret belongs, never redacted.
 */
const HANDED_ON_FIELDS = new Set(['newPassword', 'pendingPassword']);

/** Objects nested deeper than this are dropped from what is redacted (an error's context is shallow). */
const MAX_DEPTH = 8;

/** A copy of a JSON-like value with every string redacted (keys too: vendors echo secrets as keys). */
export function redactValue(value: unknown, matcher: SecretMatcher, depth = 0): unknown {
	if (typeof value === 'string') return matcher.redact(value);
	if (value === null || typeof value !== 'object') return value;
	if (depth >= MAX_DEPTH) return REDACTED;
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, matcher, depth + 1));
	const copy: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		if (HANDED_ON_FIELDS.has(key)) {
			copy[key] = entry;
			continue;
		}
		copy[matcher.redact(key)] = redactValue(entry, matcher, depth + 1) as IDataObject[string];
	}
	return copy;
}

/** The string fields of a credential the user marked as secret (its password-type fields). */
export function credentialSecrets(
	credentials: IDataObject | undefined,
	fields: readonly string[],
): string[] {
	if (!credentials) return [];
	return fields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * Rewrites, in place, everything of an error that n8n shows, stores or logs: message, description,
 * the messages list, context, the error response it was built from (`cause`) and the stack (which
 * repeats the first message). The node (the user's own workflow) is left as it is.
 */
export function redactError<T>(error: T, secrets: readonly unknown[]): T {
	if (!error || typeof error !== 'object') return error;
	const matcher = new SecretMatcher(secrets);
	const target = error as Record<string, unknown>;
	for (const key of ['message', 'description', 'stack', 'httpCode']) {
		if (typeof target[key] === 'string') target[key] = matcher.redact(target[key] as string);
	}
	for (const key of ['messages', 'context', 'cause', 'errorResponse']) {
		if (target[key] === undefined || target[key] === null) continue;
		if (target[key] instanceof Error) {
			// The HTTP client's error (request headers, the answer) is never kept.
			target[key] = { message: matcher.redact((target[key] as Error).message) };
			continue;
		}
		target[key] = redactValue(target[key], matcher);
	}
	return error;
}

/** The secrets of the credential a node or picker runs with, read fresh (a login may have renewed a token). */
export async function secretsOfCredential(
	context: { getCredentials(type: string): Promise<IDataObject> },
	vendor: { credentialType: string; credentialSecretFields: readonly string[] },
): Promise<string[]> {
	const credentials = await context.getCredentials(vendor.credentialType).catch(() => undefined);
	return credentialSecrets(credentials, vendor.credentialSecretFields);
}
