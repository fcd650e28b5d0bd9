import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { adminIndexResponse, ADMIN_CALLS } from './adminPage';
import { DeviceRegistry } from './devices';
import { RateLimiter } from './rateLimit';
import type {
	FaultSpec,
	RecordedRequest,
	SandboxConfig,
	SandboxRequest,
	SandboxResponse,
	VendorContext,
	VendorSimulator,
} from './types';

export interface SandboxOptions {
	port?: number;
	host?: string;
	config?: Partial<SandboxConfig>;
	/** Keep at most this many recorded requests (oldest dropped); benchmarks set it low. */
	maxRecordedRequests?: number;
}

export interface VendorEndpoint {
	baseUrl: string;
	credentials: Record<string, unknown>;
	seeded: Record<string, unknown>;
}

const DEFAULT_CONFIG: SandboxConfig = {
	latencyMs: 0,
	registrationDelayMs: 0,
	rateLimits: {},
	tokenLifetimeSeconds: 86_400,
	fleet: null,
};

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function parseBody(raw: string): unknown {
	if (raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

export class Sandbox {
	readonly config: SandboxConfig;
	readonly devices: DeviceRegistry;
	private readonly limiter = new RateLimiter();
	private readonly recorded: RecordedRequest[] = [];
	private faults: (FaultSpec & { remaining: number })[] = [];
	private readonly sockets = new Set<Socket>();
	private server?: Server;
	private origin = '';

	constructor(
		private readonly simulators: VendorSimulator[],
		private readonly options: SandboxOptions = {},
	) {
		this.config = {
			...DEFAULT_CONFIG,
			...options.config,
			rateLimits: { ...options.config?.rateLimits },
		};
		this.devices = new DeviceRegistry(() => this.config);
	}

	get url(): string {
		return this.origin;
	}

	context(vendor: string): VendorContext {
		return { baseUrl: `${this.origin}/${vendor}`, devices: this.devices, config: this.config };
	}

	async start(): Promise<this> {
		this.server = createServer((request, response) => {
			this.dispatch(request, response).catch((error: Error) => {
				if (!response.headersSent) {
					response.writeHead(500, { 'content-type': 'application/json' });
					response.end(JSON.stringify({ sandboxError: error.message }));
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) =>
			this.server!.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve),
		);
		const { port } = this.server.address() as AddressInfo;
		this.origin = `http://127.0.0.1:${port}`;
		this.reset();
		return this;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	reset(): void {
		this.faults = [];
		this.recorded.length = 0;
		this.limiter.reset();
		for (const simulator of this.simulators) {
			this.devices.clearVendor(simulator.name);
			simulator.reset(this.context(simulator.name));
		}
	}

	endpoints(): Record<string, VendorEndpoint> {
		const endpoints: Record<string, VendorEndpoint> = {};
		for (const simulator of this.simulators) {
			const baseUrl = this.context(simulator.name).baseUrl;
			endpoints[simulator.name] = {
				baseUrl,
				credentials: simulator.sampleCredentials(baseUrl),
				seeded: simulator.seeded(),
			};
		}
		return endpoints;
	}

	secrets(): string[] {
		return this.simulators.flatMap((simulator) => simulator.secrets());
	}

	requests(vendor?: string): RecordedRequest[] {
		return vendor
			? this.recorded.filter((request) => request.vendor === vendor)
			: [...this.recorded];
	}

	clearRequests(): void {
		this.recorded.length = 0;
	}

	injectFault(fault: FaultSpec): void {
		this.faults.push({ ...fault, remaining: fault.count ?? 1 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	configure(config: Partial<SandboxConfig>): void {
		Object.assign(this.config, {
			...config,
			rateLimits: { ...this.config.rateLimits, ...config.rateLimits },
		});
	}

	private takeFault(vendor: string, request: SandboxRequest): FaultSpec | undefined {
		const fault = this.faults.find(
			(candidate) =>
				candidate.remaining > 0 &&
				candidate.vendor === vendor &&
				(!candidate.method || candidate.method.toUpperCase() === request.method) &&
				(!candidate.path || new RegExp(candidate.path).test(request.path)),
		);
		if (fault) fault.remaining--;
		this.faults = this.faults.filter((candidate) => candidate.remaining > 0);
		return fault;
	}

	private send(response: ServerResponse, answer: SandboxResponse): void {
		const headers: Record<string, string> = { ...answer.headers };
		let payload = '';
		if (answer.body !== undefined) {
			payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
			headers['content-type'] ??= 'application/json';
		}
		response.writeHead(answer.status, headers);
		response.end(payload);
	}

	private async dispatch(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(incoming.url ?? '/', 'http://sandbox');
		const rawBody = await readBody(incoming);
		if (url.pathname === '/' || url.pathname === '/__admin' || url.pathname === '/__admin/') {
			return this.send(response, this.adminIndex(incoming.headers.accept));
		}
		if (url.pathname.startsWith('/__admin/')) {
			return this.send(
				response,
				await this.admin(incoming.method ?? 'GET', url, parseBody(rawBody)),
			);
		}
		const rawPath = (incoming.url ?? '/').split('?')[0];
		const vendorName = rawPath.split('/')[1];
		const simulator = this.simulators.find((candidate) => candidate.name === vendorName);
		if (!simulator)
			return this.send(response, {
				status: 404,
				body: { sandboxError: `No vendor "${vendorName}"` },
			});

		const request: SandboxRequest = {
			method: (incoming.method ?? 'GET').toUpperCase(),
			path: rawPath.slice(vendorName.length + 1) || '/',
			query: url.searchParams,
			headers: incoming.headers,
			body: parseBody(rawBody),
			rawBody,
		};
		const record: RecordedRequest = {
			vendor: simulator.name,
			method: request.method,
			path: request.path,
			query: Object.fromEntries(url.searchParams),
			headers: incoming.headers,
			body: request.body,
			rawBody,
			at: Date.now(),
		};
		this.recorded.push(record);
		const answer = (status: number): number => (record.status = status);
		const limit = this.options.maxRecordedRequests;
		if (limit !== undefined && this.recorded.length > limit)
			this.recorded.splice(0, this.recorded.length - limit);

		if (this.config.latencyMs) await sleep(this.config.latencyMs);

		const fault = this.takeFault(simulator.name, request);
		if (fault?.mode === 'delay' || fault?.mode === 'timeout') await sleep(fault.delayMs ?? 1000);
		if (fault?.mode === 'timeout' || fault?.mode === 'reset') {
			incoming.socket.destroy();
			return;
		}
		if (fault?.mode === 'status') {
			return this.send(response, {
				status: answer(fault.status ?? 500),
				body: fault.body,
				headers: fault.headers,
			});
		}
		if (fault?.mode === 'malformed') {
			return this.send(response, {
				status: answer(fault.status ?? 200),
				body: '{"truncated": ',
				headers: { 'content-type': 'application/json' },
			});
		}
		if (fault?.mode === 'empty') {
			return this.send(response, {
				status: answer(fault.status ?? 200),
				headers: { 'content-type': 'application/json' },
			});
		}

		const key = simulator.rateLimitKey?.(request);
		const perSecond = this.config.rateLimits[simulator.name] ?? 0;
		if (key !== undefined && perSecond) {
			const waitMs = this.limiter.take(`${simulator.name}:${key}`, perSecond);
			if (waitMs > 0 && simulator.tooManyRequests) {
				const limited = simulator.tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000)));
				answer(limited.status);
				return this.send(response, limited);
			}
		}

		const handled = await simulator.handle(request, this.context(simulator.name));
		if (fault?.mode === 'applyThenDrop') {
			incoming.socket.destroy();
			return;
		}
		// The change is made, but the answer is an error (a 5xx from a proxy or a failing step after the write).
		if (fault?.mode === 'applyThenStatus') {
			return this.send(response, {
				status: answer(fault.status ?? 500),
				body: fault.body,
				headers: fault.headers,
			});
		}
		answer(handled.status);
		this.send(response, handled);
	}

	private adminIndex(accept: string | undefined): SandboxResponse {
		const vendors = Object.fromEntries(
			Object.entries(this.endpoints()).map(([name, endpoint]) => [name, endpoint.baseUrl]),
		);
		return adminIndexResponse(
			{ sandbox: this.origin, vendors, config: this.config, calls: ADMIN_CALLS },
			accept,
		);
	}

	private async admin(method: string, url: URL, body: any): Promise<SandboxResponse> {
		const parts = url.pathname.split('/').filter(Boolean).slice(1);
		const [area, vendor, id, action] = parts;
		if (area === 'requests' && method === 'GET') {
			return { status: 200, body: this.requests(url.searchParams.get('vendor') ?? undefined) };
		}
		if (area === 'requests' && method === 'DELETE') {
			this.clearRequests();
			return { status: 204 };
		}
		if (area === 'faults' && method === 'POST') {
			this.injectFault(body as FaultSpec);
			return { status: 201, body: { injected: true } };
		}
		if (area === 'faults' && method === 'DELETE') {
			this.clearFaults();
			return { status: 204 };
		}
		if (area === 'config' && method === 'GET') {
			return { status: 200, body: this.config };
		}
		if (area === 'config' && method === 'POST') {
			this.configure(body ?? {});
			return { status: 200, body: this.config };
		}
		if (area === 'reset' && method === 'POST') {
			this.reset();
			return { status: 200, body: this.endpoints() };
		}
		if (area === 'devices' && vendor && id && method === 'GET') {
			return { status: 200, body: this.devices.state(vendor, decodeURIComponent(id)) };
		}
		if (area === 'devices' && vendor && id && action === 'provision' && method === 'POST') {
			const known = this.devices.provision(
				vendor,
				decodeURIComponent(id),
				String(body?.password ?? ''),
			);
			return known
				? { status: 200, body: this.devices.state(vendor, decodeURIComponent(id)) }
				: { status: 404, body: { sandboxError: 'No such device' } };
		}
		return {
			status: 404,
			body: {
				sandboxError: `Unknown admin call ${method} ${url.pathname}; GET ${this.origin}/__admin lists them`,
			},
		};
	}
}
