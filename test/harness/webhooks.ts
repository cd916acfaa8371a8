import { HookContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	UnexpectedError,
	type IHttpRequestMethods,
	type INode,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

export type WebhookSetupMethod = 'checkExists' | 'create' | 'delete';

/** The webhooks n8n registers for a node: as the CLI's WebhookService.getNodeWebhooks computes them. */
export function nodeWebhooks(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData[] {
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const resolve = <T>(value: unknown, fallback?: string | boolean) =>
		workflow.expression.getSimpleParameterValue(node, value as string, 'internal', {}, undefined, fallback) as T;

	return (nodeType.description.webhooks ?? []).flatMap((description) => {
		const rawPath = resolve<string | undefined>(description.path);
		if (rawPath === undefined) return [];
		const nodePath = String(rawPath).replace(/^\//, '').replace(/\/$/, '');
		const path = NodeHelpers.getNodeWebhookPath(
			workflow.id,
			node,
			nodePath,
			resolve<boolean>(description.isFullPath, false),
			resolve<boolean>(description.restartWebhook, false),
		);
		return String(resolve<string>(description.httpMethod, 'GET'))
			.split(',')
			.filter(Boolean)
			.map((httpMethod) => ({
				httpMethod: httpMethod.trim() as IHttpRequestMethods,
				node: node.name,
				path,
				webhookDescription: description,
				workflowId: workflow.id,
				workflowExecuteAdditionalData: additionalData,
				webhookId: path.startsWith(':') || path.includes('/:') ? node.webhookId : undefined,
			}));
	});
}

/** Runs one of the node's webhookMethods in n8n-core's real HookContext; undefined if it has none. */
export async function runWebhookSetupMethod(
	method: WebhookSetupMethod,
	workflow: Workflow,
	webhook: IWebhookData,
	mode: WorkflowExecuteMode,
	activation: WorkflowActivateMode,
): Promise<boolean | undefined> {
	const node = workflow.getNode(webhook.node);
	if (!node) return undefined;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const setup = nodeType.webhookMethods?.[webhook.webhookDescription.name]?.[method];
	if (!setup) return undefined;
	const context = new HookContext(workflow, node, webhook.workflowExecuteAdditionalData, mode, activation, webhook);
	return await setup.call(context);
}

/** Hands a request (already on `additionalData.httpRequest/httpResponse`) to the node's webhook(). */
export async function runNodeWebhook(
	workflow: Workflow,
	webhook: IWebhookData,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
): Promise<IWebhookResponseData> {
	const node = workflow.getNode(webhook.node);
	if (!node) throw new UnexpectedError(`Webhook node "${webhook.node}" is not in the workflow`);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.webhook) throw new UnexpectedError(`Node "${node.name}" has no webhook()`);
	const context = new WebhookContext(workflow, node, additionalData, mode, webhook, [], null);
	return await nodeType.webhook.call(context);
}
