import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { WEBHOOK_EVENTS } from '../ContentGroove/helpers/webhookEvents';
import { handleDelivery } from './deliveryHandler';
import { checkExists, create, remove } from './subscriptionLifecycle';

export class ContentGrooveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ContentGroove Trigger',
		name: 'contentGrooveTrigger',
		icon: { light: 'file:../../icons/contentgroove.svg', dark: 'file:../../icons/contentgroove.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when ContentGroove finishes processing a video or audio file',
		defaults: { name: 'ContentGroove Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'contentGrooveApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['media.processing_finished'],
				options: WEBHOOK_EVENTS,
				description: 'The events that start the workflow; others are acknowledged and ignored',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return the media\'s fields with its transcription text and clips, instead of the body ContentGroove sent',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeated Deliveries',
						name: 'ignoreRepeatedDeliveries',
						type: 'boolean',
						default: true,
						description:
							'Whether to start no execution for a delivery of an event that already started one (ContentGroove delivers at least once). Best effort: see the README for the guarantee.',
					},
					{
						displayName: 'One Item per Clip',
						name: 'oneItemPerClip',
						type: 'boolean',
						default: false,
						description: 'Whether to output one item per suggested clip, each with its media\'s ID and name',
						displayOptions: { show: { '/simplify': [true] } },
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this);
	}
}
