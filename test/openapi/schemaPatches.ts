/**
 * Adjustments to the spec's schemas before compiling them. Each one is either a strictness we want
 * (unknown attributes reveal a client sending junk) or a defect of the document that would make
 * every real body fail (listed in test/emulator/README.md).
 */

type Schema = Record<string, any>;

const strictCache = new WeakMap<object, Schema>();
const callbackCache = new WeakMap<object, Schema>();

function clone<T>(value: T): T {
	return structuredClone(value);
}

/** `data.attributes` may only hold the documented attributes. */
export function strictRequestSchema(schema: object): Schema {
	let strict = strictCache.get(schema);
	if (!strict) {
		strict = clone(schema) as Schema;
		const attributes = strict.properties?.data?.properties?.attributes;
		if (attributes) attributes.additionalProperties = false;
		strictCache.set(schema, strict);
	}
	return strict;
}

export function patchCallbackSchema(schema: object): Schema {
	let patched = callbackCache.get(schema);
	if (!patched) {
		patched = clone(schema) as Schema;
		patched.required = ['event', 'payload'];
		const payload = patched.properties.payload;
		payload.required = ['data'];
		payload.properties.data.required = ['id', 'type', 'attributes'];
		const [clip, transcription] = payload.properties.included.items.oneOf as Schema[];
		// Both branches lack `required`, so every object matched both and oneOf always failed.
		clip.required = ['id', 'type', 'attributes'];
		clip.properties.type = { ...clip.properties.type, enum: ['clips'] };
		transcription.required = ['id', 'type', 'attributes'];
		transcription.properties.type = { ...transcription.properties.type, enum: ['transcriptions'] };
		// Declared `string` while its example, and start_char next to it, are integers.
		clip.properties.attributes.properties.end_char.type = ['integer', 'string'];
		// OpenAPI 3.0 needs `nullable: true`, which the document never writes, yet its response
		// examples show null for unknown attributes (description, source_url, …).
		for (const resource of [payload.properties.data, clip, transcription]) allowNullAttributes(resource);
		callbackCache.set(schema, patched);
	}
	return patched;
}

function allowNullAttributes(resource: Schema): void {
	for (const property of Object.values(resource.properties.attributes.properties as Record<string, Schema>)) {
		property.type = [...(Array.isArray(property.type) ? property.type : [property.type]), 'null'];
	}
}
