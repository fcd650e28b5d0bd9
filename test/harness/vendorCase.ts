import type { INodeParameters } from 'n8n-workflow';
import type { TestEnvironment } from './run';

/** A call that sends a password, with the name the node shows for its field and the vendor's body field. */
export interface PasswordCall {
	label: string;
	field: string;
	parameters: INodeParameters;
}

/** One vendor node as the shared-layer tests drive it: its credential, a read and the calls that send a password. */
export interface VendorCase {
	vendor: string;
	node: string;
	credentialType: string;
	/** Get of one seeded resource; `id` replaces the ID that is a path segment of the URL. */
	get(env: TestEnvironment, id?: string): INodeParameters;
	/** Every Create/Update that sends a password, with the name the node shows for that field. */
	passwordCalls(env: TestEnvironment, password: string): PasswordCall[];
	/** The credential's fields that must be filled, as the credential names them. */
	requiredCredentialFields: Array<{
		field: string;
		label: string;
		overrides?: Record<string, string>;
	}>;
}

/** A resource whose Update sends the node's field "Password" (the vendor's `password`). */
interface PasswordResource {
	resource: string;
	/** The locators of its seeded resource; `id`, where given, replaces the resource's own ID. */
	locators(seeded: Record<string, any>, id?: string): INodeParameters;
}

/** How a vendor's Create and Update send the node's field "Password": by default, as `password`. */
type PasswordCalls =
	| {
			/** Create's parameters besides the password: the seeded parents and the required fields. */
			create(seeded: Record<string, any>): INodeParameters;
			/** Other resources whose Update sends "Password" too. */
			alsoUpdated?: PasswordResource[];
	  }
	/** For a vendor whose password fields are named otherwise. */
	| { passwordCalls: VendorCase['passwordCalls'] };

/**
 * A vendor case from its main resource: Get addresses the seeded resource by its locators; Create
 * sends `create` with the password, and Update changes only the password, of the main resource and
 * of each of `alsoUpdated`.
 */
export function vendorCase(
	identity: Pick<VendorCase, 'vendor' | 'node' | 'credentialType' | 'requiredCredentialFields'>,
	main: PasswordResource & PasswordCalls,
): VendorCase {
	const seeded = (env: TestEnvironment) => env.seeded(identity.vendor);
	const passwordCall = (parameters: INodeParameters) => ({
		label: 'Password',
		field: 'password',
		parameters,
	});
	const update = (
		{ resource, locators }: PasswordResource,
		env: TestEnvironment,
		password: string,
	) =>
		passwordCall({
			resource,
			operation: 'update',
			...locators(seeded(env)),
			updateFields: { password },
		});
	const defaultCalls =
		(
			create: (seeded: Record<string, any>) => INodeParameters,
			alsoUpdated: PasswordResource[] = [],
		) =>
		(env: TestEnvironment, password: string) => [
			passwordCall({
				resource: main.resource,
				operation: 'create',
				...create(seeded(env)),
				password,
			}),
			...[main, ...alsoUpdated].map((resource) => update(resource, env, password)),
		];
	const passwordCalls =
		'passwordCalls' in main ? main.passwordCalls : defaultCalls(main.create, main.alsoUpdated);
	return {
		...identity,
		get: (env, id) => ({
			resource: main.resource,
			operation: 'get',
			...main.locators(seeded(env), id),
		}),
		passwordCalls,
	};
}
