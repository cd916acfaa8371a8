import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { getWaitTimeout, waitForProcessing } from '../../helpers/waitForProcessing';
import { apiRequest } from '../../transport/apiRequest';

/**
 * Step 3 of both ways to add a media (source URL or upload): POST it, then wait if asked.
 * The POST is never replayed on a lost answer (see the transport), so a media is not created twice.
 */
export async function createMediaAndMaybeWait(
	this: IExecuteFunctions,
	attributes: IDataObject,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const waitTimeout = getWaitTimeout.call(this, itemIndex);
	let document = (await apiRequest.call(this, 'POST', '/api/v1/medias', {
		body: { data: { attributes } },
		itemIndex,
	})) as unknown as JsonApiDocument;
	if (waitTimeout !== undefined) {
		document = await waitForProcessing.call(this, 'media', document.data.id, waitTimeout, itemIndex);
	}
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex, true) as boolean);
}
