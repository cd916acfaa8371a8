import { createHmac, randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { ok, type Reply } from '../replies';
import { now, type Blob } from '../store';
import type { Route } from './types';

/** The upload host's path for a blob key. */
export function uploadPath(key: string): string {
	return `/uploads/${key}`;
}

/** Shaped like the Rails signed blob id of the spec's example: base64 JSON, `--`, a digest. */
function signedBlobId(blobId: string): string {
	const message = Buffer.from(JSON.stringify({ _rails: { message: Buffer.from(blobId).toString('base64'), exp: null, pur: 'blob_id' } })).toString('base64');
	return `${message}--${createHmac('sha1', 'emulator').update(message).digest('hex')}`;
}

function randomKey(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(32)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function create(context: EmulatorContext): Reply {
	const id = context.store.newId();
	const blob: Blob = {
		id,
		key: randomKey(),
		uploadId: signedBlobId(id),
		createdAt: now(),
		uploaded: false,
		bytes: null,
		sha256: null,
		contentType: null,
		fileName: null,
	};
	context.store.blobs.set(blob.id, blob);
	const uploadUrl = context.signer.sign(context.uploadBaseUrl, 'PUT', uploadPath(blob.key), context.options.uploadUrlTtlSeconds);
	return ok({ data: { id: blob.id, type: 'direct_upload_blobs', attributes: { upload_id: blob.uploadId, upload_url: uploadUrl } } });
}

export const directUploadRoutes: Route[] = [{ method: 'GET', pattern: /^\/api\/v1\/direct_uploads$/, handler: create }];
