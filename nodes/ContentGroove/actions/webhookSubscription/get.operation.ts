import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { apiRequest } from '../../transport/apiRequest';
import { simplifyField, webhookSubscriptionLocator } from '../common.descriptions';

const properties: INodeProperties[] = [webhookSubscriptionLocator, simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhookSubscription'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'webhookSubscriptionId', itemIndex);
	const document = (await apiRequest.call(this, 'GET', `/api/v1/webhook_subscriptions/${id}`, {
		what: `Webhook subscription ${id}`,
		itemIndex,
	})) as unknown as JsonApiDocument;
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex) as boolean);
}
