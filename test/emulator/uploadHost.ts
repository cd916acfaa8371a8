import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { carriesApiCredentials } from './auth';
import { clipFileInfo, clipFileStream } from './clipFile';
import type { EmulatorContext } from './context';
import type { Fault } from './faults';
import { MAX_UPLOAD_BYTES } from './options';
import { queryObject, type LoggedRequest } from './requestLog';
import { S3_CODES, sendS3Error } from './s3Errors';
import type { SignatureCheck } from './signing';

const SIGNATURE_ERRORS: Record<Exclude<SignatureCheck, 'valid'>, [string, string]> = {
	missing: ['AccessDenied', 'Query-string authentication requires the X-Amz-Signature, X-Amz-Date and X-Amz-Expires parameters'],
	mismatch: ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'],
	expired: ['AccessDenied', 'Request has expired'],
};

function fileNameOf(request: IncomingMessage): string | null {
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(request.headers['content-disposition'] ?? '');
	return match ? decodeURIComponent(match[1]) : null;
}

/** Streams the body into a hash and a counter: constant memory whatever the size (up to 5 GiB). */
function receiveUpload(context: EmulatorContext, key: string, request: IncomingMessage, response: ServerResponse, logged: LoggedRequest, fault?: Fault): void {
	const hash = createHash('sha256');
	const md5 = createHash('md5');
	let bytes = 0;
	logged.bytes = 0;
	request.on('data', (chunk: Buffer) => {
		bytes += chunk.length;
		logged.bytes = bytes;
		hash.update(chunk);
		md5.update(chunk);
		if (fault?.resetAfterBytes !== undefined && bytes >= fault.resetAfterBytes) request.socket.destroy();
	});
	request.on('end', () => {
		const blob = context.store.blobByKey(key);
		if (!blob) return sendS3Error(response, 404, 'NoSuchKey', 'The specified key does not exist.');
		Object.assign(blob, {
			uploaded: true,
			bytes,
			sha256: hash.digest('hex'),
			contentType: request.headers['content-type'] ?? 'binary/octet-stream',
			fileName: fileNameOf(request),
		});
		logged.status = 200;
		response.writeHead(200, { ETag: `"${md5.digest('hex')}"`, 'Content-Length': '0' }).end();
	});
}

function handlePut(context: EmulatorContext, key: string, request: IncomingMessage, response: ServerResponse, logged: LoggedRequest, fault?: Fault): number | undefined {
	const length = request.headers['content-length'];
	if (length === undefined || request.headers['transfer-encoding'] !== undefined) {
		sendS3Error(response, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
		return 411;
	}
	if (Number(length) > MAX_UPLOAD_BYTES) {
		sendS3Error(response, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
		return 400;
	}
	if (!context.store.blobByKey(key)) {
		sendS3Error(response, 404, 'NoSuchUpload', 'No direct upload was prepared for this key.');
		return 404;
	}
	receiveUpload(context, key, request, response, logged, fault);
	return undefined;
}

function handleClipFile(context: EmulatorContext, clipId: string, version: number, response: ServerResponse, fault?: Fault): number {
	const clip = context.store.clips.get(clipId);
	if (!clip || !clip.rendered || clip.renderVersion !== version) {
		sendS3Error(response, 404, 'NoSuchKey', 'The specified key does not exist.');
		return 404;
	}
	const info = clipFileInfo(clip);
	response.writeHead(200, { 'Content-Type': info.contentType, 'Content-Length': String(info.size), ETag: `"${info.sha256.slice(0, 32)}"` });
	const stream = clipFileStream(clip);
	if (fault?.resetAfterBytes !== undefined) {
		const limit = fault.resetAfterBytes;
		let sent = 0;
		stream.on('data', (chunk: Buffer) => {
			sent += chunk.length;
			if (sent >= limit) response.socket?.destroy();
		});
	}
	stream.pipe(response);
	return 200;
}

async function handleUploadHost(context: EmulatorContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
	const url = new URL(request.url ?? '/', 'http://upload');
	const method = request.method ?? 'GET';
	const path = url.pathname;
	const logged = context.journal.record({ host: 'upload', method, path, query: queryObject(url.searchParams), headers: request.headers });
	const fault = context.faults.take('upload', method, path);
	if (fault?.delayMs) await new Promise((resolve) => context.timers.after(fault.delayMs as number, () => resolve(undefined)));
	if (fault?.resetConnection) return void request.socket.destroy();
	const respond = (status: number, code: string, message: string): void => {
		logged.status = status;
		sendS3Error(response, status, code, message);
	};
	if (fault?.status) return respond(fault.status, S3_CODES[fault.status] ?? 'InternalError', 'Injected fault');
	const credential = carriesApiCredentials(request, url.searchParams);
	if (credential) {
		return respond(400, 'InvalidArgument', `Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified (found ${credential})`);
	}
	const upload = /^\/uploads\/([a-z0-9]+)$/.exec(path);
	const clipFile = /^\/clips\/([^/]+)\/(\d+)\.mp4$/.exec(path);
	if (!(upload && method === 'PUT') && !(clipFile && method === 'GET')) {
		return respond(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
	}
	const signature = context.signer.verify(method, path, url.searchParams);
	if (signature !== 'valid') return respond(403, ...SIGNATURE_ERRORS[signature]);
	if (clipFile) {
		logged.status = handleClipFile(context, clipFile[1], Number(clipFile[2]), response, fault);
		return;
	}
	const refused = handlePut(context, (upload as RegExpExecArray)[1], request, response, logged, fault);
	if (refused) logged.status = refused;
}

export function createUploadServer(context: EmulatorContext): Server {
	return createServer((request, response) => {
		handleUploadHost(context, request, response).catch((error: Error) => {
			if (!response.headersSent) sendS3Error(response, 500, 'InternalError', `Emulator bug: ${error.message}`);
		});
	});
}
