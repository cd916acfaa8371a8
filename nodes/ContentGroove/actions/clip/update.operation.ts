import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { assertClipTimes, assertNonEmpty } from '../../helpers/validation';
import { apiRequest } from '../../transport/apiRequest';
import { clipLocator, simplifyField } from '../common.descriptions';
import { clipNameField, endTimeField, startTimeField } from './clipFields';

const properties: INodeProperties[] = [
	clipLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [clipNameField, startTimeField, endTimeField],
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['clip'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'clipId', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
		name?: string;
		startTime?: number;
		endTime?: number;
	};
	const attributes: Record<string, string | number> = {};
	if (fields.name !== undefined) attributes.name = assertNonEmpty.call(this, fields.name, 'Name', itemIndex);
	assertClipTimes.call(this, fields, itemIndex);
	if (fields.startTime !== undefined) attributes.start_time = fields.startTime;
	if (fields.endTime !== undefined) attributes.end_time = fields.endTime;
	if (Object.keys(attributes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to update', {
			description: 'Add Name, Start Time or End Time under Update Fields.',
			itemIndex,
		});
	}
	const document = (await apiRequest.call(this, 'PUT', `/api/v1/clips/${id}`, {
		body: { data: { attributes } },
		what: `Clip ${id}`,
		itemIndex,
	})) as unknown as JsonApiDocument;
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex) as boolean);
}
