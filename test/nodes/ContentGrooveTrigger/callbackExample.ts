import type { IDataObject } from 'n8n-workflow';

import { loadSpec } from '../../openapi';
import type { SpecOperation } from '../../openapi/spec';

type Schema = { type?: string; example?: unknown; properties?: Record<string, Schema>; items?: Schema; oneOf?: Schema[] };

/** js-yaml reads unquoted timestamps as Dates; on the wire they are the ISO strings the spec wrote. */
const onTheWire = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function exampleOf(schema: Schema): unknown {
	if (schema.properties) {
		return Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, exampleOf(property)]));
	}
	if (schema.type === 'object') return {};
	if (schema.type === 'array' && schema.items) {
		// `included` is a oneOf of a clip and a transcription: one example of each.
		return schema.items.oneOf ? schema.items.oneOf.map(exampleOf) : [exampleOf(schema.items)];
	}
	return onTheWire(schema.example);
}

/**
 * The body of the spec's `media.processing_finished` callback (POST /api/v1/medias → callbacks),
 * assembled from the examples of its schema: the document gives no whole example. Kept as the spec
 * wrote it, defects included (numbers as strings, the transcription under `data` rather than
 * `data.relationships`), since a real delivery may look like it.
 */
export function specCallbackExample(event = 'media.processing_finished'): IDataObject {
	const create = loadSpec().paths['/api/v1/medias'].post as SpecOperation;
	const [expression] = Object.values(create.callbacks![event]);
	return exampleOf(expression.post.requestBody.content['application/json'].schema as Schema) as IDataObject;
}
