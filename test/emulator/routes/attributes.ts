import { invalidAttribute, jsonApiError, type Reply } from '../replies';

export type Attributes = Record<string, unknown>;
type Kind = 'string' | 'number' | 'string[]';

/** `data.attributes` of a JSON:API request body, or a 422 saying what is missing. */
export function readAttributes(body: unknown): { attributes: Attributes } | Reply {
	const data = (body as { data?: unknown } | undefined)?.data;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return jsonApiError(422, 'The body must be a JSON:API document with a data object', { pointer: '/data' });
	}
	const attributes = (data as { attributes?: unknown }).attributes;
	if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
		return jsonApiError(422, 'data.attributes must be an object', { pointer: '/data/attributes' });
	}
	return { attributes: attributes as Attributes };
}

function hasKind(value: unknown, kind: Kind): boolean {
	if (kind === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string');
	if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
	return typeof value === 'string';
}

/**
 * Checks the documented attributes' types and presence. Undocumented attributes are ignored, as
 * Rails strong parameters do; the OpenAPI validator reports them as violations.
 */
export function checkAttributes(attributes: Attributes, kinds: Record<string, Kind>, required: string[] = []): Reply | undefined {
	for (const name of required) {
		if (attributes[name] === undefined || attributes[name] === null || attributes[name] === '') {
			return invalidAttribute(name, `${name} is required`);
		}
	}
	for (const [name, kind] of Object.entries(kinds)) {
		const value = attributes[name];
		if (value !== undefined && !hasKind(value, kind)) return invalidAttribute(name, `${name} must be ${kind === 'string[]' ? 'an array of strings' : `a ${kind}`}`);
	}
	return undefined;
}

export function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}
