import { WorkflowExecute } from 'n8n-core';
import { UnexpectedError, Workflow, type ICredentialType, type IConnections } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { useBinaryDataMode, type BinaryDataMode } from './binaryData';
import { defaultCredentialTypes } from './credentialTypes';
import { TestCredentialsHelper, type CredentialsData } from './credentialsHelper';
import { prepareN8nRuntime } from './n8nRuntime';
import { createNodeTypes, MANUAL_TRIGGER_TYPE, type NodeTypeMap } from './nodeTypes';
import { describeRun, nextExecutionId, ThrownErrors, type WorkflowRunResult } from './runResult';
import { chainConnections, completeNodes, workflowBase, type WorkflowNodeJson } from './workflowJson';

export interface RunWorkflowOptions {
	nodes: WorkflowNodeJson[];
	/** Defaults to a chain of main connections in array order. */
	connections?: IConnections;
	/** Decrypted credential data by credential type name, e.g. `{ contentGrooveApi: { apiKey, baseUrl } }`. */
	credentials?: CredentialsData;
	binaryDataMode?: BinaryDataMode;
	/** Extra node types by full type name, e.g. the result of `withOurNodes()`. */
	nodeTypes?: NodeTypeMap;
	/** Replaces the default credential types (ContentGrooveApi and the harness's TestApi). */
	credentialTypes?: ICredentialType[];
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	prepareN8nRuntime();
	await useBinaryDataMode(options.binaryDataMode ?? 'default');

	const nodes = completeNodes(options.nodes);
	const connections = options.connections ?? chainConnections(nodes);
	const executionId = nextExecutionId();
	const thrown = new ThrownErrors();
	const workflowData = workflowBase(`harness-${executionId}`, nodes, connections);
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes: createNodeTypes(options.nodeTypes, thrown),
		settings: { executionOrder: 'v1' },
	});
	const startNode = nodes.find((node) => node.type === MANUAL_TRIGGER_TYPE);
	if (!startNode) throw new UnexpectedError(`A harness workflow starts at a ${MANUAL_TRIGGER_TYPE} node`);

	const credentialsHelper = new TestCredentialsHelper(
		options.credentialTypes ?? defaultCredentialTypes(),
		options.credentials ?? {},
	);
	const additionalData = createAdditionalData({ credentialsHelper, workflowData, mode: 'manual', executionId });
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
	return describeRun(run, executionId, thrown);
}
