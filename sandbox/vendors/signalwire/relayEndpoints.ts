import { randomUUID } from 'node:crypto';
import type { Router } from '../../core/router';
import type { SandboxRequest, SandboxResponse, VendorContext } from '../../core/types';
import { humanize, notFound, relayInvalid } from './errors';
import { page } from './paging';
import type { RelaySipProfile } from './relayProfile';
import { seededPasswords, VENDOR } from './space';

/** The relay REST API's SIP endpoints (legacy): full CRUD, the password readable by the API only. */

// Several pages of the node's page size (100), so Return All has to follow links.next.
const SEEDED_ENDPOINTS = 250;

/** The target field each relay call handler needs ("Required when call_handler is …"). */
const HANDLER_TARGET: Record<string, string | undefined> = {
	relay_context: 'call_relay_context',
	relay_topic: 'call_relay_topic',
	relay_application: 'call_relay_application',
	relay_connector: undefined,
	relay_script: 'call_relay_script_url',
	laml_webhooks: 'call_request_url',
	laml_application: 'call_laml_application_id',
	dialogflow: 'call_dialogflow_agent_id',
	video_room: 'call_video_room_id',
	call_flow: 'call_flow_id',
	ai_agent: 'call_ai_agent_id',
};

/** Everything SipEndpoint returns, plus what the API keeps but never shows. */
interface Endpoint {
	type: 'sip_endpoint';
	id: string;
	username: string;
	caller_id: string | null;
	send_as: string;
	ciphers: string[];
	codecs: string[];
	encryption: string;
	call_handler: string | null;
	calling_handler_resource_id: string | null;
	call_request_url: string | null;
	call_request_method: string | null;
	call_fallback_url: string | null;
	call_fallback_method: string | null;
	call_status_callback_url: string | null;
	call_status_callback_method: string | null;
	call_laml_application_id: string | null;
	call_dialogflow_agent_id: string | null;
	call_relay_topic: string | null;
	call_relay_topic_status_callback_url: string | null;
	call_relay_context: string | null;
	call_relay_context_status_callback_url: string | null;
	call_relay_application: string | null;
	call_video_room_id: string | null;
	call_relay_script_url: string | null;
	hidden: {
		password: string;
		call_flow_id?: string;
		call_flow_version?: string;
		call_ai_agent_id?: string;
	};
}

const COLLECTION = '/api/relay/rest/endpoints/sip';

export class RelaySipEndpoints {
	private endpoints = new Map<string, Endpoint>();

	constructor(private readonly profile: RelaySipProfile) {}

	routes(router: Router): void {
		router
			.on('GET', COLLECTION, (request, _params, context) => this.list(request, context))
			.on('POST', COLLECTION, (request, _params, context) => this.create(request, context))
			.on('GET', `${COLLECTION}/{id}`, (_request, { id }) => this.get(id))
			.on('PUT', `${COLLECTION}/{id}`, (request, { id }, context) =>
				this.update(id, request, context),
			)
			.on('DELETE', `${COLLECTION}/{id}`, (_request, { id }, context) => this.delete(id, context));
	}

	/** Seeds the endpoints; the SIP profile must be reset first (new endpoints start from its defaults). */
	reset(context: VendorContext): void {
		const passwords = seededPasswords(SEEDED_ENDPOINTS);
		this.endpoints = new Map();
		for (let n = 0; n < SEEDED_ENDPOINTS; n++) {
			const endpoint = this.newEndpoint(`ext${1000 + n}`, passwords[n]);
			endpoint.caller_id = n % 3 === 0 ? `Front Desk ${n}` : `Agent ${n}`;
			this.endpoints.set(endpoint.id, endpoint);
			context.devices.created(VENDOR, endpoint.id, endpoint.hidden.password);
		}
	}

	seeded(): { sipEndpointIds: string[]; sipEndpointCount: number } {
		return {
			sipEndpointIds: [...this.endpoints.keys()].slice(0, 5),
			sipEndpointCount: this.endpoints.size,
		};
	}

	passwords(): string[] {
		return [...this.endpoints.values()].map((endpoint) => endpoint.hidden.password);
	}

	private newEndpoint(username: string, password: string): Endpoint {
		const defaults = this.profile.defaults;
		return {
			type: 'sip_endpoint',
			id: randomUUID(),
			username,
			caller_id: null,
			// [I] An endpoint created without send_as sends from a random project number.
			send_as: 'random',
			// [I] A new endpoint starts from the SIP profile's defaults.
			ciphers: [...defaults.default_ciphers],
			codecs: [...defaults.default_codecs],
			encryption: 'default',
			call_handler: null,
			calling_handler_resource_id: null,
			call_request_url: null,
			call_request_method: null,
			call_fallback_url: null,
			call_fallback_method: null,
			call_status_callback_url: null,
			call_status_callback_method: null,
			call_laml_application_id: null,
			call_dialogflow_agent_id: null,
			call_relay_topic: null,
			call_relay_topic_status_callback_url: null,
			call_relay_context: null,
			call_relay_context_status_callback_url: null,
			call_relay_application: null,
			call_video_room_id: null,
			call_relay_script_url: null,
			hidden: { password },
		};
	}

