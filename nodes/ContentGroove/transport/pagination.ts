import type { IDataObject } from 'n8n-workflow';

import type { JsonApiListDocument, JsonApiResource } from '../helpers/interfaces';
import type { ContentGrooveContext } from './apiRequest';
import { apiRequest } from './apiRequest';

/**
 * The largest `page[size]` we ask for. The OpenAPI document gives no maximum; the API follows the
 * jsonapi.rb conventions (ransack filters, `links.current`), whose default page is 30. We ask for
 * 100, a cap common to JSON:API services: if the server clamps lower, the `links.next` it returns
 * still leads through every page, so nothing is missed — only more requests are made.
 */
export const MAX_PAGE_SIZE = 100;

/**
 * Reads a paginated list. With a limit, asks for pages of min(limit, MAX_PAGE_SIZE) items, so
 * N items cost ⌈N / page size⌉ requests; stops at the last page (no `links.next`, or a short page
 * from a server that sends no pagination links).
 */
export async function apiRequestAllItems(
	this: ContentGrooveContext,
	endpoint: string,
	qs: IDataObject,
	options: { limit?: number; paginated?: boolean; itemIndex?: number } = {},
): Promise<JsonApiResource[]> {
	const { limit, paginated = true } = options;
	const pageSize = Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE);
	const items: JsonApiResource[] = [];
	for (let page = 1; ; page++) {
		const pageQs = paginated ? { ...qs, 'page[number]': page, 'page[size]': pageSize } : qs;
		const document = (await apiRequest.call(this, 'GET', endpoint, {
			qs: pageQs,
			itemIndex: options.itemIndex,
		})) as unknown as JsonApiListDocument;
		const data = Array.isArray(document?.data) ? document.data : [];
		items.push(...data);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		if (!paginated || data.length === 0) return items;
		if (document.links?.next) continue;
		// Without a next link, a server that reports pagination has shown its last page; one that
		// reports nothing is done once a page comes back short.
		if (document.meta?.pagination !== undefined || data.length < pageSize) return items;
	}
}
