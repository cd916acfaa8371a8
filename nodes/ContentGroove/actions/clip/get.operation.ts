import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { apiRequest } from '../../transport/apiRequest';
import { clipLocator, simplifyField } from '../common.descriptions';

const properties: INodeProperties[] = [clipLocator, simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['clip'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'clipId', itemIndex);
	const document = (await apiRequest.call(this, 'GET', `/api/v1/clips/${id}`, {
		what: `Clip ${id}`,
		itemIndex,
	})) as unknown as JsonApiDocument;
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex) as boolean);
}
