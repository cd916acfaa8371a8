import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deletedItem } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { apiRequest } from '../../transport/apiRequest';
import { clipLocator } from '../common.descriptions';

const properties: INodeProperties[] = [clipLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['clip'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'clipId', itemIndex);
	await apiRequest.call(this, 'DELETE', `/api/v1/clips/${id}`, { what: `Clip ${id}`, itemIndex });
	return deletedItem(id);
}
