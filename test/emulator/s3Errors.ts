import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** S3's error document, as the upload host of the real service (S3 presigned URLs) returns it. */
export function sendS3Error(response: ServerResponse, status: number, code: string, message: string): void {
	const body =
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		`<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`;
	// Connection: close — the request body may be gigabytes we refuse to read.
	response.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).end(body);
}

export const S3_CODES: Record<number, string> = {
	400: 'BadRequest',
	403: 'AccessDenied',
	404: 'NoSuchKey',
	500: 'InternalError',
	503: 'SlowDown',
};
