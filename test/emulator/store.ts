import { randomUUID } from 'node:crypto';

export interface Blob {
	id: string;
	key: string;
	uploadId: string;
	createdAt: string;
	uploaded: boolean;
	bytes: number | null;
	sha256: string | null;
	contentType: string | null;
	fileName: string | null;
}

export interface Media {
	id: string;
	externalId: string;
	name: string;
	description: string | null;
	sourceUrl: string | null;
	blobId: string | null;
	createdAt: string;
	processingStartedAt: string;
	isProcessing: boolean;
	hasFetchError: boolean;
	sourceCreatedAt: string | null;
	sourceFile: SourceFile | null;
	transcription: Transcription | null;
}

export interface SourceFile {
	duration: number;
	width: number;
	height: number;
	contentType: string;
	previewImageUrl: string;
}

export interface Transcription {
	id: string;
	text: string;
}

export interface Clip {
	id: string;
	externalId: string;
	mediaId: string;
	name: string;
	startTime: number;
	endTime: number;
	startChar: number;
	endChar: number;
	text: string | null;
	rank: number | null;
	createdAt: string;
	processingStartedAt: string;
	isProcessing: boolean;
	/** Bumped on every re-render so a file URL names one rendering. */
	renderVersion: number;
	rendered: { width: number; height: number } | null;
}

export interface WebhookSubscription {
	id: string;
	url: string;
	subscribedEvents: string[];
	active: boolean;
	createdAt: string;
	updatedAt: string;
}

export const USER_ID = 'aea66137-8ee1-4bab-bf5a-5d8a5bb4a7f9';

/** All emulated state; one instance per emulator, emptied by control `reset`. */
export class Store {
	readonly blobs = new Map<string, Blob>();
	readonly medias = new Map<string, Media>();
	readonly clips = new Map<string, Clip>();
	readonly subscriptions = new Map<string, WebhookSubscription>();
	private externalIdCounter = 0;

	nextExternalId(): string {
		this.externalIdCounter += 1;
		return String(this.externalIdCounter);
	}

	newId(): string {
		return randomUUID();
	}

	clipsOf(mediaId: string): Clip[] {
		return [...this.clips.values()].filter((clip) => clip.mediaId === mediaId);
	}

	blobByUploadId(uploadId: string): Blob | undefined {
		return [...this.blobs.values()].find((blob) => blob.uploadId === uploadId);
	}

	blobByKey(key: string): Blob | undefined {
		return [...this.blobs.values()].find((blob) => blob.key === key);
	}

	deleteMedia(mediaId: string): void {
		this.medias.delete(mediaId);
		for (const clip of this.clipsOf(mediaId)) this.clips.delete(clip.id);
	}

	clear(): void {
		this.blobs.clear();
		this.medias.clear();
		this.clips.clear();
		this.subscriptions.clear();
		this.externalIdCounter = 0;
	}
}

export function now(): string {
	return new Date().toISOString();
}
