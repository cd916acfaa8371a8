import { clipNameFrom, mediaDuration, spanForTimes, suggestedClipTimes, transcriptText } from './mediaContent';
import type { EmulatorOptions } from './options';
import { now, type Clip, type Media, type Store } from './store';
import type { Timers } from './timers';

export interface ProcessingDependencies {
	store: Store;
	timers: Timers;
	options: Pick<EmulatorOptions, 'processingDelayMs' | 'clipRenderDelayMs' | 'suggestedClipsPerMedia'>;
	uploadBaseUrl: () => string;
	onMediaProcessed: (media: Media) => void;
}

const RENDER_WIDTH = 1280;
const RENDER_HEIGHT = 720;

/** Hosts that never resolve (RFC 6761), used to emulate a source URL ContentGroove cannot fetch. */
export function isUnfetchable(sourceUrl: string | null): boolean {
	if (!sourceUrl) return false;
	try {
		return new URL(sourceUrl).hostname.endsWith('.invalid');
	} catch {
		return true;
	}
}

/** The background work of ContentGroove: media processing and clip rendering, driven by timers. */
export class Processing {
	private readonly mediaTimers = new Map<string, NodeJS.Timeout | undefined>();
	private readonly clipTimers = new Map<string, NodeJS.Timeout | undefined>();

	constructor(private readonly deps: ProcessingDependencies) {}

	startMedia(media: Media): void {
		this.mediaTimers.set(media.id, this.deps.timers.after(this.deps.options.processingDelayMs, () => this.finishMedia(media.id)));
	}

	/** Returns false when the media does not exist; finishing twice is a no-op. */
	finishMedia(mediaId: string): boolean {
		const media = this.deps.store.medias.get(mediaId);
		if (!media) return false;
		this.deps.timers.cancel(this.mediaTimers.get(mediaId));
		this.mediaTimers.delete(mediaId);
		if (!media.isProcessing) return true;
		media.isProcessing = false;
		if (isUnfetchable(media.sourceUrl)) {
			media.hasFetchError = true;
		} else {
			this.produceResults(media);
		}
		this.deps.onMediaProcessed(media);
		return true;
	}

	startClipRender(clip: Clip): void {
		this.deps.timers.cancel(this.clipTimers.get(clip.id));
		clip.isProcessing = true;
		clip.rendered = null;
		clip.processingStartedAt = now();
		clip.renderVersion += 1;
		this.clipTimers.set(clip.id, this.deps.timers.after(this.deps.options.clipRenderDelayMs, () => this.finishClip(clip.id)));
	}

	cancelMedia(mediaId: string): void {
		this.deps.timers.cancel(this.mediaTimers.get(mediaId));
		this.mediaTimers.delete(mediaId);
		for (const clip of this.deps.store.clipsOf(mediaId)) this.cancelClip(clip.id);
	}

	cancelClip(clipId: string): void {
		this.deps.timers.cancel(this.clipTimers.get(clipId));
		this.clipTimers.delete(clipId);
	}

	clear(): void {
		this.mediaTimers.clear();
		this.clipTimers.clear();
	}

	private finishClip(clipId: string): void {
		const clip = this.deps.store.clips.get(clipId);
		const media = clip && this.deps.store.medias.get(clip.mediaId);
		if (!clip || !media) return;
		if (media.isProcessing) {
			// A clip of an unprocessed media renders once the media is processed.
			this.clipTimers.set(clipId, this.deps.timers.after(this.deps.options.clipRenderDelayMs, () => this.finishClip(clipId)));
			return;
		}
		this.clipTimers.delete(clipId);
		this.render(clip, media);
	}

	private render(clip: Clip, media: Media): void {
		if (media.transcription && media.sourceFile) {
			const span = spanForTimes(media.transcription.text, media.sourceFile.duration, clip.startTime, clip.endTime);
			Object.assign(clip, { startChar: span.startChar, endChar: span.endChar, text: span.text });
		}
		clip.isProcessing = false;
		clip.rendered = { width: media.sourceFile?.width ?? RENDER_WIDTH, height: media.sourceFile?.height ?? RENDER_HEIGHT };
	}

	private produceResults(media: Media): void {
		const { store } = this.deps;
		const duration = mediaDuration(media.id);
		const blob = media.blobId ? store.blobs.get(media.blobId) : undefined;
		media.sourceCreatedAt = now();
		media.sourceFile = {
			duration,
			width: RENDER_WIDTH,
			height: RENDER_HEIGHT,
			contentType: blob?.contentType ?? 'video/mp4',
			previewImageUrl: `${this.deps.uploadBaseUrl()}/previews/${media.id}.jpg`,
		};
		media.transcription = { id: store.newId(), text: transcriptText(media.id, duration) };
		const times = suggestedClipTimes(media.id, duration, this.deps.options.suggestedClipsPerMedia);
		times.forEach(({ startTime, endTime }, rank) => {
			const clip: Clip = {
				id: store.newId(),
				externalId: store.nextExternalId(),
				mediaId: media.id,
				name: '',
				startTime,
				endTime,
				startChar: 0,
				endChar: 0,
				text: null,
				rank,
				createdAt: now(),
				processingStartedAt: now(),
				isProcessing: true,
				renderVersion: 1,
				rendered: null,
			};
			this.render(clip, media);
			clip.name = clipNameFrom(clip.text ?? `Suggested clip ${rank + 1}`);
			store.clips.set(clip.id, clip);
		});
	}
}
