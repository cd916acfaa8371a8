import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { JsonApiDocument } from '../../helpers/interfaces';
import { documentToItems } from '../../helpers/output';
import { definedFields, getResourceId } from '../../helpers/parameters';
import { apiRequest } from '../../transport/apiRequest';
import { mediaLocator, simplifyField } from '../common.descriptions';
import { mediaTextFields } from './mediaFields';

const properties: INodeProperties[] = [
	mediaLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: mediaTextFields,
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'mediaId', itemIndex);
	const attributes = definedFields(this.getNodeParameter('updateFields', itemIndex, {}));
	if (Object.keys(attributes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to update', {
			description: 'Add Name or Description under Update Fields.',
			itemIndex,
		});
	}
	const document = (await apiRequest.call(this, 'PUT', `/api/v1/medias/${id}`, {
		body: { data: { attributes } },
		what: `Media ${id}`,
		itemIndex,
	})) as unknown as JsonApiDocument;
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex) as boolean);
}
