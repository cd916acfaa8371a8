import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	deepCopy,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData, type HarnessUrls } from './additionalData';
import { useBinaryDataMode, type BinaryDataMode } from './binaryData';
import { defaultCredentialTypes } from './credentialTypes';
import { TestCredentialsHelper, type CredentialsData } from './credentialsHelper';
import { AwaitableLog } from './executionLog';
import { prepareN8nRuntime } from './n8nRuntime';
import { createNodeTypes, type NodeTypeMap } from './nodeTypes';
import { describeRun, nextExecutionId, ThrownErrors, type WorkflowRunResult } from './runResult';
import { answerJson, asWebhookResponse, readWebhookRequest, UnparsableBodyError, type WebhookRequest } from './webhookHttp';
import { nodeWebhooks, runNodeWebhook, runWebhookSetupMethod, type WebhookSetupMethod } from './webhooks';
import { chainConnections, completeNodes, workflowBase, type WorkflowNodeJson } from './workflowJson';

export type WebhookMode = 'production' | 'test';

export interface TriggerHarnessOptions {
	workflow: { nodes: WorkflowNodeJson[]; connections?: IConnections };
	/** Extra node types by full type name; the trigger node must be among them or built in. */
	nodeTypes?: NodeTypeMap;
	credentials?: CredentialsData;
	credentialTypes?: ICredentialType[];
	/** What n8n's WEBHOOK_URL would be (e.g. a tunnel); defaults to the harness's own server. */
	webhookBaseUrl?: string;
	binaryDataMode?: BinaryDataMode;
}

export interface WebhookMethodCall {
	method: WebhookSetupMethod;
	webhookMode: WebhookMode;
	activation: WorkflowActivateMode;
	result?: boolean;
	error?: unknown;
}

export interface TriggerExecution {
	webhookMode: WebhookMode;
	request: { headers: IncomingMessage['headers']; body: unknown };
	/** What the trigger's webhook() emitted on its first output. */
	items: INodeExecutionData[];
	/** The workflow run that followed, through WorkflowExecute. */
	result: WorkflowRunResult;
}

interface Registration {
	workflow: Workflow;
	webhooks: IWebhookData[];
}

const WORKFLOW_ID = 'trigger-harness';

/**
 * Plays the part of n8n around a webhook trigger node: activation and restarts (with static
 * data persisted like n8n's database does), test listening, and a real HTTP server for the
 * production (/webhook/…) and test (/webhook-test/…) URLs.
 */
export class TriggerHarness {
	private readonly nodes: INode[];

	private readonly connections: IConnections;

	private readonly nodeTypes;

	private readonly credentialsHelper: TestCredentialsHelper;

	private readonly thrown = new ThrownErrors();

	private savedStaticData: IDataObject = {};

	private saves = 0;

	private production?: Registration;

	private test?: Registration;

	private server?: Server;

	private serverUrl?: string;

	private readonly calls: WebhookMethodCall[] = [];

	private readonly requestErrors: unknown[] = [];

	private readonly executionLog = new AwaitableLog<TriggerExecution>('executions');

	constructor(private readonly options: TriggerHarnessOptions) {
		prepareN8nRuntime();
		this.nodeTypes = createNodeTypes(options.nodeTypes, this.thrown);
		this.nodes = completeNodes(options.workflow.nodes);
		// The editor gives a webhook node its webhookId when it is added; saved workflows keep it.
		for (const node of this.nodes) {
			NodeHelpers.resolveNodeWebhookId(node, this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description);
		}
		this.connections = options.workflow.connections ?? chainConnections(this.nodes);
		this.credentialsHelper = new TestCredentialsHelper(
			options.credentialTypes ?? defaultCredentialTypes(),
			options.credentials ?? {},
		);
	}

	/** Starts the HTTP server (done implicitly by activate/listenForTestEvent); returns its URL. */
	async start(): Promise<string> {
		if (this.serverUrl) return this.serverUrl;
		await useBinaryDataMode(this.options.binaryDataMode ?? 'default');
		const server = createServer((request, response) => void this.handle(request, response));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		this.server = server;
		this.serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return this.serverUrl;
	}

	async close(): Promise<void> {
		const { server } = this;
		this.server = undefined;
		this.serverUrl = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
	}

