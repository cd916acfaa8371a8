import { posix } from 'node:path';
import type { EmulatorContext } from '../context';
import { invalidAttribute, noContent, notFound, type Reply } from '../replies';
import { mediaResource } from '../serializers';
import { now, type Media } from '../store';
import { checkAttributes, isHttpUrl, readAttributes } from './attributes';
import { listReply, withSelfLink } from './listing';
import type { ApiRequest, Route } from './types';

const FILTERABLE = [
	'id', 'created_at', 'description', 'external_id', 'has_fetch_error', 'is_processing', 'name', 'original_created_at',
	'processing_started_at', 'source_created_at', 'source_file_content_type', 'source_file_duration', 'source_file_height',
	'source_file_width', 'source_url',
] as const;

function serialize(context: EmulatorContext, media: Media, transcriptionRelationship = true) {
	return mediaResource(media, context.store.clipsOf(media.id), { transcriptionRelationship });
}

function list(context: EmulatorContext, request: ApiRequest): Reply {
	return listReply(context, request, [...context.store.medias.values()], {
		filterable: FILTERABLE,
		rowOf: (media) => ({ ...serialize(context, media).attributes, id: media.id }),
		// The spec's list example has no transcription relationship (only show/create/update do).
		serialize: (media) => serialize(context, media, false),
		paging: 'pages',
	});
}

function nameFromUrl(sourceUrl: string): string {
	try {
		return decodeURIComponent(posix.basename(new URL(sourceUrl).pathname));
	} catch {
		return '';
	}
}

/** Which source the media comes from: exactly one of source_url / upload_id. */
function resolveSource(context: EmulatorContext, sourceUrl: unknown, uploadId: unknown): { sourceUrl: string | null; blobId: string | null; name: string } | Reply {
	if ((sourceUrl === undefined) === (uploadId === undefined)) {
		return invalidAttribute(sourceUrl === undefined ? 'source_url' : 'upload_id', 'Exactly one of source_url or upload_id must be given');
	}
	if (typeof sourceUrl === 'string') {
		if (!isHttpUrl(sourceUrl)) return invalidAttribute('source_url', 'source_url must be an http(s) URL');
		return { sourceUrl, blobId: null, name: nameFromUrl(sourceUrl) };
	}
	const blob = context.store.blobByUploadId(uploadId as string);
	if (!blob) return invalidAttribute('upload_id', 'No direct upload has this upload_id');
	if (!blob.uploaded) return invalidAttribute('upload_id', 'The file of this upload_id has not been (completely) uploaded');
	if ([...context.store.medias.values()].some((media) => media.blobId === blob.id)) {
		return invalidAttribute('upload_id', 'This upload_id has already been used for a media');
	}
	return { sourceUrl: null, blobId: blob.id, name: blob.fileName ?? '' };
}

function create(context: EmulatorContext, request: ApiRequest): Reply {
	const read = readAttributes(request.body);
	if (!('attributes' in read)) return read;
	const { attributes } = read;
	const invalid = checkAttributes(attributes, { name: 'string', description: 'string', source_url: 'string', upload_id: 'string' });
	if (invalid) return invalid;
	const source = resolveSource(context, attributes.source_url, attributes.upload_id);
	if ('status' in source) return source;
	const createdAt = now();
	const media: Media = {
		id: context.store.newId(),
		externalId: context.store.nextExternalId(),
		name: (attributes.name as string | undefined) || source.name,
		description: (attributes.description as string | undefined) ?? null,
		sourceUrl: source.sourceUrl,
		blobId: source.blobId,
		createdAt,
		processingStartedAt: createdAt,
		isProcessing: true,
		hasFetchError: false,
		sourceCreatedAt: null,
		sourceFile: null,
		transcription: null,
	};
	context.store.medias.set(media.id, media);
	context.processing.startMedia(media);
	return withSelfLink(request, serialize(context, media));
}

function show(context: EmulatorContext, request: ApiRequest): Reply {
	const media = context.store.medias.get(request.params.id);
	return media ? withSelfLink(request, serialize(context, media)) : notFound();
}

function update(context: EmulatorContext, request: ApiRequest): Reply {
	const media = context.store.medias.get(request.params.id);
	if (!media) return notFound();
	const read = readAttributes(request.body);
	if (!('attributes' in read)) return read;
	const invalid = checkAttributes(read.attributes, { name: 'string', description: 'string' });
	if (invalid) return invalid;
	if (read.attributes.name !== undefined) media.name = read.attributes.name as string;
	if (read.attributes.description !== undefined) media.description = read.attributes.description as string;
	return withSelfLink(request, serialize(context, media));
}

function remove(context: EmulatorContext, request: ApiRequest): Reply {
	if (!context.store.medias.has(request.params.id)) return notFound();
	context.processing.cancelMedia(request.params.id);
	context.store.deleteMedia(request.params.id);
	return noContent();
}

export const mediaRoutes: Route[] = [
	{ method: 'GET', pattern: /^\/api\/v1\/medias$/, handler: list },
	{ method: 'POST', pattern: /^\/api\/v1\/medias$/, handler: create },
	{ method: 'GET', pattern: /^\/api\/v1\/medias\/(?<id>[^/]+)$/, handler: show },
	{ method: 'PUT', pattern: /^\/api\/v1\/medias\/(?<id>[^/]+)$/, handler: update },
	{ method: 'DELETE', pattern: /^\/api\/v1\/medias\/(?<id>[^/]+)$/, handler: remove },
];
