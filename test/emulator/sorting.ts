import { invalidParameter, type Reply } from './replies';

export const SORTABLE = ['created_at', 'original_created_at', 'name'] as const;

export interface SortKey {
	attribute: string;
	descending: boolean;
}

/** `sort=-name,created_at` like jsonapi.rb; only the spec's enum attributes. */
export function parseSort(query: URLSearchParams): SortKey[] | Reply {
	const raw = query.get('sort');
	if (!raw) return [];
	const keys: SortKey[] = [];
	for (const part of raw.split(',')) {
		const descending = part.startsWith('-');
		const attribute = descending ? part.slice(1) : part;
		if (!(SORTABLE as readonly string[]).includes(attribute)) {
			return invalidParameter('sort', `Cannot sort by '${attribute}'; sortable: ${SORTABLE.join(', ')}`);
		}
		keys.push({ attribute, descending });
	}
	return keys;
}

const collator = new Intl.Collator('en');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

/** Like PostgreSQL with an en_US collation (the usual Rails setup): "alpha" < "Bravo" < "charlie". */
export function compareText(a: string, b: string): number {
	if (ISO_DATE.test(a) && ISO_DATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
	return collator.compare(a, b);
}

function compareValues(a: unknown, b: unknown, descending: boolean): number {
	const aNull = a === null || a === undefined;
	const bNull = b === null || b === undefined;
	// PostgreSQL: NULLS LAST ascending, NULLS FIRST descending.
	if (aNull || bNull) return aNull === bNull ? 0 : (aNull ? 1 : -1) * (descending ? -1 : 1);
	const order = typeof a === 'number' && typeof b === 'number' ? a - b : compareText(String(a), String(b));
	return descending ? -order : order;
}

/** Stable: equal keys keep creation order, which is also the order without `sort`. */
export function applySort<T>(items: T[], keys: SortKey[], rowOf: (item: T) => Record<string, unknown>): T[] {
	return [...items].sort((x, y) => {
		const a = rowOf(x);
		const b = rowOf(y);
		for (const key of keys) {
			const order = compareValues(a[key.attribute], b[key.attribute], key.descending);
			if (order !== 0) return order;
		}
		return 0;
	});
}
