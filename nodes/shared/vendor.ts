import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import type { PasswordPolicy } from './password';

/** What the shared request path needs to know about one vendor. */
export interface VendorProfile {
	/** Vendor name as users know it, used in every message. */
	displayName: string;
	credentialType: string;
	/**
	 * The credential may log in (preAuthentication) inside a request, before sending it: the
	 * request's Timeout then covers the login too, so it starts with the attempt, not when the
	 * request is handed to the HTTP client.
	 */
	logsInBeforeSending?: boolean;
	/**
	 * Pacing default, a little under the vendor's documented per-key limit (or a conservative
	 * figure where none is documented); users can change it in the node's Options.
	 */
	defaultRequestsPerSecond: number;
	/** The vendor's own message from an error body (each vendor shapes errors differently). */
	errorMessage(body: unknown, status?: number): string | undefined;
	/**
	 * Removes secret fields (digests, passwords) from an object the vendor returned. `context` is the
	 * running operation, for vendors whose node lets the user choose to output a secret.
	 */
	sanitize?(item: IDataObject, context?: IExecuteSingleFunctions): IDataObject;
	/** A 2xx body that still reports failure (e.g. `{success: false}`), as status + message. */
	failureInBody?(body: unknown): { status?: number; message?: string } | undefined;
	/** Body fields that hold secrets in requests: never echoed in errors or outputs. */
	secretRequestFields: readonly string[];
	/**
	 * The credential's secret fields (its password-type fields, session tokens included): redacted
	 * from every error the node or its pickers produce, whatever the vendor echoes.
	 */
	credentialSecretFields: readonly string[];
	/** How passwords of this vendor's credential-bearing resource are rotated (every vendor of the pack has one). */
	rotation: RotationProfile;
}

/** Registration state a vendor exposes on its credential-bearing resource. */
export interface RegistrationState {
	registered: boolean;
	/** When the device registered, if the vendor says (NetSapiens does). */
	registeredAt?: string;
}

export interface RotationProfile {
	/** The node's resource value (e.g. 'sipRegistration') the password operations belong to. */
	resource: string;
	/** The resource in words, for outputs ('SIP registration'). */
	resourceLabel: string;
	policy: PasswordPolicy;
	/** Node parameters that identify the resource, joined with '/' in the output's resourceId. */
	idParameters: readonly string[];
	/** The vendor's update body that sets only the password. */
	passwordBody(password: string): IDataObject;
	/**
	 * Registration state from the body the read-back returned; absent when the vendor exposes none
	 * (the rotation then reports "not verifiable" instead of claiming more than it knows).
	 */
	registration?(body: unknown): RegistrationState;
	/**
	 * The vendor documents that a password change signs out every registered device (Vobiz does), so
	 * a registered state read after the change is itself a registration after it.
	 */
	changeSignsOut?: boolean;
	/** What a read-back proves for this vendor, when it exposes no registration state. */
	notVerifiableReason?: string;
}