	private view(endpoint: Endpoint) {
		const { hidden: _hidden, ...visible } = endpoint;
		return visible;
	}

	/** Rules beyond the schema that the spec states in words. */
	private problems(merged: Record<string, unknown>, exceptId?: string): string[] {
		const details: string[] = [];
		const username = merged.username;
		if (typeof username === 'string') {
			if (username === '') details.push("Username can't be blank");
			else if (/[\s@]/.test(username))
				details.push('Username must not contain white space characters or @');
			// [I] The exact wording of the uniqueness error is not documented.
			else if (
				[...this.endpoints.values()].some(
					(other) => other.username === username && other.id !== exceptId,
				)
			) {
				details.push('Username has already been taken');
			}
		}
		if (merged.password === '') details.push("Password can't be blank");
		const handler = merged.call_handler;
		const target = typeof handler === 'string' ? HANDLER_TARGET[handler] : undefined;
		if (
			target &&
			(merged[target] === undefined || merged[target] === null || merged[target] === '')
		) {
			details.push(`${humanize(target)} can't be blank when call handler is ${handler}`);
		}
		return details;
	}

	private apply(endpoint: Endpoint, changes: Record<string, unknown>): void {
		const { password, call_flow_id, call_flow_version, call_ai_agent_id, ...visible } = changes;
		Object.assign(endpoint, visible);
		if (typeof password === 'string') endpoint.hidden.password = password;
		if (call_flow_version !== undefined)
			endpoint.hidden.call_flow_version = String(call_flow_version);
		// [I] SipEndpoint has no call_flow_id / call_ai_agent_id; the handling resource shows up as
		// calling_handler_resource_id instead.
		if (typeof call_flow_id === 'string') {
			endpoint.hidden.call_flow_id = call_flow_id;
			if (endpoint.call_handler === 'call_flow')
				endpoint.calling_handler_resource_id = call_flow_id;
		}
		if (typeof call_ai_agent_id === 'string') {
			endpoint.hidden.call_ai_agent_id = call_ai_agent_id;
			if (endpoint.call_handler === 'ai_agent')
				endpoint.calling_handler_resource_id = call_ai_agent_id;
		}
	}

	private list(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const keep: Record<string, string> = {};
		let all = [...this.endpoints.values()];
		for (const [parameter, field] of [
			['filter_username', 'username'],
			['filter_caller_id', 'caller_id'],
		] as const) {
			const needle = request.query.get(parameter);
			if (!needle) continue;
			keep[parameter] = needle;
			all = all.filter((endpoint) =>
				String(endpoint[field] ?? '')
					.toLowerCase()
					.includes(needle.toLowerCase()),
			);
		}
		const found = page('relay', all, request, context, keep);
		if ('status' in found) return found;
		return {
			status: 200,
			body: { links: found.links, data: found.items.map((endpoint) => this.view(endpoint)) },
		};
	}

	private create(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const body = request.body as Record<string, unknown>;
		const details = this.problems(body);
		if (details.length) return relayInvalid(details);
		const endpoint = this.newEndpoint(String(body.username), String(body.password));
		this.apply(endpoint, body);
		this.endpoints.set(endpoint.id, endpoint);
		context.devices.created(VENDOR, endpoint.id, endpoint.hidden.password);
		// The spec answers this POST with 200, not 201.
		return { status: 200, body: this.view(endpoint) };
	}

	private get(id: string): SandboxResponse {
		const endpoint = this.endpoints.get(id);
		return endpoint ? { status: 200, body: this.view(endpoint) } : notFound();
	}

	private update(id: string, request: SandboxRequest, context: VendorContext): SandboxResponse {
		const endpoint = this.endpoints.get(id);
		if (!endpoint) return notFound();
		const changes = (request.body ?? {}) as Record<string, unknown>;
		const merged = { ...endpoint, ...endpoint.hidden, ...changes };
		const details = this.problems(merged, id);
		if (details.length) return relayInvalid(details);
		this.apply(endpoint, changes);
		if (typeof changes.password === 'string')
			context.devices.passwordChanged(VENDOR, id, changes.password);
		return { status: 200, body: this.view(endpoint) };
	}

	private delete(id: string, context: VendorContext): SandboxResponse {
		if (!this.endpoints.delete(id)) return notFound();
		context.devices.removed(VENDOR, id);
		return { status: 204 };
	}
}
