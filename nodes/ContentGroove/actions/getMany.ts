import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { buildListQuery } from '../helpers/listQuery';
import { resourcesToItems } from '../helpers/output';
import { assertPositiveInteger } from '../helpers/validation';
import { apiRequestAllItems } from '../transport/pagination';

/** Shared body of every Get Many: filters and sort, Return All or Limit, Simplify. */
export async function getManyItems(
	this: IExecuteFunctions,
	endpoint: string,
	itemIndex: number,
	options: { paginated?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const qs = buildListQuery.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? undefined
		: assertPositiveInteger.call(this, this.getNodeParameter('limit', itemIndex, 50), 'Limit', itemIndex);
	const resources = await apiRequestAllItems.call(this, endpoint, qs, {
		limit,
		paginated: options.paginated,
		itemIndex,
	});
	return resourcesToItems(resources, this.getNodeParameter('simplify', itemIndex, true) as boolean);
}
