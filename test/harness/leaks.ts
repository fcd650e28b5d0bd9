/** Shared by the leak scan and its own test: what counts as a leak in a transcript. */
export interface TranscriptEntry {
	kind: 'output' | 'error' | 'log' | 'secrets';
	value: unknown;
}

/** Fields where a secret is the point: the new password Generate/Rotate Password hands on, and the one a failed apply may have left live. */
export const DESIGNATED_SECRET_FIELDS = new Set(['newPassword', 'pendingPassword']);

function withoutDesignatedFields(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutDesignatedFields);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([key]) => !DESIGNATED_SECRET_FIELDS.has(key))
				.map(([key, inner]) => [key, withoutDesignatedFields(inner)]),
		);
	}
	return value;
}

export function knownSecrets(entries: TranscriptEntry[]): string[] {
	return [
		...new Set(
			entries
				.filter((entry) => entry.kind === 'secrets')
				.flatMap((entry) => entry.value as string[]),
		),
	].filter((secret) => typeof secret === 'string' && secret.length >= 6);
}

const PREFIX = 6;

/**
 * Each place a known secret appears outside a designated field, with the text just before it.
 * Secrets are indexed by their first characters, so a text is scanned once whatever the number
 * of secrets (a suite knows tens of thousands).
 */
export function findLeaks(entries: TranscriptEntry[]): string[] {
	const byPrefix = new Map<string, string[]>();
	for (const secret of knownSecrets(entries)) {
		const prefix = secret.slice(0, PREFIX);
		byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), secret]);
	}
	const findings: string[] = [];
	for (const entry of entries) {
		if (entry.kind === 'secrets') continue;
		const text =
			JSON.stringify(
				entry.kind === 'output' ? withoutDesignatedFields(entry.value) : entry.value,
			) ?? '';
		for (let at = 0; at + PREFIX <= text.length; at++) {
			const candidates = byPrefix.get(text.slice(at, at + PREFIX));
			if (candidates?.some((secret) => text.startsWith(secret, at))) {
				findings.push(`${entry.kind}: …${text.slice(Math.max(0, at - 60), at)}[secret]`);
			}
		}
	}
	return findings;
}
