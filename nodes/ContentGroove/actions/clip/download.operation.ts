import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { getResourceId } from '../../helpers/parameters';
import { toSimplifiedClip } from '../../helpers/simplify';
import { getWaitTimeout, waitForProcessing } from '../../helpers/waitForProcessing';
import { apiRequest } from '../../transport/apiRequest';
import { downloadFile } from '../../transport/downloadFile';
import { clipLocator, waitFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	clipLocator,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		hint: 'The name of the output binary field to put the clip\'s video file in',
	},
	...waitFields('Wait Until Rendered', 'rendering the clip'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['clip'], operation: ['download'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'clipId', itemIndex);
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const waitTimeout = getWaitTimeout.call(this, itemIndex);
	let document = (await apiRequest.call(this, 'GET', `/api/v1/clips/${id}`, {
		what: `Clip ${id}`,
		itemIndex,
	})) as unknown as JsonApiDocument;
	let clip = toSimplifiedClip(document.data);
	if (!clip.media_file_url && waitTimeout !== undefined) {
		document = await waitForProcessing.call(this, 'clip', id, waitTimeout, itemIndex);
		clip = toSimplifiedClip(document.data);
	}
	if (!clip.media_file_url) {
		throw new NodeOperationError(this.getNode(), `Clip ${id} has no video file yet: it is still being rendered`, {
			description: 'Turn on "Wait Until Rendered", or download it later (e.g. after a Wait node).',
			itemIndex,
		});
	}
	const fileName = `${fileNameStem(String(clip.name ?? ''), id)}.${extensionOf(clip.media_file_content_type)}`;
	const binary = await downloadFile.call(this, String(clip.media_file_url), fileName, itemIndex);
	return [{ json: clip, binary: { [binaryPropertyName]: binary } }];
}

function fileNameStem(name: string, id: string): string {
	const stem = name.replace(/[^\p{L}\p{N}._ -]+/gu, '').trim().replace(/\s+/g, '-');
	return stem.slice(0, 100) || id;
}

function extensionOf(contentType: unknown): string {
	const subtype = typeof contentType === 'string' ? contentType.split('/')[1]?.split(';')[0] : undefined;
	return subtype && /^[a-z0-9]+$/i.test(subtype) ? subtype.replace('quicktime', 'mov') : 'mp4';
}
