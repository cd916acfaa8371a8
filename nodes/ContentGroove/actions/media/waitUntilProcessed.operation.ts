import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { documentToItems } from '../../helpers/output';
import { getResourceId } from '../../helpers/parameters';
import { assertPositiveNumber } from '../../helpers/validation';
import { waitForProcessing } from '../../helpers/waitForProcessing';
import { mediaLocator, simplifyField } from '../common.descriptions';

const properties: INodeProperties[] = [
	mediaLocator,
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3600,
		description: 'How long to wait before failing with an error that names the media',
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['waitUntilProcessed'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = getResourceId.call(this, 'mediaId', itemIndex);
	const timeout = assertPositiveNumber.call(this, this.getNodeParameter('timeout', itemIndex), 'Timeout (Seconds)', itemIndex);
	const document = await waitForProcessing.call(this, 'media', id, timeout, itemIndex);
	return documentToItems(document, this.getNodeParameter('simplify', itemIndex) as boolean);
}
