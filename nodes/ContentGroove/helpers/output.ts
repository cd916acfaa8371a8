import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { JsonApiDocument, JsonApiResource } from './interfaces';
import { toSimplified } from './simplify';

/** One item for a single-object answer: flattened, or the API's document untouched. */
export function documentToItems(document: JsonApiDocument, simplify: boolean): INodeExecutionData[] {
	return [{ json: simplify ? toSimplified(document.data) : (document as unknown as IDataObject) }];
}

/** One item per listed object. */
export function resourcesToItems(resources: JsonApiResource[], simplify: boolean): INodeExecutionData[] {
	return resources.map((resource) => ({
		json: simplify ? toSimplified(resource) : (resource as unknown as IDataObject),
	}));
}

export function deletedItem(id: string): INodeExecutionData[] {
	return [{ json: { deleted: true, id } }];
}
