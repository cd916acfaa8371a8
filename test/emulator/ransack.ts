import { invalidParameter, type Reply } from './replies';
import { compareText } from './sorting';

/** Longest first, so that `not_eq` wins over `eq` and `gteq` over `gt`. */
const PREDICATES = [
	'not_cont', 'not_start', 'not_end', 'not_null', 'not_eq', 'not_in',
	'present', 'blank', 'null', 'cont', 'start', 'gteq', 'lteq', 'end', 'eq', 'in', 'gt', 'lt',
] as const;
type Predicate = (typeof PREDICATES)[number];

export interface Filter {
	parameter: string;
	attribute: string;
	predicate: Predicate;
	values: string[];
}

type Row = Record<string, unknown>;

function snakeCase(name: string): string {
	return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function truthy(value: string): boolean {
	return ['1', 't', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/**
 * Reads `filter[<attribute>_<predicate>]` parameters. Returns a 400 reply naming the parameter when
 * the attribute or predicate is unknown: real jsonapi.rb silently drops those, which hides typos.
 */
export function parseFilters(query: URLSearchParams, attributes: readonly string[]): Filter[] | Reply {
	const filters = new Map<string, Filter>();
	for (const [key, value] of query) {
		const match = /^filter\[([^\]]+)\](\[\])?$/.exec(key);
		if (!match) continue;
		const field = snakeCase(match[1]);
		const predicate = PREDICATES.find((p) => field.endsWith(`_${p}`));
		if (!predicate) return invalidParameter(key, `Unknown filter matcher in ${key}; supported: ${PREDICATES.join(', ')}`);
		const attribute = field.slice(0, -predicate.length - 1);
		if (!attributes.includes(attribute)) {
			return invalidParameter(key, `Unknown filter attribute '${attribute}'; filterable: ${attributes.join(', ')}`);
		}
		const wantsList = predicate === 'in' || predicate === 'not_in';
		const parts = wantsList && !match[2] ? value.split(',') : [value];
		const existing = filters.get(field);
		if (existing && wantsList) existing.values.push(...parts);
		else filters.set(field, { parameter: key, attribute, predicate, values: parts });
	}
	// Like Ransack, a blank value means "no condition" (except for the null/present family).
	return [...filters.values()].filter((f) => f.values.some((v) => v !== '') || ['null', 'not_null', 'present', 'blank'].includes(f.predicate));
}

function compare(actual: unknown, expected: string): number {
	if (typeof actual === 'number') return actual - Number(expected);
	if (typeof actual === 'boolean') return Number(actual) - Number(truthy(expected));
	const text = Array.isArray(actual) ? actual.join(',') : String(actual);
	if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(expected))) return Date.parse(text) - Date.parse(expected);
	return compareText(text, expected);
}

function like(actual: unknown, expected: string, where: 'cont' | 'start' | 'end'): boolean {
	// Ransack's cont/start/end use ILIKE on PostgreSQL: case-insensitive.
	const text = String(actual).toLowerCase();
	const needle = expected.toLowerCase();
	if (where === 'cont') return text.includes(needle);
	return where === 'start' ? text.startsWith(needle) : text.endsWith(needle);
}

function matches(row: Row, filter: Filter): boolean {
	const actual = row[filter.attribute];
	const isNull = actual === null || actual === undefined;
	const [value] = filter.values;
	switch (filter.predicate) {
		case 'null': return isNull === truthy(value);
		case 'not_null': return isNull !== truthy(value);
		case 'present': return (!isNull && String(actual).trim() !== '') === truthy(value);
		case 'blank': return (isNull || String(actual).trim() === '') === truthy(value);
		default: break;
	}
	// SQL semantics: any comparison with NULL is unknown, so the row is left out.
	if (isNull) return false;
	switch (filter.predicate) {
		case 'eq': return compare(actual, value) === 0;
		case 'not_eq': return compare(actual, value) !== 0;
		case 'in': return filter.values.some((v) => compare(actual, v) === 0);
		case 'not_in': return filter.values.every((v) => compare(actual, v) !== 0);
		case 'cont': case 'start': case 'end': return like(actual, value, filter.predicate);
		case 'not_cont': return !like(actual, value, 'cont');
		case 'not_start': return !like(actual, value, 'start');
		case 'not_end': return !like(actual, value, 'end');
		case 'gt': return compare(actual, value) > 0;
		case 'gteq': return compare(actual, value) >= 0;
		case 'lt': return compare(actual, value) < 0;
		case 'lteq': return compare(actual, value) <= 0;
	}
}

export function applyFilters<T>(items: T[], filters: Filter[], rowOf: (item: T) => Row): T[] {
	return items.filter((item) => {
		const row = rowOf(item);
		return filters.every((filter) => matches(row, filter));
	});
}
