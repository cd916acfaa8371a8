import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Resource } from '../helpers/interfaces';
import * as clip from './clip';
import * as media from './media';
import * as webhookSubscription from './webhookSubscription';

/** What every `<resource>/<operation>.operation.ts` module provides. */
export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const operations: Record<Resource, Record<string, { execute: OperationExecute }>> = {
	media: media.operations,
	clip: clip.operations,
	webhookSubscription: webhookSubscription.operations,
};

/**
 * Runs the chosen operation once per input item. Every output item is paired with the input item
 * it came from; with "Continue (using error output)"/"Continue" an item's failure becomes an error
 * item paired the same way, and the other items still run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as Resource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
			description: 'Choose a Resource and an Operation from the lists.',
		});
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const output = await handler.execute.call(this, itemIndex);
			for (const item of output) returnData.push({ ...item, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({
					json: { error: error.message, description: error.description ?? undefined },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [returnData];
}

/** Our errors already say what happened and what to do; anything else is wrapped to name the item. */
function asNodeError(node: INode, error: Error, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error, { itemIndex });
}
