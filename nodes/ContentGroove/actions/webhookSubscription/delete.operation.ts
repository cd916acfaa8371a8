import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deletedItem } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { apiRequest } from '../../transport/apiRequest';
import { webhookSubscriptionLocator } from '../common.descriptions';

const properties: INodeProperties[] = [webhookSubscriptionLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhookSubscription'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'webhookSubscriptionId', itemIndex);
	await apiRequest.call(this, 'DELETE', `/api/v1/webhook_subscriptions/${id}`, {
		what: `Webhook subscription ${id}`,
		itemIndex,
	});
	return deletedItem(id);
}
