import type { Clip, Media, Transcription, WebhookSubscription } from './store';
import { USER_ID } from './store';
import type { UrlSigner } from './signing';

/** What serializing needs besides the record: where clip files are served and for how long. */
export interface SerializerContext {
	signer: UrlSigner;
	uploadBaseUrl: string;
	clipUrlTtlSeconds: number;
}

export type Resource = {
	id: string;
	type: string;
	attributes: Record<string, unknown>;
	relationships: Record<string, unknown>;
};

export function clipFilePath(clip: Clip): string {
	return `/clips/${clip.id}/${clip.renderVersion}.mp4`;
}

export function mediaResource(media: Media, clips: Clip[], options: { transcriptionRelationship: boolean }): Resource {
	const file = media.sourceFile;
	const relationships: Record<string, unknown> = { clips: { data: clips.map((clip) => ({ id: clip.id, type: 'clips' })) } };
	if (options.transcriptionRelationship) {
		relationships.transcription = { data: media.transcription ? { id: media.transcription.id, type: 'transcriptions' } : null };
	}
	return {
		id: media.id,
		type: 'medias',
		attributes: {
			created_at: media.createdAt,
			description: media.description,
			external_id: media.externalId,
			has_fetch_error: media.hasFetchError,
			is_processing: media.isProcessing,
			name: media.name,
			original_created_at: media.createdAt,
			processing_started_at: media.processingStartedAt,
			source_created_at: media.sourceCreatedAt,
			source_file_content_type: file?.contentType ?? null,
			source_file_duration: file?.duration ?? null,
			source_file_height: file?.height ?? null,
			source_file_preview_image_url: file?.previewImageUrl ?? null,
			source_file_width: file?.width ?? null,
			source_url: media.sourceUrl,
		},
		relationships,
	};
}

export function clipResource(clip: Clip, context: SerializerContext): Resource {
	const rendered = clip.rendered;
	return {
		id: clip.id,
		type: 'clips',
		attributes: {
			created_at: clip.createdAt,
			end_char: clip.endChar,
			end_time: clip.endTime,
			external_id: clip.externalId,
			is_processing: clip.isProcessing,
			media_file_content_type: rendered ? 'video/mp4' : null,
			media_file_duration: rendered ? Number((clip.endTime - clip.startTime).toFixed(6)) : null,
			media_file_height: rendered?.height ?? null,
			media_file_preview_image_url: rendered ? `${context.uploadBaseUrl}/previews/${clip.id}.jpg` : null,
			media_file_url: rendered ? context.signer.sign(context.uploadBaseUrl, 'GET', clipFilePath(clip), context.clipUrlTtlSeconds) : null,
			media_file_width: rendered?.width ?? null,
			name: clip.name,
			processing_started_at: clip.processingStartedAt,
			rank: clip.rank,
			start_char: clip.startChar,
			start_time: clip.startTime,
			text: clip.text,
		},
		relationships: { media: { data: { id: clip.mediaId, type: 'medias' } } },
	};
}

export function transcriptionResource(transcription: Transcription): Resource {
	return { id: transcription.id, type: 'transcriptions', attributes: { text: transcription.text }, relationships: {} };
}

export function subscriptionResource(subscription: WebhookSubscription): Resource {
	return {
		id: subscription.id,
		type: 'webhook_subscriptions',
		attributes: {
			active: subscription.active,
			created_at: subscription.createdAt,
			subscribed_events: subscription.subscribedEvents,
			updated_at: subscription.updatedAt,
			url: subscription.url,
		},
		relationships: {
			user: { data: { id: USER_ID, type: 'users' } },
			webhook_events: { data: [] },
		},
	};
}
