import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { JsonApiResource, WebhookDelivery } from '../ContentGroove/helpers/interfaces';
import { toSimplifiedClip, toSimplifiedMedia } from '../ContentGroove/helpers/simplify';

/** A body is a delivery when it has an event name and a media resource, as the callback schema says. */
function isWebhookDelivery(body: unknown): body is WebhookDelivery {
	const delivery = body as WebhookDelivery;
	return (
		typeof delivery?.event === 'string' &&
		typeof delivery.payload?.data?.id === 'string' &&
		typeof delivery.payload.data.attributes === 'object'
	);
}

/** The events whose payload is a media, per the OpenAPI document's callbacks. */
const MEDIA_EVENTS = ['media.processing_finished'];

/**
 * An event this package does not know (All Events chosen, ContentGroove added one): it is passed
 * on as delivered rather than refused, which would only make ContentGroove retry it.
 */
function isOtherEvent(body: unknown): body is IDataObject & { event: string } {
	const event = (body as { event?: unknown } | null)?.event;
	return typeof event === 'string' && !MEDIA_EVENTS.includes(event) && !Array.isArray(body);
}

/** An unknown event carries no known ID; a redelivery carries the same body, so its hash names it. */
function dedupeKeyOfOtherEvent(body: IDataObject & { event: string }): string {
	return `${body.event}:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
}

/**
 * Names one occurrence of an event: the same media finishing the same processing run. A redelivery
 * carries the same body and so the same key; the media processed again gets a new one.
 */
function dedupeKeyOf(delivery: WebhookDelivery): string {
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
 * one item per clip carrying its media's id and name (the event's item when there are no clips).
 * Not simplified: the body as delivered, with
 * only `dedupeKey` added beside `event` and `payload`.
 */
function toTriggerItems(delivery: WebhookDelivery, dedupeKey: string, options: OutputOptions): INodeExecutionData[] {
	if (!options.simplify) return [{ json: { ...(delivery as unknown as IDataObject), dedupeKey } }];

	const media = toSimplifiedMedia(delivery.payload.data);
	const clips = simplifiedClips(delivery);
	// A media without clips (e.g. its source could not be fetched) still reaches the workflow.
	if (options.oneItemPerClip && clips.length > 0) {
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

/** What a delivery body starts the workflow with, and the key naming it; undefined when it is not a delivery. */
export function readDelivery(
	body: unknown,
	options: OutputOptions,
): { dedupeKey: string; items: INodeExecutionData[] } | undefined {
	if (isOtherEvent(body)) {
		const dedupeKey = dedupeKeyOfOtherEvent(body);
		return { dedupeKey, items: [{ json: { ...body, dedupeKey } }] };
	}
	if (!isWebhookDelivery(body)) return undefined;
	const dedupeKey = dedupeKeyOf(body);
	return { dedupeKey, items: toTriggerItems(body, dedupeKey, options) };
}
