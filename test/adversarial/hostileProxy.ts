import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { AnswerKind } from './cases';

/**
 * A small HTTP server in front of the sandbox: the credentials point at it, it forwards every
 * request to the sandbox (so the vendor state changes as it would), then answers the operation's
 * own call the hostile way the current case asks for. Logins are passed through untouched.
 */
export interface ProxyCase {
	answer: AnswerKind;
	/** Whether the operation's own call is a read (GET) or a write (any other method). */
	mainIsRead: boolean;
	/** Strings the "echoes secrets" answers put in their body (the credential's and the session's). */
	secrets: string[];
}

/** How long "answers late" waits before answering: well inside the Timeout the cases set. */
export const LATE_MS = 1000;
const HUGE_BODY_BYTES = 12 * 1024 * 1024;
const LOGIN =
	/^\/(netsapiens\/ns-api\/v2\/tokens|opentact\/rest\/token|opentact\/rest\/auth)(\/|\?|$)/;
/** A list's count request (NetSapiens `…/devices/count`): not a page; "total disagrees" changes its total. */
const COUNT = /\/count(\?|$)/;
export const OFF_ORIGIN = 'http://127.0.0.2:9/steal';

interface Upstream {
	status: number;
	headers: Record<string, string>;
	body: string;
}

function wrongTypes(value: unknown, depth = 0): unknown {
	if (depth > 4) return value;
	if (Array.isArray(value)) return value.map((entry) => wrongTypes(entry, depth + 1));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [key, wrongTypes(inner, depth + 1)]),
		);
	}
	if (typeof value === 'string') return 12345;
	if (typeof value === 'number') return 'twelve';
	if (typeof value === 'boolean') return 'yes';
	return { unexpected: true };
}

/** Rewrites every `next` link (Ultravox `next`, SignalWire `links.next`, Vobiz `meta.next`). */
function rewriteKeys(
	value: unknown,
	test: (key: string, inner: unknown) => boolean,
	replace: (inner: unknown) => unknown,
): unknown {
	if (Array.isArray(value)) return value.map((entry) => rewriteKeys(entry, test, replace));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [
				key,
				test(key, inner) ? replace(inner) : rewriteKeys(inner, test, replace),
			]),
		);
	}
	return value;
}

const json = (status: number, body: unknown): Upstream => ({
	status,
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(body),
});
const html = (status: number): Upstream => ({
	status,
	headers: { 'content-type': 'text/html' },
	body: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>',
});

export class HostileProxy {
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	private current?: ProxyCase;
	private gets = 0;
	private writes = 0;
	origin = '';

	constructor(private readonly upstreamOrigin: string) {}

