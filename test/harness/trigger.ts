import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	UnexpectedError,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IWebhookData,
	type Workflow,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { useBinaryDataMode, type BinaryDataMode } from './binaryData';
import { defaultCredentialTypes } from './credentialTypes';
import { TestCredentialsHelper, type CredentialsData } from './credentialsHelper';
import { AwaitableLog } from './executionLog';
import { prepareN8nRuntime } from './n8nRuntime';
import { createNodeTypes, type NodeTypeMap } from './nodeTypes';
import { ThrownErrors } from './runResult';
import { SavedTriggerWorkflow, type WebhookMode } from './savedTriggerWorkflow';
import { serveWebhookRequest, type TriggerExecution } from './webhookEndpoint';
import { answerJson } from './webhookHttp';
import { runWebhookSetupMethod, type WebhookSetupMethod } from './webhooks';
import { chainConnections, completeNodes, type WorkflowNodeJson } from './workflowJson';

export type { TriggerExecution } from './webhookEndpoint';
export type { WebhookMode } from './savedTriggerWorkflow';

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

interface Registration {
	workflow: Workflow;
	webhooks: IWebhookData[];
}

/**
 * Plays the part of n8n around a webhook trigger node: activation and restarts (with static
 * data persisted as n8n's database does), test listening, and a real HTTP server on 127.0.0.1
 * for the production (/webhook/…) and test (/webhook-test/…) URLs.
 */
export class TriggerHarness {
	private readonly saved: SavedTriggerWorkflow;

	private readonly thrown = new ThrownErrors();

	private production?: Registration;

	private test?: Registration;

	private server?: Server;

	private serverUrl?: string;

	private readonly calls: WebhookMethodCall[] = [];

	private readonly requestErrors: unknown[] = [];

	private readonly executionLog = new AwaitableLog<TriggerExecution>('executions');

	constructor(private readonly options: TriggerHarnessOptions) {
		prepareN8nRuntime();
		const nodes = completeNodes(options.workflow.nodes);
		this.saved = new SavedTriggerWorkflow(
			nodes,
			options.workflow.connections ?? chainConnections(nodes),
			createNodeTypes(options.nodeTypes, this.thrown),
			new TestCredentialsHelper(options.credentialTypes ?? defaultCredentialTypes(), options.credentials ?? {}),
			() => this.baseUrl(),
		);
	}

	/** Starts the HTTP server (activate/listenForTestEvent do it too); returns its URL. */
	async start(): Promise<string> {
		if (this.serverUrl) return this.serverUrl;
		await useBinaryDataMode(this.options.binaryDataMode ?? 'default');
		const server = createServer((request, response) => {
			serveWebhookRequest(this.endpointHost(), request, response).catch((error: unknown) => {
				this.requestErrors.push(error);
				answerJson(response, 500, { code: 0, message: (error as Error).message });
			});
		});
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
		const [webhook] = this.saved.webhooksOf(this.saved.load({}), webhookMode);
		if (!webhook) throw new UnexpectedError('The workflow has no webhook node');
		return `${this.baseUrl()}/${webhookMode === 'test' ? 'webhook-test' : 'webhook'}/${webhook.path}`;
	}

	/** The user switches the workflow to active. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		if (this.production) throw new UnexpectedError('The workflow is already active');
		await this.start();
		const workflow = this.saved.load();
		const webhooks = this.saved.webhooksOf(workflow, 'production');
		for (const webhook of webhooks) {
			await this.createIfNotExists(workflow, webhook, 'trigger', activation, 'production');
		}
		this.saved.persistStaticData(workflow);
		this.production = { workflow, webhooks };
	}

	/** n8n stops and starts again: the active workflow is loaded afresh from what was saved. */
	async restart(): Promise<void> {
		if (!this.production) throw new UnexpectedError('Only an active workflow is re-activated on restart');
		this.production = undefined;
		await this.activate('init');
	}

	/** The user switches the workflow to inactive. */
	async deactivate(): Promise<void> {
		if (!this.production) throw new UnexpectedError('The workflow is not active');
		this.production = undefined;
		const workflow = this.saved.load();
		for (const webhook of this.saved.webhooksOf(workflow, 'production')) {
			await this.callSetupMethod('delete', workflow, webhook, 'internal', 'update', 'production');
		}
		this.saved.persistStaticData(workflow);
	}

	/** "Listen for test event": the test URL, with static data that starts empty and is never saved. */
	async listenForTestEvent(): Promise<void> {
		if (this.test) throw new UnexpectedError('Already listening for a test event');
		await this.start();
		const workflow = this.saved.load({});
		const webhooks = this.saved.webhooksOf(workflow, 'test');
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
		return this.saved.staticData();
	}

	/** How often static data was written; n8n writes only when it changed. */
	staticDataSaves(): number {
		return this.saved.staticDataSaves();
	}

	webhookMethodCalls(): readonly WebhookMethodCall[] {
		return this.calls;
	}

	/** Errors thrown while serving a request, e.g. by the node's webhook() (answered 500 as n8n does). */
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

	private endpointHost() {
		return {
			saved: this.saved,
			thrown: this.thrown,
			// Production requests load the workflow (and its static data) afresh, as n8n does per request.
			registeredWorkflow: (mode: WebhookMode) =>
				mode === 'test' ? this.test?.workflow : this.production && this.saved.load(),
			testEventStarted: async () => await this.stopListening(),
			recordExecution: (execution: TriggerExecution) => this.executionLog.push(execution),
		};
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
}
