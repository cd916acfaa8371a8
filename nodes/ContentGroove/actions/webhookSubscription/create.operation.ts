import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { assertHttpUrl } from '../../helpers/validation';
import { WEBHOOK_EVENTS } from '../../helpers/webhookEvents';
import { apiRequest } from '../../transport/apiRequest';
import { simplifyField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/contentgroove_webhooks/12345',
		description: 'Where ContentGroove POSTs the events; to start an n8n workflow, use the ContentGroove Trigger instead',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['media.processing_finished'],
		options: WEBHOOK_EVENTS,
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhookSubscription'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const url = assertHttpUrl.call(this, this.getNodeParameter('url', itemIndex) as string, 'URL', itemIndex);
	const events = this.getNodeParameter('events', itemIndex, []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Events is empty', {
			description: 'Choose at least one event, e.g. Media Processing Finished.',
			itemIndex,
		});
	}
	const document = (await apiRequest.call(this, 'POST', '/api/v1/webhook_subscriptions', {
		body: { data: { attributes: { url, subscribed_events: events } } },
		itemIndex,
	})) as unknown as JsonApiDocument;
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex) as boolean);
}
