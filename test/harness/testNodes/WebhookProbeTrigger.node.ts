import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IHttpRequestOptions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

interface Registry {
	hookId?: string;
}

async function callRegistry(context: IHookFunctions, options: Omit<IHttpRequestOptions, 'url'> & { path: string }) {
	const { baseUrl } = await context.getCredentials<{ baseUrl: string }>('testApi');
	const { path, ...request } = options;
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'testApi', {
		...request,
		url: `${baseUrl}${path}`,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: IDataObject };
}

/**
 * Test-only webhook trigger shaped like a real one: registers its URL with a remote registry
 * (`<baseUrl>/hooks`), keeps the registration id in static data, and emits each POSTed body.
 * A body `{ "ping": true }` is answered by the node itself, as a handshake would be;
 * `{ "reject": true }` makes webhook() throw.
 */
export class WebhookProbeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Webhook Probe Trigger (test)',
		name: 'webhookProbeTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow when the registry delivers an event',
		defaults: { name: 'Webhook Probe Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'testApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'probe' }],
		properties: [],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registry = this.getWorkflowStaticData('node') as Registry;
				if (!registry.hookId) return false;
				const { statusCode } = await callRegistry(this, { method: 'GET', path: `/hooks/${registry.hookId}` });
				if (statusCode === 200) return true;
				delete registry.hookId;
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const { body } = await callRegistry(this, {
					method: 'POST',
					path: '/hooks',
					body: { url: this.getNodeWebhookUrl('default') },
				});
				(this.getWorkflowStaticData('node') as Registry).hookId = body.id as string;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const registry = this.getWorkflowStaticData('node') as Registry;
				if (registry.hookId) await callRegistry(this, { method: 'DELETE', path: `/hooks/${registry.hookId}` });
				delete registry.hookId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = this.getBodyData();
		if (body.reject === true) throw new NodeOperationError(this.getNode(), 'Delivery rejected');
		if (body.ping === true) {
			this.getResponseObject().status(202).json({ pong: true });
			return { noWebhookResponse: true };
		}
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}
}
