import type { IncomingMessage, ServerResponse } from 'node:http';

import { WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	type INodeExecutionData,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { describeRun, type ThrownErrors, type WorkflowRunResult } from './runResult';
import type { SavedTriggerWorkflow, WebhookMode } from './savedTriggerWorkflow';
import {
	answerJson,
	asWebhookResponse,
	readWebhookRequest,
	UnparsableBodyError,
	type WebhookRequest,
} from './webhookHttp';
import { runNodeWebhook } from './webhooks';

export interface TriggerExecution {
	webhookMode: WebhookMode;
	request: { headers: IncomingMessage['headers']; body: unknown };
	/** What the trigger's webhook() emitted on its first output. */
	items: INodeExecutionData[];
	/** The workflow run that followed, through WorkflowExecute. */
	result: WorkflowRunResult;
}

/** What the endpoint needs from the harness that owns the registrations. */
export interface WebhookEndpointHost {
	saved: SavedTriggerWorkflow;
	thrown: ThrownErrors;
	/** The workflow whose webhooks are registered for `mode`, if any. */
	registeredWorkflow(mode: WebhookMode): Workflow | undefined;
	/** n8n stops listening once a test event has started an execution. */
	testEventStarted(): Promise<void>;
	recordExecution(execution: TriggerExecution): void;
}

/** n8n's /webhook/… and /webhook-test/… routes: find the webhook, run the node, answer, execute. */
export async function serveWebhookRequest(
	host: WebhookEndpointHost,
	incoming: IncomingMessage,
	response: ServerResponse,
): Promise<void> {
	const match = /^\/(webhook|webhook-test)\/([^?]*)/.exec(incoming.url ?? '');
	const webhookMode: WebhookMode = match?.[1] === 'webhook-test' ? 'test' : 'production';
	const path = decodeURIComponent(match?.[2] ?? '').replace(/\/$/, '');
	const method = incoming.method ?? 'GET';
	const workflow = match ? host.registeredWorkflow(webhookMode) : undefined;
	const webhooks = workflow ? host.saved.webhooksOf(workflow, webhookMode) : [];
	const webhook = webhooks.find((candidate) => candidate.path === path && candidate.httpMethod === method);
	if (!workflow || !webhook) {
		const hint = webhooks.some((candidate) => candidate.path === path)
			? ` This webhook is not registered for ${method} requests.`
			: '';
		const message = `The requested webhook "${method} ${path}" is not registered.${hint}`;
		answerJson(response, 404, { code: 404, message });
		return;
	}

	let request: WebhookRequest;
	try {
		request = await readWebhookRequest(incoming);
	} catch (error) {
		if (!(error instanceof UnparsableBodyError)) throw error;
		answerJson(response, 400, { code: 400, message: error.message });
		return;
	}
	await runWebhook(host, workflow, webhook, webhookMode, request, response);
}

async function runWebhook(
	host: WebhookEndpointHost,
	workflow: Workflow,
	webhook: IWebhookData,
	webhookMode: WebhookMode,
	request: WebhookRequest,
	response: ServerResponse,
): Promise<void> {
	const mode: WorkflowExecuteMode = webhookMode === 'test' ? 'manual' : 'webhook';
	const additionalData = host.saved.additionalData(mode);
	additionalData.httpRequest = request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	additionalData.httpResponse = asWebhookResponse(response) as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
	const persist = () => webhookMode === 'production' && host.saved.persistStaticData(workflow);

	const webhookData = { ...webhook, workflowExecuteAdditionalData: additionalData };
	const result = await runNodeWebhook(workflow, webhookData, additionalData, mode);
	persist();
	if (!result.noWebhookResponse) {
		if (result.webhookResponse !== undefined) {
			asWebhookResponse(response).status(200).send(result.webhookResponse);
		} else {
			const message = result.workflowData ? 'Workflow was started' : 'Webhook call received';
			answerJson(response, 200, { message });
		}
	}
	if (!result.workflowData) return;

	if (webhookMode === 'test') await host.testEventStarted();
	const run = await runFromTrigger(workflow, webhook.node, result.workflowData, additionalData, mode, host.thrown);
	persist();
	host.recordExecution({
		webhookMode,
		request: { headers: request.headers, body: request.body },
		items: result.workflowData[0] ?? [],
		result: run,
	});
}

async function runFromTrigger(
	workflow: Workflow,
	triggerName: string,
	workflowData: INodeExecutionData[][],
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	thrown: ThrownErrors,
): Promise<WorkflowRunResult> {
	const triggerNode = workflow.getNode(triggerName)!;
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: triggerNode, data: { main: workflowData }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	return describeRun(run, additionalData.executionId!, thrown);
}