	/** The URL n8n would show for the trigger node (its first webhook). */
	webhookUrl(webhookMode: WebhookMode = 'production'): string {
		const [webhook] = this.webhooksOf(this.loadWorkflow({}), webhookMode);
		if (!webhook) throw new UnexpectedError('The workflow has no webhook node');
		return `${this.baseUrl()}/${webhookMode === 'test' ? 'webhook-test' : 'webhook'}/${webhook.path}`;
	}

	/** The user switches the workflow to active. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		if (this.production) throw new UnexpectedError('The workflow is already active');
		await this.start();
		const workflow = this.loadWorkflow(this.savedStaticData);
		const webhooks = this.webhooksOf(workflow, 'production');
		for (const webhook of webhooks) {
			await this.createIfNotExists(workflow, webhook, 'trigger', activation, 'production');
		}
		this.persistStaticData(workflow);
		this.production = { workflow, webhooks };
	}

	/** n8n stops and starts again: the active workflow is loaded afresh from saved data. */
	async restart(): Promise<void> {
		if (!this.production) throw new UnexpectedError('Only an active workflow is re-activated on restart');
		this.production = undefined;
		await this.activate('init');
	}

	/** The user switches the workflow to inactive. */
	async deactivate(): Promise<void> {
		if (!this.production) throw new UnexpectedError('The workflow is not active');
		this.production = undefined;
		const workflow = this.loadWorkflow(this.savedStaticData);
		for (const webhook of this.webhooksOf(workflow, 'production')) {
			await this.callSetupMethod('delete', workflow, webhook, 'internal', 'update', 'production');
		}
		this.persistStaticData(workflow);
	}

	/** "Listen for test event": test URL, and static data that starts empty and is never saved. */
	async listenForTestEvent(): Promise<void> {
		if (this.test) throw new UnexpectedError('Already listening for a test event');
		await this.start();
		const workflow = this.loadWorkflow({});
		const webhooks = this.webhooksOf(workflow, 'test');
		for (const webhook of webhooks) {
			await this.createIfNotExists(workflow, webhook, 'manual', 'manual', 'test');
		}
		this.test = { workflow, webhooks };
	}

	/** Also what n8n does by itself once a test event has started an execution. */
	async stopListening(): Promise<void> {
		const registration = this.test;
		if (!registration) return;
		this.test = undefined;
		for (const webhook of registration.webhooks) {
			await this.callSetupMethod('delete', registration.workflow, webhook, 'internal', 'update', 'test');
		}
	}

	isActive(): boolean {
		return this.production !== undefined;
	}

	isListening(): boolean {
		return this.test !== undefined;
	}

	/** The workflow's static data as last saved (a copy). */
	staticData(): IDataObject {
		return deepCopy(this.savedStaticData);
	}

	/** How often static data was written; n8n writes only when it changed. */
	staticDataSaves(): number {
		return this.saves;
	}

	webhookMethodCalls(): readonly WebhookMethodCall[] {
		return this.calls;
	}

	/** Errors thrown by the node's webhook() (answered with 500, as n8n does). */
	webhookErrors(): readonly unknown[] {
		return this.requestErrors;
	}

	executions(): readonly TriggerExecution[] {
		return this.executionLog.all();
	}

	async waitForExecutions(count: number, timeoutMs = 5000): Promise<TriggerExecution[]> {
		return await this.executionLog.waitFor(count, timeoutMs);
	}

	private baseUrl(): string {
		const base = this.options.webhookBaseUrl ?? this.serverUrl;
		if (!base) throw new UnexpectedError('Start the harness (or activate) before asking for URLs');
		return base.replace(/\/$/, '');
	}

