import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { definedFields } from '../../helpers/parameters';
import { uploadFromBinary } from '../../transport/uploadFromBinary';
import { simplifyField, waitFields } from '../common.descriptions';
import { createMediaAndMaybeWait } from './createMedia';
import { mediaTextFields } from './mediaFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field holding the video or audio file (at most 5 GiB)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: mediaTextFields.map((field) =>
			field.name === 'name' ? { ...field, description: 'Defaults to the file name' } : field,
		),
	},
	...waitFields('Wait Until Processed', 'processing the media'),
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['upload'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const additionalFields = definedFields(this.getNodeParameter('additionalFields', itemIndex, {}));
	const upload = await uploadFromBinary.call(this, itemIndex, binaryPropertyName);
	return await createMediaAndMaybeWait.call(
		this,
		{ upload_id: upload.uploadId, name: upload.fileName, ...additionalFields },
		itemIndex,
	);
}
