import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getManyFields } from '../common.descriptions';
import { getManyItems } from '../getMany';

const properties: INodeProperties[] = getManyFields([
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/contentgroove_webhooks/12345',
		description: 'Only the subscription with exactly this URL',
	},
]);

export const description = updateDisplayOptions(
	{ show: { resource: ['webhookSubscription'], operation: ['getAll'] } },
	properties,
);

// The OpenAPI document gives this list no page parameters: it is read in one request, and
// followed by `links.next` should the API ever paginate it.
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await getManyItems.call(this, '/api/v1/webhook_subscriptions', itemIndex, { paginated: false });
}