	async start(): Promise<void> {
		this.server = createServer((request, response) => {
			this.handle(request, response).catch(() => response.destroy());
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	/** Sets the case for the next execution; undefined passes everything through. */
	use(current: ProxyCase | undefined): void {
		this.current = current;
		this.gets = 0;
		this.writes = 0;
	}

	/** Ends every open connection: a "never answers" case leaves none behind. */
	dropConnections(): void {
		for (const socket of this.sockets) socket.destroy();
	}

	async close(): Promise<void> {
		this.dropConnections();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private forward(incoming: IncomingMessage, body: Buffer): Promise<Upstream> {
		const target = new URL(incoming.url ?? '/', this.upstreamOrigin);
		return new Promise((resolve, reject) => {
			const outgoing = httpRequest(
				target,
				{ method: incoming.method, headers: { ...incoming.headers, host: target.host } },
				(answer) => {
					const chunks: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => chunks.push(chunk));
					answer.on('end', () => {
						const headers: Record<string, string> = {};
						for (const name of ['content-type', 'retry-after', 'location']) {
							const value = answer.headers[name];
							if (typeof value === 'string')
								headers[name] = value.split(this.upstreamOrigin).join(this.origin);
						}
						resolve({
							status: answer.statusCode ?? 502,
							headers,
							body: Buffer.concat(chunks)
								.toString('utf8')
								.split(this.upstreamOrigin)
								.join(this.origin),
						});
					});
					answer.on('error', reject);
				},
			);
			outgoing.on('error', reject);
			outgoing.end(body);
		});
	}

	/** Whether this request is the one the case attacks. */
	private attacked(method: string, path: string): AnswerKind | undefined {
		const current = this.current;
		if (!current || LOGIN.test(path)) return undefined;
		const isGet = method === 'GET';
		if (
			isGet &&
			COUNT.test(path) &&
			(current.answer.on === 'firstPage' || current.answer.on === 'laterPage')
		) {
			return current.answer.name === 'total disagrees' ? current.answer : undefined;
		}
		if (isGet) this.gets++;
		else this.writes++;
		switch (current.answer.on) {
			case 'main':
				return isGet === current.mainIsRead ? current.answer : undefined;
			case 'readBack':
				return isGet && this.writes > 0 ? current.answer : undefined;
			case 'firstPage':
				return isGet && this.gets === 1 ? current.answer : undefined;
			case 'laterPage':
				return isGet && this.gets > 1 ? current.answer : undefined;
		}
	}

	private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of incoming) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const method = (incoming.method ?? 'GET').toUpperCase();
		const answer = this.attacked(method, incoming.url ?? '/');
		const send = (upstream: Upstream) => {
			response.writeHead(upstream.status, upstream.headers);
			response.end(upstream.body);
		};
		if (!answer) return send(await this.forward(incoming, body));
		switch (answer.name) {
			case '429 Retry-After huge':
				return send({
					...json(429, { detail: 'Request was throttled.' }),
					headers: { 'content-type': 'application/json', 'retry-after': '999999999' },
				});
			case 'answers late':
				await new Promise((resolve) => setTimeout(resolve, LATE_MS));
				return send(await this.forward(incoming, body));
		}
		// Every other hostile answer comes after the sandbox has handled the request: a write is applied.
		const upstream = await this.forward(incoming, body);
		const okStatus = upstream.status >= 200 && upstream.status < 300 ? upstream.status : 200;
		const parsed = (() => {
			try {
				return JSON.parse(upstream.body);
			} catch {
				return undefined;
			}
		})();
		const echoed = `Invalid key ${this.current!.secrets.join(' ')}`;
		const name = answer.name.replace(/^later page /, '');
		switch (name) {
			case '{}':
				return send(json(okStatus, {}));
			case '[]':
				return send(json(okStatus, []));
			case '{"detail": …}':
				return send(json(okStatus, { detail: 'Not found.' }));
			case 'wrong types':
				return send(json(okStatus, wrongTypes(parsed)));
			case 'huge body':
				return send(
					json(okStatus, {
						...(parsed && typeof parsed === 'object' && !Array.isArray(parsed)
							? parsed
							: { items: parsed }),
						padding: 'x'.repeat(HUGE_BODY_BYTES),
					}),
				);
			case 'echoes secrets (200)':
				return send(
					json(okStatus, {
						success: false,
						detail: echoed,
						message: echoed,
						error: { message: echoed, code: 'ECHO' },
					}),
				);
			case 'echoes secrets (401)':
				return send(
					json(401, {
						detail: echoed,
						message: echoed,
						error: { message: echoed, code: 'UNAUTHORIZED' },
					}),
				);
			case 'echoes secrets (400)':
				return send(
					json(400, {
						detail: echoed,
						message: echoed,
						error: echoed,
						details: { password: echoed },
					}),
				);
			case 'HTML 200':
				return send(html(200));
			case 'HTML 502':
				return send(html(502));
			case 'empty 200':
				return send({ status: 200, headers: { 'content-type': 'application/json' }, body: '' });
			case 'truncated JSON':
				return send({
					...upstream,
					status: okStatus,
					body:
						upstream.body.length > 4
							? upstream.body.slice(0, Math.floor(upstream.body.length / 2))
							: '{"a":',
				});
			case '302 to same origin':
				return send({
					status: 302,
					headers: { location: `${this.origin}${incoming.url}` },
					body: '',
				});
			case '307 off-origin':
				return send({ status: 307, headers: { location: OFF_ORIGIN }, body: '' });
			case '500 after apply':
				return send(json(500, { detail: 'Internal server error' }));
			case 'drop after apply':
				response.socket?.destroy();
				return;
			case 'never answers':
				// Held until the node gives up (its Timeout) or the case ends (dropConnections).
				return;
			case 'total disagrees':
				return send({
					...upstream,
					body: JSON.stringify(
						rewriteKeys(
							parsed,
							(key, inner) => /total|count/i.test(key) && typeof inner === 'number',
							(inner) => (inner as number) + 7,
						),
					),
				});
			case 'next off-origin':
			case 'next //host':
			case 'next javascript:':
			case 'next loops to itself': {
				const link = {
					'next off-origin': `${OFF_ORIGIN}?page=2`,
					'next //host': '//127.0.0.2:9/steal?page=2',
					'next javascript:': 'javascript:alert(1)',
					'next loops to itself': `${this.origin}${incoming.url}`,
				}[name];
				return send({
					...upstream,
					body: JSON.stringify(
						rewriteKeys(
							parsed,
							(key, inner) => key === 'next' && typeof inner === 'string',
							() => link,
						),
					),
				});
			}
		}
		throw new Error(`Unknown answer kind ${answer.name}`);
	}
}
