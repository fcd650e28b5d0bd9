/**
 * The e2e suites' owner setup (scripts/n8n/editorRest.js setupOrLogin) against a local server that answers as a
 * starting n8n does: n8n 1.123.81 passes its readiness check while `POST /rest/owner/setup` still answers 404.
 */
import type { ServerResponse } from 'node:http';
import { setupOrLogin } from '../../scripts/n8n/editorRest';
import { startLocalServer } from '../harness/localServer';
import type { LocalServer } from '../harness/localServer';

const owner = {
	email: 'owner@example.com',
	firstName: 'O',
	lastName: 'W',
	password: 'Owner-Pass-1',
};

function notFound(response: ServerResponse): void {
	response.writeHead(404, { 'content-type': 'application/json' });
	response.end('{"code":404,"message":"not found"}');
}

let server: LocalServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

it('retries a 404 from owner setup until the route answers, and keeps the session cookie', async () => {
	let setups = 0;
	server = await startLocalServer((request, response) => {
		if (request.url === '/rest/owner/setup' && ++setups > 3) {
			response.writeHead(200, { 'set-cookie': 'n8n-auth=session-1; Path=/; HttpOnly' });
			response.end('{"data":{}}');
		} else notFound(response);
	});
	const session = await setupOrLogin(server.url, owner, { notFoundMs: 10_000, intervalMs: 20 });
	expect(session.cookie).toBe('n8n-auth=session-1');
	expect(server.requests.map((r) => r.url)).toEqual(Array(4).fill('/rest/owner/setup'));
});

it('gives up on a route that stays 404 after the bound, saying so with the last status', async () => {
	server = await startLocalServer((_request, response) => notFound(response));
	const started = Date.now();
	const attempt = setupOrLogin(server.url, owner, { notFoundMs: 300, intervalMs: 50 });
	await expect(attempt).rejects.toThrow(
		/^owner setup failed \(404 \{"code":404,"message":"not found"\}, still 404 after \d+ tries over \d+ ms\) and login failed \(404 /,
	);
	const elapsed = Date.now() - started;
	expect(elapsed).toBeGreaterThanOrEqual(300);
	expect(elapsed).toBeLessThan(5000);
	const setups = server.requests.filter((r) => r.url === '/rest/owner/setup').length;
	expect(setups).toBeGreaterThan(2);
	expect(server.requests.at(-1)?.url).toBe('/rest/login');
});

it('does not retry any other answer: an owner already set up goes straight to login', async () => {
	server = await startLocalServer((request, response) => {
		if (request.url === '/rest/owner/setup') {
			response.writeHead(400, { 'content-type': 'application/json' });
			response.end('{"message":"Instance owner already setup"}');
		} else {
			response.writeHead(200, { 'set-cookie': 'n8n-auth=session-2; Path=/' });
			response.end('{"data":{}}');
		}
	});
	const session = await setupOrLogin(server.url, owner, { notFoundMs: 10_000, intervalMs: 20 });
	expect(session.cookie).toBe('n8n-auth=session-2');
	expect(server.requests.map((r) => r.url)).toEqual(['/rest/owner/setup', '/rest/login']);
});
