import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the hostile server received it. */
export interface HostileRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	/** The path and query exactly as they arrived. */
	url: string;
	headers: IncomingHttpHeaders;
	rawBody: string;
}

export interface HostileAnswer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** The HTTP reason phrase; a server chooses it freely. */
	statusText?: string;
}

/**
 * A small vendor impostor on 127.0.0.1 for answers the sandbox does not give: bodies that echo what
 * was sent (headers, URL, body), pages of another shape, reason phrases with secrets in them. Every
 * request is answered by the test's handler.
 */
export class HostileServer {
	readonly requests: HostileRequest[] = [];
	handler: (request: HostileRequest) => HostileAnswer = () => ({
		status: 404,
		body: { detail: 'no handler' },
	});

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(): Promise<HostileServer> {
		const holder: { hostile?: HostileServer } = {};
		const server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const url = new URL(request.url ?? '/', 'http://127.0.0.1');
				const received: HostileRequest = {
					method: request.method ?? 'GET',
					path: url.pathname,
					query: url.searchParams,
					url: request.url ?? '/',
					headers: request.headers,
					rawBody: Buffer.concat(chunks).toString('utf8'),
				};
				holder.hostile!.requests.push(received);
				const answer = holder.hostile!.handler(received);
				const payload =
					answer.body === undefined
						? ''
						: typeof answer.body === 'string'
							? answer.body
							: JSON.stringify(answer.body);
				response.writeHead(answer.status, answer.statusText ?? '', {
					'content-type': 'application/json',
					...answer.headers,
				});
				response.end(payload);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		holder.hostile = new HostileServer(server, `http://127.0.0.1:${port}`);
		return holder.hostile;
	}

	reset(handler: HostileServer['handler']): void {
		this.requests.length = 0;
		this.handler = handler;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

/**
 * Everything a careless vendor could echo of a request: every header value, the URL with its
 * query, the body, each whole and cut short, URL-encoded and inside JSON — as one text.
 */
export function echoOf(request: HostileRequest): string {
	const values = [
		...Object.entries(request.headers)
			.filter(
				([name]) =>
					![
						'host',
						'connection',
						'content-length',
						'accept-encoding',
						'user-agent',
						'accept',
						'content-type',
					].includes(name),
			)
			.map(([name, value]) => `${name}: ${String(value)}`),
		`url ${request.url}`,
		`body ${request.rawBody}`,
	];
	const parts = values.flatMap((value) => [
		value,
		`${value.slice(0, 24)}…`,
		encodeURIComponent(value),
		JSON.stringify({ echoed: value }),
	]);
	return `Invalid credentials: ${parts.join(' | ')}`;
}
