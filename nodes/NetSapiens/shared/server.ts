import { ApplicationError } from 'n8n-workflow';
import { isDotSegment, isLoopbackHost } from '../../shared/url';

/** Where ns-api v2 lives below a server (NetSapiens' OpenAPI `servers: https://{server}/ns-api/v2`). */
export const API_PATH = '/ns-api/v2';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SAFE_PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

function refuse(problem: string): never {
	throw new ApplicationError(`The credential's Server ${problem}`);
}

function assertHostName(host: string): void {
	const labels = host.split('.');
	if (host.length > 253 || labels.some((label) => !LABEL.test(label))) {
		refuse(
			'is not a valid host name: use letters, digits, hyphens and dots only, as in pbx.example.com',
		);
	}
	const numeric = labels.every((label) => /^\d+$/.test(label));
	if (numeric && (labels.length !== 4 || labels.some((label) => Number(label) > 255))) {
		refuse('is not a valid host name or IPv4 address');
	}
}

/**
 * The ns-api v2 base URL for the credential's Server. A real platform is a bare host name
 * (`pbx.example.com`, optionally written `https://pbx.example.com`) reached over https on the
 * default port; anything that could send the key somewhere else — a path, a port, user info,
 * plain http, non-ASCII look-alike letters — is refused. Only a loopback host (the pack's sandbox)
 * may carry http, a port and a path prefix, e.g. `http://127.0.0.1:4010/netsapiens`.
 */
export function netSapiensApiBase(server: unknown): string {
	const raw = typeof server === 'string' ? server.trim() : '';
	if (!raw)
		refuse('is empty. Enter the API host name of your NetSapiens platform, e.g. pbx.example.com');
	const codes = [...raw].map((character) => character.codePointAt(0) ?? 0);
	if (codes.some((code) => code > 0x7f)) {
		refuse(
			'contains non-ASCII characters, which can be look-alikes of other letters (e.g. a Cyrillic "а") and point to another server. Type the host name in plain ASCII; an internationalised name in its xn-- form.',
		);
	}
	if (codes.some((code) => code <= 0x20 || code === 0x7f) || raw.includes('\\')) {
		refuse('contains spaces, backslashes or control characters');
	}

	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1]?.toLowerCase();
	if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
		refuse(`must be a host name (https:// is implied), not a ${scheme}:// address`);
	}
	const rest = scheme === undefined ? raw : raw.slice(scheme.length + 3);
	if (/[?#]/.test(rest)) refuse('must not contain a query (?) or fragment (#)');
	const slash = rest.indexOf('/');
	const authority = slash === -1 ? rest : rest.slice(0, slash);
	const path = slash === -1 ? '' : rest.slice(slash).replace(/\/+$/, '');
	if (authority.includes('@'))
		refuse('must not contain user info (user@host): the credential sends the key itself');

	const bracketed = /^(\[[0-9a-f:.]+\])(?::(\d*))?$/i.exec(authority);
	const plain = /^([^:[\]]+)(?::(\d*))?$/.exec(authority);
	const parts = bracketed ?? plain;
	if (!parts) refuse(`"${authority}" is not a host name`);
	const host = parts[1].toLowerCase();
	const port = parts[2];

	if (isLoopbackHost(host)) {
		if (
			port !== undefined &&
			!(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)
		) {
			refuse('has an invalid port');
		}
		const segments = path.split('/').slice(1);
		if (segments.some((segment) => !SAFE_PATH_SEGMENT.test(segment) || isDotSegment(segment))) {
			refuse('has a path prefix with characters that are not allowed');
		}
		return `${scheme ?? 'http'}://${host}${port ? `:${port}` : ''}${path}${API_PATH}`;
	}

	if (scheme === 'http')
		refuse('must use https: plain http is only allowed for localhost / 127.0.0.1');
	if (port !== undefined) {
		refuse(
			'must not include a port: NetSapiens serves the API on https port 443. Enter only the host name.',
		);
	}
	if (path) {
		refuse(`must be the host name only, without a path: the node adds ${API_PATH} itself`);
	}
	assertHostName(host);
	return `https://${host}${API_PATH}`;
}
