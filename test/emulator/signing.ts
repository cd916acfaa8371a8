import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'expired' | 'mismatch';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const CREDENTIAL = 'EMULATORACCESSKEY/us-east-1/s3/aws4_request';

function amzDate(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string): number {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	if (!match) return NaN;
	const [, y, mo, d, h, mi, s] = match;
	return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
}

/**
 * S3-shaped presigned URLs: the query looks like SigV4, but the signature is a plain HMAC over
 * method, path, date and expiry with a per-emulator secret (nothing here needs real SigV4).
 */
export class UrlSigner {
	private readonly secret = randomBytes(32);

	private signature(method: string, path: string, date: string, expires: string): string {
		return createHmac('sha256', this.secret).update([method.toUpperCase(), path, date, expires, CREDENTIAL].join('\n')).digest('hex');
	}

	sign(baseUrl: string, method: string, path: string, ttlSeconds: number): string {
		const date = amzDate(new Date());
		const expires = String(ttlSeconds);
		const query = new URLSearchParams({
			'X-Amz-Algorithm': ALGORITHM,
			'X-Amz-Credential': CREDENTIAL,
			'X-Amz-Date': date,
			'X-Amz-Expires': expires,
			'X-Amz-SignedHeaders': 'host',
			'X-Amz-Signature': this.signature(method, path, date, expires),
		});
		return `${baseUrl}${path}?${query.toString()}`;
	}

	verify(method: string, path: string, query: URLSearchParams): SignatureCheck {
		const date = query.get('X-Amz-Date');
		const expires = query.get('X-Amz-Expires');
		const given = query.get('X-Amz-Signature');
		if (!date || !expires || !given || query.get('X-Amz-Algorithm') !== ALGORITHM) return 'missing';
		const expected = Buffer.from(this.signature(method, path, date, expires));
		const actual = Buffer.from(given);
		if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'mismatch';
		const signedAt = parseAmzDate(date);
		return Date.now() >= signedAt + Number(expires) * 1000 ? 'expired' : 'valid';
	}
}
