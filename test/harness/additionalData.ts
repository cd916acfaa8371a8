import { ExecutionLifecycleHooks } from 'n8n-core';
import {
	UnexpectedError,
	type ICredentialsHelper,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

/** Where a real n8n would serve; the trigger harness overrides the webhook URLs with its server. */
export interface HarnessUrls {
	instanceBaseUrl: string;
	webhookBaseUrl: string;
	webhookTestBaseUrl: string;
}

export const DEFAULT_URLS: HarnessUrls = {
	instanceBaseUrl: 'http://localhost:5678/',
	webhookBaseUrl: 'http://localhost:5678/webhook',
	webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
};

const unsupported = (what: string) => async () => {
	throw new UnexpectedError(`${what} is not supported by the test harness`);
};

/** The CLI's `getBase()` minus the database: what n8n-core reads from additionalData. */
export function createAdditionalData(options: {
	credentialsHelper: ICredentialsHelper;
	workflowData: IWorkflowBase;
	mode: WorkflowExecuteMode;
	executionId: string;
	urls?: HarnessUrls;
}): IWorkflowExecuteAdditionalData {
	const urls = options.urls ?? DEFAULT_URLS;
	const instance = urls.instanceBaseUrl.replace(/\/$/, '');
	const data: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper: options.credentialsHelper,
		hooks: new ExecutionLifecycleHooks(options.mode, options.executionId, options.workflowData),
		executionId: options.executionId,
		workflowId: options.workflowData.id,
		currentNodeExecutionIndex: 0,
		variables: {},
		instanceBaseUrl: urls.instanceBaseUrl,
		restApiUrl: `${instance}/rest`,
		webhookBaseUrl: urls.webhookBaseUrl,
		webhookTestBaseUrl: urls.webhookTestBaseUrl,
		// n8n-core parses the waiting URLs with `new URL`, so they must be absolute.
		webhookWaitingBaseUrl: `${instance}/webhook-waiting`,
		formBaseUrl: `${instance}/form`,
		formTestBaseUrl: `${instance}/form-test`,
		formWaitingBaseUrl: `${instance}/form-waiting`,
		mcpBaseUrl: `${instance}/mcp`,
		mcpTestBaseUrl: `${instance}/mcp-test`,
		executeWorkflow: unsupported('Executing a sub-workflow'),
		getRunExecutionData: unsupported('Loading another execution'),
		getRuntimeCredential: unsupported('Runtime credentials'),
		startRunnerTask: unsupported('Code node task runners'),
		logAiEvent: () => {},
	};
	return data as IWorkflowExecuteAdditionalData;
}
