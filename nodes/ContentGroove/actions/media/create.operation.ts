import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { definedFields } from '../../helpers/parameters';
import { assertHttpUrl } from '../../helpers/validation';
import { simplifyField, waitFields } from '../common.descriptions';
import { createMediaAndMaybeWait } from './createMedia';
import { mediaTextFields } from './mediaFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Source URL',
		name: 'sourceUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://archive.org/download/SF143/SF143_512kb.mp4',
		description: 'Public URL of the video or audio file; ContentGroove fetches it from there',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: mediaTextFields,
	},
	...waitFields('Wait Until Processed', 'processing the media'),
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sourceUrl = assertHttpUrl.call(this, this.getNodeParameter('sourceUrl', itemIndex) as string, 'Source URL', itemIndex);
	const additionalFields = definedFields(this.getNodeParameter('additionalFields', itemIndex, {}));
	return await createMediaAndMaybeWait.call(this, { source_url: sourceUrl, ...additionalFields }, itemIndex);
}
