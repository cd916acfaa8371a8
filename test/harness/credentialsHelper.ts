import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	isExpression,
	UnexpectedError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

export type CredentialsData = Record<string, ICredentialDataDecryptedObject>;

/**
 * Stands in for n8n's database-backed CredentialsHelper: hands out the data a test supplies
 * (plus the credential type's defaults, as n8n applies them) and authenticates requests the
 * way the CLI does, so servers see exactly the headers a real n8n would send.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		credentialTypes: ICredentialType[],
		private readonly data: CredentialsData,
	) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	getCredentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}" in the test harness`);
		return type;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = this.getCredentialType(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		if (!workflow || !node) {
			throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
		}

		const additionalKeys = { $credentials: credentials };
		const resolve = (value: string) => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', additionalKeys, undefined, '');
			return String(resolved ?? '');
		};
		requestOptions.headers ??= {};
		const targets = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const bag = (targets[target] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				bag[resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const given = this.data[type];
		if (!given) throw new UnexpectedError(`The test gave no credentials of type "${type}"`);
		return { ...this.defaultsOf(type), ...given };
	}

	defaultsOf(type: string): ICredentialDataDecryptedObject {
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return defaults;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.getCredentialType(type).properties;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type, '');
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
