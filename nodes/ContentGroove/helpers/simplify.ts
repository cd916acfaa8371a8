import type { IDataObject } from 'n8n-workflow';

import type { JsonApiResource, ResourceIdentifier } from './interfaces';

function relatedIds(resource: JsonApiResource, name: string): string[] {
	const data = resource.relationships?.[name]?.data;
	if (!data) return [];
	return (Array.isArray(data) ? data : [data]).map((identifier: ResourceIdentifier) => identifier.id);
}

/** `{ id, ...attributes, clip_ids, transcription_id }` from a `medias` resource. */
export function toSimplifiedMedia(resource: JsonApiResource): IDataObject {
	const simplified: IDataObject = { id: resource.id, ...resource.attributes };
	if (resource.relationships?.clips) simplified.clip_ids = relatedIds(resource, 'clips');
	if (resource.relationships?.transcription) {
		simplified.transcription_id = relatedIds(resource, 'transcription')[0] ?? null;
	}
	return simplified;
}

/** `{ id, ...attributes, media_id }` from a `clips` resource. */
export function toSimplifiedClip(resource: JsonApiResource): IDataObject {
	return { id: resource.id, ...resource.attributes, media_id: relatedIds(resource, 'media')[0] ?? null };
}

/** `{ id, ...attributes }` from a `webhook_subscriptions` resource. */
export function toSimplifiedSubscription(resource: JsonApiResource): IDataObject {
	return { id: resource.id, ...resource.attributes };
}

export function toSimplified(resource: JsonApiResource): IDataObject {
	switch (resource.type) {
		case 'medias':
			return toSimplifiedMedia(resource);
		case 'clips':
			return toSimplifiedClip(resource);
		default:
			return toSimplifiedSubscription(resource);
	}
}
