import {
	deepCopy,
	NodeHelpers,
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { TestCredentialsHelper } from './credentialsHelper';
import { nextExecutionId } from './runResult';
import { nodeWebhooks } from './webhooks';
import { workflowBase } from './workflowJson';

export type WebhookMode = 'production' | 'test';

const WORKFLOW_ID = 'trigger-harness';

/**
 * The workflow as n8n keeps it in its database: saved nodes and connections plus static data,
 * from which every activation, restart and production request loads a fresh Workflow.
 */
export class SavedTriggerWorkflow {
	private savedStaticData: IDataObject = {};

	private saves = 0;

	constructor(
		private readonly nodes: INode[],
		private readonly connections: IConnections,
		readonly nodeTypes: INodeTypes,
		private readonly credentialsHelper: TestCredentialsHelper,
		private readonly baseUrl: () => string,
	) {
		// The editor gives a webhook node its webhookId when it is added; saved workflows keep it.
		for (const node of nodes) {
			const { description } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			NodeHelpers.resolveNodeWebhookId(node, description);
		}
	}

	/** A Workflow with the saved static data, or with `staticData` (test listening starts empty). */
	load(staticData: IDataObject = this.savedStaticData): Workflow {
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

	/** n8n's WorkflowStaticDataService.saveStaticData: write only when a node changed it. */
	persistStaticData(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true) return;
		workflow.staticData.__dataChanged = false;
		this.savedStaticData = deepCopy(workflow.staticData);
		this.saves++;
	}

	staticData(): IDataObject {
		return deepCopy(this.savedStaticData);
	}

	staticDataSaves(): number {
		return this.saves;
	}

	additionalData(mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
		const base = this.baseUrl();
		return createAdditionalData({
			credentialsHelper: this.credentialsHelper,
			workflowData: workflowBase(WORKFLOW_ID, this.nodes, this.connections),
			mode,
			executionId: nextExecutionId(),
			urls: {
				instanceBaseUrl: `${base}/`,
				webhookBaseUrl: `${base}/webhook`,
				webhookTestBaseUrl: `${base}/webhook-test`,
			},
		});
	}

	webhooksOf(workflow: Workflow, webhookMode: WebhookMode): IWebhookData[] {
		const additionalData = this.additionalData(webhookMode === 'test' ? 'manual' : 'trigger');
		return Object.values(workflow.nodes).flatMap((node) =>
			nodeWebhooks(workflow, node, additionalData).map((webhook) => ({ ...webhook, isTest: webhookMode === 'test' })),
		);
	}
}
