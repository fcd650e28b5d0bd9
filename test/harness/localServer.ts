import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { Socket } from 'node:net';

/** A plain HTTP server on 127.0.0.1 that answers as `handler` says and records each request. */
export interface LocalServer {
	url: string;
	requests: IncomingMessage[];
	/** Destroys open sockets first: a server that never answers would otherwise hold `close` forever. */
	close(): Promise<void>;
}

export async function startLocalServer(handler: RequestListener): Promise<LocalServer> {
	const requests: IncomingMessage[] = [];
	const sockets = new Set<Socket>();
	const server = createServer((request, response) => {
		requests.push(request);
		handler(request, response);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
