import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { JsonApiResource, WebhookDelivery } from '../ContentGroove/helpers/interfaces';
import { toSimplifiedClip, toSimplifiedMedia } from '../ContentGroove/helpers/simplify';

/** A body is a delivery when it has an event name and a media resource, as the callback schema says. */
export function isWebhookDelivery(body: unknown): body is WebhookDelivery {
	const delivery = body as WebhookDelivery;
	return (
		typeof delivery?.event === 'string' &&
		typeof delivery.payload?.data?.id === 'string' &&
		typeof delivery.payload.data.attributes === 'object'
	);
}

/**
 * Names one occurrence of an event: the same media finishing the same processing run. A redelivery
 * carries the same body and so the same key; the media processed again gets a new one.
 */
export function dedupeKeyOf(delivery: WebhookDelivery): string {
	const media = delivery.payload.data;
	return `${delivery.event}:${media.id}:${String(media.attributes.processing_started_at ?? '')}`;
}

function included(delivery: WebhookDelivery, type: string): JsonApiResource[] {
	return (delivery.payload.included ?? []).filter((resource) => resource?.type === type);
}

function simplifiedClips(delivery: WebhookDelivery): IDataObject[] {
	return included(delivery, 'clips')
		.map((resource) => {
			const { media_id: _mediaId, ...clip } = toSimplifiedClip(resource);
			return clip;
		})
		.sort((a, b) => Number(a.rank ?? Infinity) - Number(b.rank ?? Infinity));
}

export interface OutputOptions {
	simplify: boolean;
	oneItemPerClip: boolean;
}

/**
 * Simplified: one item per event — the media's fields, its transcription text and its clips — or
 * one item per clip carrying its media's id and name. Not simplified: the body as delivered, with
 * only `dedupeKey` added beside `event` and `payload`.
 */
export function toTriggerItems(delivery: WebhookDelivery, dedupeKey: string, options: OutputOptions): INodeExecutionData[] {
	if (!options.simplify) return [{ json: { ...(delivery as unknown as IDataObject), dedupeKey } }];

	const media = toSimplifiedMedia(delivery.payload.data);
	const clips = simplifiedClips(delivery);
	if (options.oneItemPerClip) {
		return clips.map((clip) => ({
			json: { event: delivery.event, dedupeKey: `${dedupeKey}:${String(clip.id)}`, media_id: media.id, media_name: media.name ?? null, ...clip },
		}));
	}
	const transcription = included(delivery, 'transcriptions')[0];
	return [
		{
			json: {
				event: delivery.event,
				dedupeKey,
				...media,
				transcription: (transcription?.attributes?.text as string | undefined) ?? null,
				clips,
			},
		},
	];
}
