import type { SandboxRequest, SandboxResponse, VendorContext } from './types';

type Handler = (
	request: SandboxRequest,
	params: Record<string, string>,
	context: VendorContext,
) => Promise<SandboxResponse> | SandboxResponse;

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
}

/**
 * Exact-match routes: paths are compared as the vendor compares them (case and trailing slash
 * included), with `{name}` segments captured and percent-decoded.
 */
export class Router {
	private readonly routes: Route[] = [];

	on(method: string, template: string, handler: Handler): this {
		const names: string[] = [];
		const source = template
			.split(/(\{[^}]+\})/)
			.map((part) => {
				const name = /^\{([^}]+)\}$/.exec(part)?.[1];
				if (name) {
					names.push(name);
					return '([^/]+)';
				}
				return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
			})
			.join('');
		this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
		return this;
	}

	/** undefined when no route matches the path; `methodNotAllowed` when only the method is wrong. */
	match(
		request: SandboxRequest,
	): { handler: Handler; params: Record<string, string> } | 'methodNotAllowed' | undefined {
		let pathMatched = false;
		for (const route of this.routes) {
			const found = route.pattern.exec(request.path);
			if (!found) continue;
			pathMatched = true;
			if (route.method !== request.method) continue;
			const params: Record<string, string> = {};
			route.names.forEach((name, index) => {
				params[name] = decodeURIComponent(found[index + 1]);
			});
			return { handler: route.handler, params };
		}
		return pathMatched ? 'methodNotAllowed' : undefined;
	}
}
