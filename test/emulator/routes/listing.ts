import { paginate } from '../pagination';
import { applyFilters, parseFilters } from '../ransack';
import { ok, type Reply } from '../replies';
import type { Resource } from '../serializers';
import { applySort, parseSort } from '../sorting';
import type { EmulatorContext } from '../context';
import type { ApiRequest } from './types';

export interface ListingOptions<T> {
	filterable: readonly string[];
	/** The values filters and sorts look at (attributes plus foreign keys). */
	rowOf: (item: T) => Record<string, unknown>;
	serialize: (item: T) => Resource;
	/** 'all' for the endpoints the spec documents without page parameters. */
	paging: 'pages' | 'all';
}

/** Shared by every list endpoint: ransack filters, sort, then jsonapi.rb pagination. */
export function listReply<T>(context: EmulatorContext, request: ApiRequest, items: T[], options: ListingOptions<T>): Reply {
	const filters = parseFilters(request.query, options.filterable);
	if (!Array.isArray(filters)) return filters;
	const sort = parseSort(request.query);
	if (!Array.isArray(sort)) return sort;
	const selected = applySort(applyFilters(items, filters, options.rowOf), sort, options.rowOf);
	const sizes = options.paging === 'all' ? 'all' : { defaultSize: context.options.defaultPageSize, maxSize: context.options.maxPageSize };
	const page = paginate(selected, request, sizes);
	return ok({ data: page.items.map(options.serialize), links: page.links, meta: page.meta });
}

export function withSelfLink(request: ApiRequest, data: Resource): Reply {
	return ok({ data, links: { self: `${request.baseUrl}${request.rawTarget}` } });
}
