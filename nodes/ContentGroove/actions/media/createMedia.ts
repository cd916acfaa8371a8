import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { waitForProcessing } from '../../helpers/waitForProcessing';
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
	let document = (await apiRequest.call(this, 'POST', '/api/v1/medias', {
		body: { data: { attributes } },
		itemIndex,
	})) as unknown as JsonApiDocument;
	if (this.getNodeParameter('waitForProcessing', itemIndex, false) as boolean) {
		const timeout = this.getNodeParameter('waitTimeout', itemIndex, 3600) as number;
		document = await waitForProcessing.call(this, 'media', document.data.id, timeout, itemIndex);
	}
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex, true) as boolean);
}
