/**
 * jsonapi.rb's pagination, reproduced: numbers parsed with Ruby's `to_f.to_i`, links rebuilt from
 * all request params with Rails' `to_query` (sorted, `CGI.unescape`d — so values appear unencoded,
 * exactly as the gem emits them).
 */

type Params = { [key: string]: string | string[] | Params };

export interface PageRequest {
	/** e.g. `http://127.0.0.1:1234` */
	baseUrl: string;
	path: string;
	/** The request target as received (path + raw query), for `links.self`. */
	rawTarget: string;
	query: URLSearchParams;
}

export interface PageNumbers {
	current: number;
	first?: number;
	prev?: number;
	next?: number;
	last?: number;
	records: number;
}

export interface Page<T> {
	items: T[];
	links: Record<string, string>;
	meta: { pagination: PageNumbers };
}

function rubyToI(value: string | null): number {
	const parsed = Number.parseFloat(value ?? '');
	return Number.isNaN(parsed) ? 0 : Math.trunc(parsed);
}

/** Rails' parsing of `a[b]=c` and `a[b][]=c` keys (the subset list requests use). */
function railsParams(query: URLSearchParams): Params {
	const params: Params = {};
	for (const [key, value] of query) {
		const segments = key.replace(/\]/g, '').split('[');
		const isList = segments.length > 1 && segments[segments.length - 1] === '';
		if (isList) segments.pop();
		let target = params;
		for (const segment of segments.slice(0, -1)) {
			const next = target[segment];
			if (typeof next !== 'object' || Array.isArray(next)) target[segment] = {};
			target = target[segment] as Params;
		}
		const leaf = segments[segments.length - 1];
		const existing = target[leaf];
		target[leaf] = isList ? [...(Array.isArray(existing) ? existing : []), value] : value;
	}
	return params;
}

function cgiEscape(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

function toQuery(value: Params | string | string[], prefix: string): string[] {
	if (typeof value === 'string') return [`${cgiEscape(prefix)}=${cgiEscape(value)}`];
	if (Array.isArray(value)) return [value.map((v) => `${cgiEscape(`${prefix}[]`)}=${cgiEscape(v)}`).join('&')];
	return Object.entries(value).flatMap(([k, v]) => toQuery(v, prefix ? `${prefix}[${k}]` : k)).sort();
}

function cgiUnescape(text: string): string {
	return decodeURIComponent(text.replace(/\+/g, ' '));
}

export function pageNumbers(total: number, size: number, current: number): PageNumbers {
	const last = Math.max(1, Math.ceil(total / size));
	const numbers: PageNumbers = { current, records: total };
	if (current > 1) Object.assign(numbers, { first: 1, prev: current - 1 });
	if (current < last) Object.assign(numbers, { next: current + 1, last });
	return { ...numbers, records: total };
}

export function paginate<T>(items: T[], request: PageRequest, sizes: { defaultSize: number; maxSize: number } | 'all'): Page<T> {
	const page = request.query;
	let size: number;
	let current: number;
	if (sizes === 'all') {
		size = Math.max(1, items.length);
		current = 1;
	} else {
		const requested = rubyToI(page.get('page[size]'));
		size = requested < 1 ? sizes.defaultSize : Math.min(requested, sizes.maxSize);
		current = Math.max(1, rubyToI(page.get('page[number]')));
	}
	const numbers = pageNumbers(items.length, size, current);
	const params = railsParams(request.query);
	const pageParams = typeof params.page === 'object' && !Array.isArray(params.page) ? { ...params.page } : {};
	const links: Record<string, string> = { self: `${request.baseUrl}${request.rawTarget}` };
	for (const [name, number] of Object.entries(numbers)) {
		if (name === 'records') continue;
		const withPage: Params = { ...params, page: { ...pageParams, number: String(number) } };
		links[name] = `${request.baseUrl}${request.path}?${cgiUnescape(toQuery(withPage, '').join('&'))}`;
	}
	return { items: items.slice((current - 1) * size, current * size), links, meta: { pagination: numbers } };
}
