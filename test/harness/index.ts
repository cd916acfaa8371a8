export { runWorkflow, type RunWorkflowOptions } from './runWorkflow';
export type { WorkflowRunResult } from './runResult';
export { testCredential } from './credentialTest';
export { TestCredentialsHelper, type CredentialsData } from './credentialsHelper';
export {
	binarySha256,
	binaryStream,
	binaryToBuffer,
	binaryDataStoragePath,
	removeBinaryDataStorage,
	type BinaryDataMode,
} from './binaryData';
export { assertNoSecret } from './secrets';
export { errorReports } from './n8nRuntime';
export { startLocalServer, type LocalServer, type RecordedRequest } from './localServer';
export {
	BINARY_SOURCE_TYPE,
	CONTENTGROOVE_TRIGGER_TYPE,
	CONTENTGROOVE_TYPE,
	HTTP_PROBE_TYPE,
	MANUAL_TRIGGER_TYPE,
	WEBHOOK_PROBE_TRIGGER_TYPE,
	createNodeTypes,
	withOurNodes,
	type NodeTypeMap,
} from './nodeTypes';
export { deterministicBytes } from './testNodes/BinarySource.node';
export { chainConnections, type WorkflowNodeJson } from './workflowJson';
export {
	TriggerHarness,
	type TriggerExecution,
	type TriggerHarnessOptions,
	type WebhookMethodCall,
	type WebhookMode,
} from './trigger';
