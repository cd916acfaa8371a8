import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialType,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { defaultCredentialTypes } from './credentialTypes';
import { TestCredentialsHelper } from './credentialsHelper';
import { prepareN8nRuntime } from './n8nRuntime';
import { workflowBase } from './workflowJson';

interface ResponseError {
	message: string;
	cause?: { code?: string; response?: { status: number; statusText?: string } };
}

/**
 * Runs a credential's declarative `test` request as the credential dialog does (n8n's
 * CredentialsTester: a throw-away node whose routing is the test request, run by RoutingNode),
 * and reports the same `{ status, message }` the user would see.
 */
export async function testCredential(
	credentialsData: ICredentialDataDecryptedObject,
	options: { type?: string; credentialTypes?: ICredentialType[] } = {},
): Promise<INodeCredentialTestResult> {
	prepareN8nRuntime();
	const type = options.type ?? 'contentGrooveApi';
	const credentialsHelper = new TestCredentialsHelper(options.credentialTypes ?? defaultCredentialTypes(), {
		[type]: credentialsData,
	});
	const testRequest = credentialsHelper.getCredentialType(type).test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentials: ICredentialsDecrypted = {
		id: 'credential-under-test',
		name: 'Credential under test',
		type,
		data: { ...credentialsHelper.defaultsOf(type), ...credentialsData },
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: type, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' },
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: credentials.id, name: credentials.name } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData({
		credentialsHelper,
		workflowData: workflowBase('credential-test', [node], {}),
		mode: 'internal',
		executionId: 'credential-test',
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);

	try {
		await new RoutingNode(context, nodeType, credentials).runNode();
	} catch (caught) {
		return describeFailure(caught as ResponseError);
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** The CLI's mapping of a failed test request to the message shown in the dialog. */
function describeFailure(error: ResponseError): INodeCredentialTestResult {
	const response = error.cause?.response;
	if (response && (response.status < 199 || response.status > 299)) {
		return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
	}
	if (!response && error.cause?.code) return { status: 'Error', message: error.cause.code };
	return { status: 'Error', message: String(error.message) };
}
