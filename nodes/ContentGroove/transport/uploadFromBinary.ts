import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { BINARY_ENCODING, NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { apiRequest, networkFailure } from './apiRequest';
import { describeNetworkFailure } from './errors';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from './retryPolicy';

/** The API's documented per-file limit ("file uploads are limited to 5gb per file"), as S3 enforces it. */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

const UPLOAD_ATTEMPTS = 3;
/** Read size for stored files: n8n's 64 KiB default costs ~3× the CPU per GiB (bench/README.md). */
const READ_CHUNK_BYTES = 1024 * 1024;
/** Socket idle timeout for the PUT: a slow link must not be cut after n8n's default 300 s. */
const UPLOAD_IDLE_TIMEOUT_MS = 15 * 60_000;

interface DirectUpload {
	uploadId: string;
	uploadUrl: string;
}

export interface UploadedFile {
	uploadId: string;
	fileName: string;
	bytes: number;
}

/**
 * Uploads an item's binary to ContentGroove's file host (steps 1–2 of the API's "File Uploading"):
 * ask for a presigned URL, then PUT the bytes there.
 *
 * Stored binaries (n8n's filesystem mode) are streamed, so a 5 GiB file never sits in memory;
 * in-memory binaries are base64 in the item. The PUT goes out without the credential — a presigned
 * host refuses a second auth mechanism, and the API key must never reach it.
 */
export async function uploadFromBinary(
	this: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
): Promise<UploadedFile> {
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const bytes = await binaryByteSize.call(this, binary);
	const fileName = binary.fileName ?? 'upload';
	if (bytes === 0) {
		throw new NodeOperationError(this.getNode(), `The file in "${binaryPropertyName}" is empty`, {
			description: 'ContentGroove needs a video or audio file with content. Check the node that produced the file.',
			itemIndex,
		});
	}
	if (bytes > MAX_UPLOAD_BYTES) {
		throw new NodeOperationError(
			this.getNode(),
			`The file in "${binaryPropertyName}" is ${bytes} bytes, more than ContentGroove's 5 GiB limit`,
			{ description: 'Split or compress the file below 5 GiB, or give ContentGroove a Source URL instead.', itemIndex },
		);
	}

	let target = await requestDirectUpload.call(this, itemIndex);
	for (let attempt = 1; ; attempt++) {
		const outcome = await putFile.call(this, target.uploadUrl, binary, bytes);
		if (outcome.ok) return { uploadId: target.uploadId, fileName, bytes };
		if (attempt >= UPLOAD_ATTEMPTS || !outcome.retryable) {
			throw new NodeApiError(this.getNode(), { httpStatus: outcome.status ?? null, networkError: outcome.code ?? null }, {
				message: `Uploading "${fileName}" to ContentGroove's file host failed (${outcome.reason})`,
				description:
					'Nothing was created in ContentGroove. Run the node again; if it keeps failing, check that n8n can reach the file host.',
				httpCode: outcome.status ? String(outcome.status) : undefined,
				itemIndex,
			});
		}
		// An expired or refused signature needs a fresh URL; other failures retry the same one (PUT overwrites).
		if (outcome.status === 403) target = await requestDirectUpload.call(this, itemIndex);
		await sleep(retryDelayMs(attempt, outcome.retryAfterMs, DEFAULT_RETRY_POLICY));
	}
}

async function binaryByteSize(this: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (binary.id) return (await this.helpers.getBinaryMetadata(binary.id)).fileSize;
	return Buffer.byteLength(binary.data, BINARY_ENCODING);
}

async function requestDirectUpload(this: IExecuteFunctions, itemIndex: number): Promise<DirectUpload> {
	const document = (await apiRequest.call(this, 'GET', '/api/v1/direct_uploads', { itemIndex })) as {
		data?: { attributes?: { upload_id?: string; upload_url?: string } };
	};
	const attributes = document?.data?.attributes;
	if (!attributes?.upload_id || !attributes.upload_url) {
		throw new NodeApiError(this.getNode(), {}, {
			message: 'ContentGroove did not return an upload URL',
			description: 'Try again later; if it persists, contact ContentGroove support.',
			itemIndex,
		});
	}
	return { uploadId: attributes.upload_id, uploadUrl: attributes.upload_url };
}

interface PutOutcome {
	ok: boolean;
	retryable: boolean;
	reason: string;
	status?: number;
	code?: string;
	retryAfterMs?: number;
}

async function putFile(
	this: IExecuteFunctions,
	uploadUrl: string,
	binary: IBinaryData,
	bytes: number,
): Promise<PutOutcome> {
	// A stream is read once, so every attempt opens the file again.
	const body = binary.id
		? await this.helpers.getBinaryStream(binary.id, READ_CHUNK_BYTES)
		: Buffer.from(binary.data, BINARY_ENCODING);
	try {
		const response = (await this.helpers.httpRequest({
			method: 'PUT',
			url: uploadUrl,
			body: body as Buffer,
			headers: {
				'Content-Length': bytes,
				'Content-Type': binary.mimeType || 'application/octet-stream',
			},
			// Redirect-following keeps every body chunk in memory to be able to replay it.
			disableFollowRedirect: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: UPLOAD_IDLE_TIMEOUT_MS,
		})) as { statusCode: number; headers: Record<string, unknown> };
		const status = response.statusCode;
		if (status >= 200 && status < 300) return { ok: true, retryable: false, reason: 'ok' };
		return {
			ok: false,
			status,
			reason: `status ${status}`,
			retryable: status === 403 || status === 408 || status === 429 || status >= 500,
			retryAfterMs: parseRetryAfter(response.headers['retry-after'], Date.now()),
		};
	} catch (error) {
		const { code } = networkFailure(error);
		// Only the error code: the presigned URL is a bearer capability and stays out of messages.
		return { ok: false, retryable: true, code, reason: describeNetworkFailure(code) };
	} finally {
		if (binary.id) (body as { destroy?: () => void }).destroy?.();
	}
}