	private loadWorkflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: WORKFLOW_ID,
			name: 'Trigger harness workflow',
			nodes: deepCopy(this.nodes),
			connections: this.connections,
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: deepCopy(staticData),
			settings: { executionOrder: 'v1' },
		});
	}

	private additionalData(mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
		const base = this.baseUrl();
		const urls: HarnessUrls = {
			instanceBaseUrl: `${base}/`,
			webhookBaseUrl: `${base}/webhook`,
			webhookTestBaseUrl: `${base}/webhook-test`,
		};
		return createAdditionalData({
			credentialsHelper: this.credentialsHelper,
			workflowData: workflowBase(WORKFLOW_ID, this.nodes, this.connections),
			mode,
			executionId: nextExecutionId(),
			urls,
		});
	}

	private webhooksOf(workflow: Workflow, webhookMode: WebhookMode): IWebhookData[] {
		const additionalData = this.additionalData(webhookMode === 'test' ? 'manual' : 'trigger');
		return Object.values(workflow.nodes).flatMap((node) =>
			nodeWebhooks(workflow, node, additionalData).map((webhook) => ({ ...webhook, isTest: webhookMode === 'test' })),
		);
	}

	private async createIfNotExists(
		workflow: Workflow,
		webhook: IWebhookData,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
		webhookMode: WebhookMode,
	): Promise<void> {
		const exists = await this.callSetupMethod('checkExists', workflow, webhook, mode, activation, webhookMode);
		if (!exists) await this.callSetupMethod('create', workflow, webhook, mode, activation, webhookMode);
	}

	private async callSetupMethod(
		method: WebhookSetupMethod,
		workflow: Workflow,
		webhook: IWebhookData,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
		webhookMode: WebhookMode,
	): Promise<boolean | undefined> {
		const call: WebhookMethodCall = { method, webhookMode, activation };
		this.calls.push(call);
		try {
			call.result = await runWebhookSetupMethod(method, workflow, webhook, mode, activation);
			return call.result;
		} catch (error) {
			call.error = error;
			throw error;
		}
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: write only when the node changed it. */
	private persistStaticData(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true) return;
		workflow.staticData.__dataChanged = false;
		this.savedStaticData = deepCopy(workflow.staticData);
		this.saves++;
	}

	private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
		try {
			await this.route(incoming, response);
		} catch (error) {
			this.requestErrors.push(error);
			answerJson(response, 500, { code: 0, message: (error as Error).message });
		}
	}

	private async route(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
		const match = /^\/(webhook|webhook-test)\/([^?]*)/.exec(incoming.url ?? '');
		const webhookMode: WebhookMode = match?.[1] === 'webhook-test' ? 'test' : 'production';
		const path = decodeURIComponent(match?.[2] ?? '').replace(/\/$/, '');
		const method = incoming.method ?? 'GET';
		// Production requests load the workflow (and its static data) afresh, as n8n does per request.
		const registration =
			webhookMode === 'test'
				? this.test
				: this.production && { ...this.production, workflow: this.loadWorkflow(this.savedStaticData) };
		const webhooks = registration ? this.webhooksOf(registration.workflow, webhookMode) : [];
		const webhook = webhooks.find((candidate) => candidate.path === path && candidate.httpMethod === method);
		if (!match || !registration || !webhook) {
			const hint = webhooks.some((candidate) => candidate.path === path)
				? ` This webhook is not registered for ${method} requests.`
				: '';
			answerJson(response, 404, { code: 404, message: `The requested webhook "${method} ${path}" is not registered.${hint}` });
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
		await this.runWebhook(registration.workflow, webhook, webhookMode, request, response);
	}

	private async runWebhook(
		workflow: Workflow,
		webhook: IWebhookData,
		webhookMode: WebhookMode,
		request: WebhookRequest,
		response: ServerResponse,
	): Promise<void> {
		const mode: WorkflowExecuteMode = webhookMode === 'test' ? 'manual' : 'webhook';
		const additionalData = this.additionalData(mode);
		additionalData.httpRequest = request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = asWebhookResponse(response) as unknown as IWorkflowExecuteAdditionalData['httpResponse'];

		const result = await runNodeWebhook(workflow, { ...webhook, workflowExecuteAdditionalData: additionalData }, additionalData, mode);
		if (webhookMode === 'production') this.persistStaticData(workflow);

		if (!result.noWebhookResponse) {
			if (result.webhookResponse !== undefined) {
				asWebhookResponse(response).status(200).send(result.webhookResponse);
			} else {
				answerJson(response, 200, {
					message: result.workflowData ? 'Workflow was started' : 'Webhook call received',
				});
			}
		}
		if (!result.workflowData) return;

		if (webhookMode === 'test') await this.stopListening();
		const run = await this.runFromTrigger(workflow, webhook.node, result.workflowData, additionalData, mode);
		if (webhookMode === 'production') this.persistStaticData(workflow);
		this.executionLog.push({
			webhookMode,
			request: { headers: request.headers, body: request.body },
			items: result.workflowData[0] ?? [],
			result: run,
		});
	}

	private async runFromTrigger(
		workflow: Workflow,
		triggerName: string,
		workflowData: INodeExecutionData[][],
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
	): Promise<WorkflowRunResult> {
		const triggerNode = workflow.getNode(triggerName)!;
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: triggerNode, data: { main: workflowData }, source: null }] },
		});
		const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
		return describeRun(run, additionalData.executionId!, this.thrown);
	}
}
