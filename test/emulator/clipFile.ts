import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Clip } from './store';

/** About what a low-bitrate rendering weighs: tests get sizeable but quick downloads. */
export const BYTES_PER_SECOND = 32 * 1024;

/** An `ftyp` box so that type sniffers recognise the bytes as MP4. */
const MP4_HEADER = Buffer.from('000000186674797069736f6d0000020069736f6d6d703432', 'hex');
const BLOCK = 32;

export interface ClipFileInfo {
	clipId: string;
	size: number;
	sha256: string;
	contentType: 'video/mp4';
}

export function clipFileSize(clip: Clip): number {
	return Math.max(MP4_HEADER.length, Math.round((clip.endTime - clip.startTime) * BYTES_PER_SECOND));
}

function seedOf(clip: Clip): string {
	return `${clip.id}:${clip.renderVersion}`;
}

/** Deterministic pseudo-random bytes: block i is sha256(seed:i), so any size streams in constant memory. */
function* chunks(clip: Clip, chunkBytes = 64 * 1024): Generator<Buffer> {
	const size = clipFileSize(clip);
	const seed = seedOf(clip);
	let produced = 0;
	let block = 0;
	const header = MP4_HEADER.subarray(0, size);
	produced += header.length;
	yield header;
	while (produced < size) {
		const length = Math.min(chunkBytes, size - produced);
		const chunk = Buffer.allocUnsafe(length);
		for (let offset = 0; offset < length; offset += BLOCK, block += 1) {
			createHash('sha256').update(`${seed}:${block}`).digest().copy(chunk, offset, 0, Math.min(BLOCK, length - offset));
		}
		produced += length;
		yield chunk;
	}
}

export function clipFileStream(clip: Clip): Readable {
	return Readable.from(chunks(clip));
}

const infoCache = new Map<string, ClipFileInfo>();

export function clipFileInfo(clip: Clip): ClipFileInfo {
	const cacheKey = `${seedOf(clip)}:${clip.startTime}:${clip.endTime}`;
	let info = infoCache.get(cacheKey);
	if (!info) {
		const hash = createHash('sha256');
		for (const chunk of chunks(clip)) hash.update(chunk);
		info = { clipId: clip.id, size: clipFileSize(clip), sha256: hash.digest('hex'), contentType: 'video/mp4' };
		infoCache.set(cacheKey, info);
	}
	return info;
}
