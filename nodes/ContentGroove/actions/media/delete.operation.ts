import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deletedItem } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { apiRequest } from '../../transport/apiRequest';
import { mediaLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...mediaLocator, description: 'The media to delete, together with its clips' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'mediaId', itemIndex);
	await apiRequest.call(this, 'DELETE', `/api/v1/medias/${id}`, { what: `Media ${id}`, itemIndex });
	return deletedItem(id);
}
