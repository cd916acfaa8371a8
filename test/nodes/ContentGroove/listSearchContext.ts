import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { CONTENTGROOVE_TYPE, TestCredentialsHelper, type CredentialsData } from '../../harness';
import { createAdditionalData } from '../../harness/additionalData';
import { defaultCredentialTypes } from '../../harness/credentialTypes';
import { prepareN8nRuntime } from '../../harness/n8nRuntime';
import { createNodeTypes, type NodeTypeMap } from '../../harness/nodeTypes';
import { workflowBase } from '../../harness/workflowJson';

export interface ListSearchCall {
	nodeTypes: NodeTypeMap;
	credentials: CredentialsData;
	methodName: string;
	/** The editor's current parameters of the node (what the CLI receives as currentNodeParameters). */
	parameters?: INodeParameters;
	/** The parameter path of the resource locator, e.g. `parameters.mediaId`. */
	path?: string;
	filter?: string;
	paginationToken?: string;
}

/**
 * Calls a resource locator's list search the way the n8n editor's backend does
 * (DynamicNodeParametersService.getResourceLocatorResults): a one-node workflow named "Temp-Node"
 * with the node's credentials, and n8n-core's real LoadOptionsContext as `this`.
 */
export async function callListSearch(call: ListSearchCall): Promise<INodeListSearchResult> {
	prepareN8nRuntime();
	const nodeTypes = createNodeTypes(call.nodeTypes);
	const parameters = call.parameters ?? {};
	const node: INode = {
		parameters,
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: CONTENTGROOVE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { contentGrooveApi: { id: '1', name: 'ContentGroove account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData({
		credentialsHelper: new TestCredentialsHelper(defaultCredentialTypes(), call.credentials),
		workflowData: workflowBase('list-search', [node], {}),
		mode: 'internal',
		executionId: 'list-search',
	});
	additionalData.currentNodeParameters = parameters;

	const nodeType = nodeTypes.getByNameAndVersion(CONTENTGROOVE_TYPE, 1) as INodeType;
	const method = nodeType.methods?.listSearch?.[call.methodName];
	if (typeof method !== 'function') throw new Error(`The node has no listSearch method "${call.methodName}"`);
	const context = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, call.path ?? 'parameters.id');
	return await method.call(context, call.filter, call.paginationToken);
}
