import type { Router } from '../../core/router';
import type { SandboxRequest, SandboxResponse } from '../../core/types';
import { relayInvalid } from './errors';
import { CIPHERS, SPACE } from './space';
import type { SignalWireSpace } from './space';

/** The relay REST API's SIP profile: one per project, read and replaced (PUT), the defaults of new endpoints. */

export const PROFILE_PATH = '/api/relay/rest/sip_profile';

const PROFILE_CODECS = ['OPUS', 'G722', 'PCMU', 'PCMA', 'VP8', 'H264'];
const E164 = /^\+[1-9]\d{1,14}$/;

export interface SipProfile {
	domain_identifier: string;
	default_codecs: string[];
	default_ciphers: string[];
	default_encryption: 'required' | 'optional';
	default_send_as: string;
}

export class RelaySipProfile {
	private profile!: SipProfile;

	constructor(private readonly space: SignalWireSpace) {}

	routes(router: Router): void {
		router
			.on('GET', PROFILE_PATH, () => ({ status: 200, body: this.view() }))
			.on('PUT', PROFILE_PATH, (request) => this.update(request));
	}

	reset(): void {
		this.profile = {
			domain_identifier: 'office',
			default_codecs: ['OPUS', 'PCMU', 'PCMA'],
			default_ciphers: [...CIPHERS],
			default_encryption: 'optional',
			default_send_as: this.space.projectNumbers[0],
		};
	}

	/** What a new endpoint starts from. */
	get defaults(): Readonly<SipProfile> {
		return this.profile;
	}

	/**
	 * The body as the schema can judge it. `default_send_as` is typed string, yet the same schema's
	 * description says "Specify null or an empty string" for a random number, so null is accepted.
	 */
	forContract(body: unknown): unknown {
		if (
			body &&
			typeof body === 'object' &&
			(body as Record<string, unknown>).default_send_as === null
		) {
			return { ...(body as Record<string, unknown>), default_send_as: '' };
		}
		return body;
	}

	private view() {
		// [I] The domain joins Space and identifier: the spec's example is your-space-example.sip.signalwire.com.
		return {
			domain: `${SPACE}-${this.profile.domain_identifier}.sip.signalwire.com`,
			...this.profile,
		};
	}

	private update(request: SandboxRequest): SandboxResponse {
		const changes = request.body as Partial<Record<keyof SipProfile, unknown>>;
		const details: string[] = [];
		if (
			changes.domain_identifier !== undefined &&
			String(changes.domain_identifier).trim() === ''
		) {
			details.push("Domain identifier can't be blank");
		}
		const unsupportedCodecs = ((changes.default_codecs as string[]) ?? []).filter(
			(codec) => !PROFILE_CODECS.includes(codec),
		);
		if (unsupportedCodecs.length)
			details.push(`Default codecs contains unsupported values: ${unsupportedCodecs.join(', ')}`);
		const unsupportedCiphers = ((changes.default_ciphers as string[]) ?? []).filter(
			(cipher) => !CIPHERS.includes(cipher),
		);
		if (unsupportedCiphers.length)
			details.push(`Default ciphers contains unsupported values: ${unsupportedCiphers.join(', ')}`);
		const sendAs = changes.default_send_as;
		if (typeof sendAs === 'string' && sendAs !== '') {
			if (!E164.test(sendAs)) details.push('Default send as must be an E.164 number');
			// [I] SignalWire can only send from numbers the project bought or verified.
			else if (!this.space.projectNumbers.includes(sendAs))
				details.push('Default send as is not a purchased or verified number of this project');
		}
		if (details.length) return relayInvalid(details);
		const { default_send_as: _sendAs, ...rest } = changes;
		Object.assign(this.profile, rest);
		// [I] null and "" both mean "pick a random number"; the response schema types it as a string.
		if ('default_send_as' in changes)
			this.profile.default_send_as = typeof sendAs === 'string' ? sendAs : '';
		// The spec answers this PUT with 201.
		return { status: 201, body: this.view() };
	}
}
