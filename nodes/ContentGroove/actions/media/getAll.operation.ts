import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getManyItems } from '../getMany';
import { createdRangeFilters, getManyFields } from '../common.descriptions';

const properties: INodeProperties[] = getManyFields([
	{
		displayName: 'Name Contains',
		name: 'nameContains',
		type: 'string',
		default: '',
		placeholder: 'e.g. chimp',
	},
	{
		displayName: 'Source URL Starts With',
		name: 'sourceUrlStartsWith',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://archive.org',
	},
	{
		displayName: 'Processing State',
		name: 'processingState',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Processing', value: 'processing' },
			{ name: 'Finished', value: 'finished' },
		],
	},
	...createdRangeFilters,
]);

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await getManyItems.call(this, '/api/v1/medias', itemIndex);
}
