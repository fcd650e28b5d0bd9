import { ICredentialsHelper, isExpression } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { packCredentialTypes } from './pack';

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Applies credentials exactly as n8n's CLI CredentialsHelper does (packages/cli/src/credentials-helper.ts):
 * `authenticate` functions are called, generic headers/auth are resolved as expressions with
 * $credentials, `preAuthentication` runs when the expirable field is empty, when n8n-core reports
 * the credential expired after a 401, or during a credential test — and what it returns is saved,
 * so the next execution reuses the token. Credentials live in memory instead of a database.
 */
export class CredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoredCredential>();
	private readonly types: Record<string, ICredentialType> = packCredentialTypes();
	/** How many times each credential's preAuthentication ran (logins). */
	readonly preAuthenticationCalls = new Map<string, number>();

	add(credential: StoredCredential): INodeCredentialsDetails {
		this.store.set(credential.id, { ...credential, data: { ...credential.data } });
		return { id: credential.id, name: credential.name };
	}

	stored(id: string): ICredentialDataDecryptedObject | undefined {
		return this.store.get(id)?.data;
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		return this.type(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.type(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type === 'generic') {
			requestOptions.headers ??= {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const resolve = (text: string) =>
						isExpression(text) && workflow && node
							? String(
									workflow.expression.getSimpleParameterValue(
										node,
										text,
										'internal',
										{ $credentials: credentials },
										undefined,
										'',
									) ?? '',
								)
							: text;
					const target = ((requestOptions as any)[outerKey] ??= {});
					target[resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials)
			return undefined;
		const restricted: IHttpRequestHelper = {
			helpers: { httpRequest: helpers.helpers.httpRequest },
		};
		const output = await type.preAuthentication.call(restricted, credentials);
		const id = node.credentials?.[typeName]?.id;
		if (id) this.preAuthenticationCalls.set(id, (this.preAuthenticationCalls.get(id) ?? 0) + 1);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials && id && this.store.has(id)) {
			const stored = this.store.get(id)!;
			stored.data = { ...stored.data, ...output } as ICredentialDataDecryptedObject;
			return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (!stored || stored.type !== type)
			throw new Error(`Credential ${nodeCredentials.id} of type ${type} not found`);
		return {
			id: stored.id,
			name: stored.name,
			type: stored.type,
			getData: () => ({ ...stored.data }),
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (!stored || stored.type !== type)
			throw new Error(`Credential ${nodeCredentials.id} of type ${type} not found`);
		const defaults = Object.fromEntries(
			this.type(type).properties.map((property) => [property.name, property.default]),
		) as ICredentialDataDecryptedObject;
		return { ...defaults, ...stored.data };
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (stored) stored.data = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}
