import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { assertClipTimes, assertNonEmpty } from '../../helpers/validation';
import { getWaitTimeout, waitForProcessing } from '../../helpers/waitForProcessing';
import { apiRequest } from '../../transport/apiRequest';
import { mediaLocator, simplifyField, waitFields } from '../common.descriptions';
import { clipNameField, endTimeField, startTimeField } from './clipFields';

const properties: INodeProperties[] = [
	{ ...mediaLocator, description: 'The media to cut the clip from' },
	{ ...clipNameField, required: true },
	{ ...startTimeField, required: true },
	{ ...endTimeField, required: true },
	...waitFields('Wait Until Rendered', 'rendering the clip'),
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['clip'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mediaId = getResourceId.call(this, 'mediaId', itemIndex);
	const name = assertNonEmpty.call(this, this.getNodeParameter('name', itemIndex), 'Name', itemIndex);
	const startTime = this.getNodeParameter('startTime', itemIndex) as number;
	const endTime = this.getNodeParameter('endTime', itemIndex) as number;
	assertClipTimes.call(this, { startTime, endTime }, itemIndex);
	const waitTimeout = getWaitTimeout.call(this, itemIndex);

	// Never replayed on a lost answer (see the transport): a clip is not created twice.
	let document = (await apiRequest.call(this, 'POST', '/api/v1/clips', {
		body: { data: { attributes: { name, media_id: mediaId, start_time: startTime, end_time: endTime } } },
		what: `Media ${mediaId}`,
		itemIndex,
	})) as unknown as JsonApiDocument;
	if (waitTimeout !== undefined) {
		document = await waitForProcessing.call(this, 'clip', document.data.id, waitTimeout, itemIndex);
	}
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex) as boolean);
}
