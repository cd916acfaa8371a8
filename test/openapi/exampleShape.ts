/**
 * Structural comparison of a body against the spec's response example: the examples are the only
 * description of response bodies the document gives (it has no response schemas).
 */

type Json = unknown;

function kindOf(value: Json): string {
	if (value === null) return 'null';
	if (value instanceof Date) return 'string'; // js-yaml turns unquoted timestamps into Dates
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/** Keys whose values are free-form by nature (pagination, counters), so extra keys are fine there. */
const OPEN_CONTAINERS = new Set(['links', 'meta']);

function nullAllowed(path: string[]): boolean {
	const parent = path[path.length - 2];
	const key = path[path.length - 1];
	// Any attribute may be unknown yet, and a to-one relationship may be empty.
	return parent === 'attributes' || key === 'data' || key === 'detail' || key === 'source';
}

export function compareToExample(actual: Json, example: Json, path: string[] = []): string[] {
	const where = path.length ? path.join('.') : '(body)';
	const expected = kindOf(example);
	const got = kindOf(actual);
	if (expected === 'null') return [];
	if (got === 'null') return nullAllowed(path) ? [] : [`${where} is null, the spec's example has a ${expected}`];
	if (got !== expected) return [`${where} is a ${got}, the spec's example has a ${expected}`];
	if (expected === 'array') {
		const [first] = example as Json[];
		if (first === undefined) return [];
		return (actual as Json[]).flatMap((item, index) => compareToExample(item, first, [...path, String(index)]));
	}
	if (expected !== 'object') return [];
	return compareObjects(actual as Record<string, Json>, example as Record<string, Json>, path);
}

function compareObjects(actual: Record<string, Json>, example: Record<string, Json>, path: string[]): string[] {
	const problems: string[] = [];
	const inOpenContainer = path.some((segment) => OPEN_CONTAINERS.has(segment));
	for (const key of Object.keys(example)) {
		if (!(key in actual)) problems.push(`${[...path, key].join('.')} is missing (the spec's example has it)`);
		else problems.push(...compareToExample(actual[key], example[key], [...path, key]));
	}
	if (!inOpenContainer) {
		for (const key of Object.keys(actual)) {
			if (key in example) continue;
			if (path.length === 0 && OPEN_CONTAINERS.has(key)) continue;
			problems.push(`${[...path, key].join('.')} is not in the spec's example`);
		}
	}
	return problems;
}
