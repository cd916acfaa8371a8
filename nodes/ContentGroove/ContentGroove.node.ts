import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as clip from './actions/clip';
import * as media from './actions/media';
import { router } from './actions/router';
import * as webhookSubscription from './actions/webhookSubscription';
import { searchClips, searchMedias, searchWebhookSubscriptions } from './methods/listSearch';

export class ContentGroove implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ContentGroove',
		name: 'contentGroove',
		icon: { light: 'file:../../icons/contentgroove.svg', dark: 'file:../../icons/contentgroove.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Transcribe videos, cut and download clips with ContentGroove',
		defaults: { name: 'ContentGroove' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'contentGrooveApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Clip', value: 'clip' },
					{ name: 'Media', value: 'media' },
					{ name: 'Webhook Subscription', value: 'webhookSubscription' },
				],
				default: 'media',
			},
			...media.description,
			...clip.description,
			...webhookSubscription.description,
		],
	};

	methods = {
		listSearch: { searchMedias, searchClips, searchWebhookSubscriptions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
