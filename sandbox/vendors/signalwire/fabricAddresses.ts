import { randomUUID } from 'node:crypto';
import type { Router } from '../../core/router';
import type { SandboxRequest, SandboxResponse, VendorContext } from '../../core/types';
import { fabricInvalid, notFound } from './errors';
import type { FabricError } from './errors';
import { page } from './paging';
import { CIPHERS, seededPasswords, SPACE, VENDOR } from './space';
import type { SignalWireSpace } from './space';

/** The Fabric API's SIP addresses: CRUD with a write-only password, each address handled by a Fabric resource. */

const SEEDED_ADDRESSES = 120;

interface Address {
	id: string;
	type: 'sip_address';
	resource_id: string;
	name: string;
	display_name: string;
	context: string;
	uri: string;
	user: string;
	encryption: string;
	codecs: string[];
	ciphers: string[];
	ip_auth_enabled: boolean;
	ip_auth: string[];
	calling_handler_resource_id: string;
	created_at: string;
	updated_at: string;
	password?: string;
}

const COLLECTION = '/api/fabric/sip_addresses';

export class FabricSipAddresses {
	private addresses = new Map<string, Address>();

	constructor(private readonly space: SignalWireSpace) {}

	routes(router: Router): void {
		router
			.on('GET', COLLECTION, (request, _params, context) => this.list(request, context))
			.on('POST', COLLECTION, (request, _params, context) => this.create(request, context))
			.on('GET', `${COLLECTION}/{id}`, (_request, { id }) => this.get(id))
			.on('PATCH', `${COLLECTION}/{id}`, (request, { id }, context) =>
				this.update(id, request, context),
			)
			.on('DELETE', `${COLLECTION}/{id}`, (_request, { id }, context) => this.delete(id, context));
	}

	reset(context: VendorContext): void {
		const passwords = seededPasswords(SEEDED_ADDRESSES);
		this.addresses = new Map();
		for (let n = 0; n < SEEDED_ADDRESSES; n++) {
			const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
			const address = this.newAddress(
				`line-${n}`,
				this.space.callingResources[n % 3],
				this.space.publicDomain,
				at,
			);
			address.user = `agent${n}`;
			address.password = passwords[n];
			this.addresses.set(address.id, address);
			context.devices.created(VENDOR, address.id, address.password);
		}
	}

	seeded(): { sipAddressIds: string[]; sipAddressCount: number } {
		return {
			sipAddressIds: [...this.addresses.keys()].slice(0, 5),
			sipAddressCount: this.addresses.size,
		};
	}

	passwords(): string[] {
		return [...this.addresses.values()].flatMap((address) =>
			address.password ? [address.password] : [],
		);
	}

	private newAddress(
		name: string,
		handler: string,
		contextId: string,
		at = new Date().toISOString(),
	): Address {
		const address: Address = {
			id: randomUUID(),
			type: 'sip_address',
			// [I] Every Fabric address is itself a resource with its own ID.
			resource_id: randomUUID(),
			name,
			display_name: name,
			context: this.space.domains.get(contextId) ?? 'public',
			uri: '',
			user: '*',
			encryption: 'optional',
			codecs: ['PCMU', 'PCMA'],
			ciphers: [...CIPHERS],
			ip_auth_enabled: false,
			ip_auth: [],
			calling_handler_resource_id: handler,
			created_at: at,
			updated_at: at,
		};
		address.uri = this.uriOf(address);
		return address;
	}

	/** [I] From the spec's example sip:my-space-support-line@sip.signalwire.com (default Domain). */
	private uriOf(address: Address): string {
		const domain =
			address.context === 'public' ? 'sip.signalwire.com' : `${address.context}.sip.signalwire.com`;
		return `sip:${SPACE}-${address.name}@${domain}`;
	}

	private view(address: Address) {
		const { password: _password, ...visible } = address;
		return visible;
	}

	/** Rules the spec states in words rather than in the schema. */
	private problems(merged: Address, exceptId?: string): FabricError[] {
		const errors: FabricError[] = [];
		if (
			[...this.addresses.values()].some(
				(other) => other.name === merged.name && other.id !== exceptId,
			)
		) {
			errors.push({
				code: 'invalid_parameter',
				message: 'Name has already been taken',
				attribute: 'name',
			});
		}
		if (!this.space.callingResources.includes(merged.calling_handler_resource_id)) {
			errors.push({
				code: 'invalid_parameter',
				message: 'Calling handler resource must reference a resource in this project',
				attribute: 'calling_handler_resource_id',
			});
		}
		if (merged.ip_auth_enabled && merged.ip_auth.length === 0) {
			errors.push({
				code: 'invalid_parameter',
				message: 'Ip auth needs at least one entry when ip_auth_enabled is true',
				attribute: 'ip_auth',
			});
		}
		return errors;
	}

	private list(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const found = page('fabric', [...this.addresses.values()], request, context);
		if ('status' in found) return found;
		return {
			status: 200,
			body: {
				links: found.links,
				items_count: found.items.length,
				data: found.items.map((address) => this.view(address)),
			},
		};
	}

	private apply(address: Address, changes: Record<string, unknown>): FabricError[] {
		const { context_id, password: _password, ...rest } = changes;
		if (context_id !== undefined) {
			const domain = this.space.domains.get(String(context_id));
			if (!domain) {
				return [
					{
						code: 'invalid_parameter',
						message: 'Context must reference a Domain of this project',
						attribute: 'context_id',
					},
				];
			}
			address.context = domain;
		}
		Object.assign(address, rest);
		address.display_name = address.name;
		address.uri = this.uriOf(address);
		return [];
	}

	private create(request: SandboxRequest, context: VendorContext): SandboxResponse {
		const body = request.body as Record<string, unknown>;
		const address = this.newAddress(
			String(body.name),
			String(body.calling_handler_resource_id),
			this.space.publicDomain,
		);
		const errors = [...this.apply(address, body), ...this.problems(address)];
		if (errors.length) return fabricInvalid(errors);
		if (typeof body.password === 'string') {
			address.password = body.password;
			context.devices.created(VENDOR, address.id, body.password);
		}
		this.addresses.set(address.id, address);
		return { status: 201, body: this.view(address) };
	}

	private get(id: string): SandboxResponse {
		const address = this.addresses.get(id);
		return address ? { status: 200, body: this.view(address) } : notFound();
	}

	private update(id: string, request: SandboxRequest, context: VendorContext): SandboxResponse {
		const address = this.addresses.get(id);
		if (!address) return notFound();
		const changes = (request.body ?? {}) as Record<string, unknown>;
		const candidate: Address = {
			...address,
			codecs: [...address.codecs],
			ciphers: [...address.ciphers],
			ip_auth: [...address.ip_auth],
		};
		const errors = [...this.apply(candidate, changes), ...this.problems(candidate, id)];
		if (errors.length) return fabricInvalid(errors);
		candidate.updated_at = new Date().toISOString();
		this.addresses.set(id, candidate);
		if (typeof changes.password === 'string') {
			candidate.password = changes.password;
			if (context.devices.has(VENDOR, id))
				context.devices.passwordChanged(VENDOR, id, changes.password);
			else context.devices.created(VENDOR, id, changes.password);
		}
		return { status: 200, body: this.view(candidate) };
	}

	private delete(id: string, context: VendorContext): SandboxResponse {
		if (!this.addresses.delete(id)) return notFound();
		context.devices.removed(VENDOR, id);
		return { status: 204 };
	}
}
