import { invalidAttribute, noContent, notFound, type Reply } from '../replies';
import { serializerContext, type EmulatorContext } from '../context';
import { clipResource } from '../serializers';
import { now, type Clip } from '../store';
import { checkAttributes, readAttributes, type Attributes } from './attributes';
import { listReply, withSelfLink } from './listing';
import type { ApiRequest, Route } from './types';

const FILTERABLE = [
	'id', 'media_id', 'created_at', 'end_char', 'end_time', 'external_id', 'is_processing', 'media_file_content_type',
	'media_file_duration', 'media_file_height', 'media_file_width', 'name', 'processing_started_at', 'rank', 'start_char',
	'start_time', 'text',
] as const;

const KINDS = { name: 'string', media_id: 'string', start_time: 'number', end_time: 'number' } as const;

function serialize(context: EmulatorContext, clip: Clip) {
	return clipResource(clip, serializerContext(context));
}

function list(context: EmulatorContext, request: ApiRequest): Reply {
	return listReply(context, request, [...context.store.clips.values()], {
		filterable: FILTERABLE,
		rowOf: (clip) => ({ ...serialize(context, clip).attributes, id: clip.id, media_id: clip.mediaId }),
		serialize: (clip) => serialize(context, clip),
		paging: 'pages',
	});
}

/** 0 <= start_time < end_time <= media duration (when the media's duration is known yet). */
function checkTimes(startTime: number, endTime: number, duration: number | undefined): Reply | undefined {
	if (startTime < 0) return invalidAttribute('start_time', 'start_time must be >= 0');
	if (endTime <= startTime) return invalidAttribute('end_time', 'end_time must be greater than start_time');
	if (duration !== undefined && endTime > duration) {
		return invalidAttribute('end_time', `end_time must be <= the media's duration (${duration})`);
	}
	return undefined;
}

function mediaDurationOf(context: EmulatorContext, mediaId: string): number | undefined {
	return context.store.medias.get(mediaId)?.sourceFile?.duration;
}

function create(context: EmulatorContext, request: ApiRequest): Reply {
	const read = readAttributes(request.body);
	if (!('attributes' in read)) return read;
	const attributes: Attributes = read.attributes;
	const invalid = checkAttributes(attributes, KINDS, ['name', 'media_id', 'start_time', 'end_time']);
	if (invalid) return invalid;
	const media = context.store.medias.get(attributes.media_id as string);
	if (!media) return invalidAttribute('media_id', `No media has the id ${String(attributes.media_id)}`);
	if (media.hasFetchError) return invalidAttribute('media_id', 'The media could not be fetched, so it has no video to clip');
	const startTime = attributes.start_time as number;
	const endTime = attributes.end_time as number;
	const badTimes = checkTimes(startTime, endTime, media.sourceFile?.duration);
	if (badTimes) return badTimes;
	const clip: Clip = {
		id: context.store.newId(),
		externalId: context.store.nextExternalId(),
		mediaId: media.id,
		name: attributes.name as string,
		startTime,
		endTime,
		startChar: 0,
		endChar: 0,
		text: null,
		rank: null,
		createdAt: now(),
		processingStartedAt: now(),
		isProcessing: true,
		renderVersion: 0,
		rendered: null,
	};
	context.store.clips.set(clip.id, clip);
	context.processing.startClipRender(clip);
	return withSelfLink(request, serialize(context, clip));
}

function show(context: EmulatorContext, request: ApiRequest): Reply {
	const clip = context.store.clips.get(request.params.id);
	return clip ? withSelfLink(request, serialize(context, clip)) : notFound();
}

function update(context: EmulatorContext, request: ApiRequest): Reply {
	const clip = context.store.clips.get(request.params.id);
	if (!clip) return notFound();
	const read = readAttributes(request.body);
	if (!('attributes' in read)) return read;
	const { attributes } = read;
	const invalid = checkAttributes(attributes, { name: 'string', start_time: 'number', end_time: 'number' });
	if (invalid) return invalid;
	const startTime = (attributes.start_time as number | undefined) ?? clip.startTime;
	const endTime = (attributes.end_time as number | undefined) ?? clip.endTime;
	const badTimes = checkTimes(startTime, endTime, mediaDurationOf(context, clip.mediaId));
	if (badTimes) return badTimes;
	if (attributes.name !== undefined) clip.name = attributes.name as string;
	if (startTime !== clip.startTime || endTime !== clip.endTime) {
		Object.assign(clip, { startTime, endTime });
		context.processing.startClipRender(clip);
	}
	return withSelfLink(request, serialize(context, clip));
}

function remove(context: EmulatorContext, request: ApiRequest): Reply {
	if (!context.store.clips.has(request.params.id)) return notFound();
	context.processing.cancelClip(request.params.id);
	context.store.clips.delete(request.params.id);
	return noContent();
}

export const clipRoutes: Route[] = [
	{ method: 'GET', pattern: /^\/api\/v1\/clips$/, handler: list },
	{ method: 'POST', pattern: /^\/api\/v1\/clips$/, handler: create },
	{ method: 'GET', pattern: /^\/api\/v1\/clips\/(?<id>[^/]+)$/, handler: show },
	{ method: 'PUT', pattern: /^\/api\/v1\/clips\/(?<id>[^/]+)$/, handler: update },
	{ method: 'DELETE', pattern: /^\/api\/v1\/clips\/(?<id>[^/]+)$/, handler: remove },
];
