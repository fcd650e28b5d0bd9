import { createHash } from 'node:crypto';
import type { FleetSimulation, SandboxConfig } from './types';

/**
 * Simulated SIP devices, one per credential-bearing resource. A device registers only with the
 * password the vendor currently holds: after a password change it stays unregistered until it is
 * given the new password (the admin "provision" call stands for someone updating the phone), then
 * registers after the configured delay. In demo mode (`config.fleet`) a provisioning server gives
 * each phone its new password a delay after the change, except a fixed share of phones that never
 * get it. State is derived from timestamps, so no timers run.
 */
export interface DeviceState {
	registered: boolean;
	registeredAt?: string;
	expiresAt?: string;
	contact?: string;
	userAgent?: string;
}

interface Device {
	vendorPassword: string;
	devicePassword: string;
	/** When the device (re)presented a matching password; registration completes a delay later. */
	matchedAt?: number;
	userAgent: string;
}

export class DeviceRegistry {
	private readonly devices = new Map<string, Device>();

	constructor(
		private readonly config: () => Pick<SandboxConfig, 'registrationDelayMs' | 'fleet'>,
	) {}

	private key(vendor: string, id: string): string {
		return `${vendor}:${id}`;
	}

	/**
	 * A resource was created with a password: its device is set up with the same one, or with
	 * `phonePassword` for a phone that still holds an older password (it stays unregistered).
	 */
	created(
		vendor: string,
		id: string,
		password: string,
		userAgent = 'SandboxPhone/1.0',
		phonePassword = password,
	): void {
		this.devices.set(this.key(vendor, id), {
			vendorPassword: password,
			devicePassword: phonePassword,
			// A device that exists before the test starts has long been registered.
			matchedAt: phonePassword === password ? Date.now() - 86_400_000 : undefined,
			userAgent,
		});
	}

	/**
	 * The vendor's password changed: the device keeps its old one until provisioned — by the admin
	 * API, or in demo mode by the provisioning server, `provisionDelayMs` later.
	 */
	passwordChanged(vendor: string, id: string, password: string): void {
		const device = this.devices.get(this.key(vendor, id));
		if (!device) return;
		if (device.vendorPassword === password) return;
		device.vendorPassword = password;
		const fleet = this.config().fleet;
		if (fleet && !neverProvisioned(vendor, id, fleet)) {
			device.devicePassword = password;
			device.matchedAt = Date.now() + fleet.provisionDelayMs;
			return;
		}
		device.matchedAt = device.devicePassword === password ? Date.now() : undefined;
	}

	/** The device is given a password (someone updated the phone's config). */
	provision(vendor: string, id: string, password: string): boolean {
		const device = this.devices.get(this.key(vendor, id));
		if (!device) return false;
		device.devicePassword = password;
		device.matchedAt = password === device.vendorPassword ? Date.now() : undefined;
		return true;
	}

	removed(vendor: string, id: string): void {
		this.devices.delete(this.key(vendor, id));
	}

	has(vendor: string, id: string): boolean {
		return this.devices.has(this.key(vendor, id));
	}

	/** The password the vendor currently holds (tests check what was applied). */
	vendorPassword(vendor: string, id: string): string | undefined {
		return this.devices.get(this.key(vendor, id))?.vendorPassword;
	}

	state(vendor: string, id: string): DeviceState {
		const device = this.devices.get(this.key(vendor, id));
		if (!device || device.matchedAt === undefined) return { registered: false };
		const registeredAt = device.matchedAt + this.config().registrationDelayMs;
		if (Date.now() < registeredAt) return { registered: false };
		return {
			registered: true,
			registeredAt: new Date(registeredAt).toISOString(),
			expiresAt: new Date(Date.now() + 3600_000).toISOString(),
			contact: `sip:${id}@192.0.2.10:5060`,
			userAgent: device.userAgent,
		};
	}

	clearVendor(vendor: string): void {
		for (const key of [...this.devices.keys()])
			if (key.startsWith(`${vendor}:`)) this.devices.delete(key);
	}
}

/** Whether a phone is one of the fleet's share that never gets a new password: fixed per device (a hash of its ID). */
export function neverProvisioned(vendor: string, id: string, fleet: FleetSimulation): boolean {
	if (fleet.neverProvisionedShare <= 0) return false;
	const position =
		createHash('sha256').update(`${vendor}:${id}`).digest().readUInt32BE(0) / 0x1_0000_0000;
	return position < fleet.neverProvisionedShare;
}
