import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { JsonApiListDocument } from '../helpers/interfaces';
import { apiRequest, getBaseUrl } from '../transport/apiRequest';

const SEARCH_PAGE_SIZE = 50;

/** A page of newest-first results whose searched attribute contains the typed text. */
async function search(
	this: ILoadOptionsFunctions,
	endpoint: string,
	searchedAttribute: string,
	filter: string | undefined,
	paginationToken: string | undefined,
	options: { paginated: boolean; label: (attributes: IDataObject, id: string) => string; appPath: string },
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { sort: '-created_at' };
	if (filter) qs[`filter[${searchedAttribute}_cont]`] = filter;
	if (options.paginated) Object.assign(qs, { 'page[number]': page, 'page[size]': SEARCH_PAGE_SIZE });
	const document = (await apiRequest.call(this, 'GET', endpoint, { qs })) as unknown as JsonApiListDocument;
	const baseUrl = await getBaseUrl.call(this);
	return {
		results: (document.data ?? []).map((resource) => ({
			name: options.label(resource.attributes, resource.id),
			value: resource.id,
			url: `${baseUrl}/api/v1/${options.appPath}/${resource.id}`,
		})),
		paginationToken: options.paginated && document.links?.next ? String(page + 1) : undefined,
	};
}

export async function searchMedias(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search.call(this, '/api/v1/medias', 'name', filter, paginationToken, {
		paginated: true,
		appPath: 'medias',
		label: (attributes, id) => String(attributes.name || id),
	});
}

export async function searchClips(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search.call(this, '/api/v1/clips', 'name', filter, paginationToken, {
		paginated: true,
		appPath: 'clips',
		label: (attributes, id) => String(attributes.name || id),
	});
}

export async function searchWebhookSubscriptions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search.call(this, '/api/v1/webhook_subscriptions', 'url', filter, paginationToken, {
		paginated: false,
		appPath: 'webhook_subscriptions',
		label: (attributes, id) => `${String(attributes.url ?? id)} (${(attributes.subscribed_events as string[] | undefined)?.join(', ') ?? ''})`,
	});
}
