import { WorkflowExecute } from 'n8n-core';
import {
	UnexpectedError,
	Workflow,
	type ExecutionBaseError,
	type ICredentialType,
	type IConnections,
	type INodeExecutionData,
	type IRun,
	type IRunData,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { useBinaryDataMode, type BinaryDataMode } from './binaryData';
import { defaultCredentialTypes } from './credentialTypes';
import { TestCredentialsHelper, type CredentialsData } from './credentialsHelper';
import { prepareN8nRuntime } from './n8nRuntime';
import { createNodeTypes, MANUAL_TRIGGER_TYPE, type NodeTypeMap } from './nodeTypes';
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

export interface WorkflowRunResult {
	run: IRun;
	runData: IRunData;
	/** Items a node sent out of `outputIndex` in its run `runIndex`; [] if it did not run. */
	outputOf(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** The error a node failed with (the real NodeApiError/NodeOperationError object). */
	errorOf(nodeName: string, runIndex?: number): ExecutionBaseError | undefined;
	/** The error that stopped the workflow, if any. */
	error?: ExecutionBaseError;
}

let executionCounter = 0;

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	prepareN8nRuntime();
	await useBinaryDataMode(options.binaryDataMode ?? 'default');

	const nodes = completeNodes(options.nodes);
	const connections = options.connections ?? chainConnections(nodes);
	const executionId = String(++executionCounter);
	const thrownBy = new Map<string, unknown>();
	const workflowData = workflowBase(`harness-${executionId}`, nodes, connections);
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes: createNodeTypes(options.nodeTypes, (nodeName, error) => thrownBy.set(nodeName, error)),
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
	return describeRun(run, thrownBy);
}

function describeRun(run: IRun, thrownBy: Map<string, unknown>): WorkflowRunResult {
	const { runData, error, lastNodeExecuted } = run.data.resultData;
	// The engine stores `{ ...error }`; hand back the object the node really threw when we saw it.
	const original = (nodeName: string | undefined, stored: ExecutionBaseError | undefined) =>
		stored && nodeName && thrownBy.has(nodeName) ? (thrownBy.get(nodeName) as ExecutionBaseError) : stored;
	return {
		run,
		runData,
		error: original(lastNodeExecuted, error),
		outputOf: (nodeName, outputIndex = 0, runIndex = 0) =>
			runData[nodeName]?.[runIndex]?.data?.main?.[outputIndex] ?? [],
		errorOf: (nodeName, runIndex = 0) => original(nodeName, runData[nodeName]?.[runIndex]?.error),
	};
}
