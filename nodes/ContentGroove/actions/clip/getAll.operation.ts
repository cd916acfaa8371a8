import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createdRangeFilters, getManyFields } from '../common.descriptions';
import { getManyItems } from '../getMany';

const properties: INodeProperties[] = getManyFields([
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 9b9a2e82-5b47-4f59-831d-4c239824b983',
		description: 'Only clips of this media',
	},
	{
		displayName: 'Name Contains',
		name: 'nameContains',
		type: 'string',
		default: '',
		placeholder: 'e.g. glenn',
	},
	{
		displayName: 'Text Contains',
		name: 'textContains',
		type: 'string',
		default: '',
		placeholder: 'e.g. landed in the sea',
		description: 'Only clips whose transcribed text contains this',
	},
	...createdRangeFilters,
]);

export const description = updateDisplayOptions(
	{ show: { resource: ['clip'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await getManyItems.call(this, '/api/v1/clips', itemIndex);
}
