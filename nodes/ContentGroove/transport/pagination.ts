import type { IDataObject } from 'n8n-workflow';

import type { JsonApiListDocument, JsonApiResource } from '../helpers/interfaces';
import type { ContentGrooveContext } from './apiRequest';
import { apiRequest, getBaseUrl } from './apiRequest';

/**
 * The largest `page[size]` we ask for. The OpenAPI document gives no maximum; the API follows the
 * jsonapi.rb conventions (ransack filters, `links.current`), whose default page is 30. We ask for
 * 100, a cap common to JSON:API services: if the server clamps lower, the `links.next` it returns
 * still leads through every page, so nothing is missed — only more requests are made.
 */
export const MAX_PAGE_SIZE = 100;

/**
 * Reads a list to its end (or to `limit`). Pages hold min(limit, MAX_PAGE_SIZE) items, so N items
 * cost ⌈N / page size⌉ requests. The server's `links.next` is followed when it has one — for its
 * path and query only: the API's links say `http://` even though it is served over https.
 * `paginated: false` is for lists whose operation documents no page parameters (webhook
 * subscriptions): none are sent, but a `links.next` is still followed.
 */
export async function apiRequestAllItems(
	this: ContentGrooveContext,
	endpoint: string,
	qs: IDataObject,
	options: { limit?: number; paginated?: boolean; itemIndex?: number } = {},
): Promise<JsonApiResource[]> {
	const { limit, paginated = true, itemIndex } = options;
	const pageSize = Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE);
	const pageQs = (page: number) => (paginated ? { ...qs, 'page[number]': page, 'page[size]': pageSize } : qs);
	const baseUrl = new URL(await getBaseUrl.call(this));

	const items: JsonApiResource[] = [];
	let request: { endpoint: string; qs?: IDataObject } = { endpoint, qs: pageQs(1) };
	for (let page = 1; ; page++) {
		const document = (await apiRequest.call(this, 'GET', request.endpoint, {
			qs: request.qs,
			itemIndex,
		})) as unknown as JsonApiListDocument;
		const data = Array.isArray(document?.data) ? document.data : [];
		items.push(...data);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		if (data.length === 0) return items;

		const next = nextLinkEndpoint(document.links?.next, baseUrl);
		if (next) {
			request = { endpoint: next };
			continue;
		}
		// Without a next link, a server that reports pagination has shown its last page; one that
		// reports nothing is done once a page comes back short.
		if (!paginated || document.meta?.pagination !== undefined || data.length < pageSize) return items;
		request = { endpoint, qs: pageQs(page + 1) };
	}
}

/** The next link as an endpoint below the Base URL, or undefined when it points anywhere else. */
function nextLinkEndpoint(link: string | undefined, baseUrl: URL): string | undefined {
	if (!link) return undefined;
	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return undefined;
	}
	const basePath = baseUrl.pathname.replace(/\/+$/, '');
	if (url.host !== baseUrl.host || !url.pathname.startsWith(`${basePath}/`)) return undefined;
	return `${url.pathname.slice(basePath.length)}${url.search}`;
}
