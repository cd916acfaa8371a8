import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { startEmulator, type Emulator } from './index';
import { api, prepareUpload, rawRequest } from './testSupport';

describe('emulator upload host', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(() => emulator.close());
	beforeEach(() => emulator.control.reset());

	it('hands out S3-shaped presigned URLs on its own port', async () => {
		const response = await api(emulator, 'GET', '/api/v1/direct_uploads');
		expect(response.status).toBe(200);
		const { data } = response.body;
		expect(data.type).toBe('direct_upload_blobs');
		expect(typeof data.id).toBe('string');
		expect(data.attributes.upload_id).toMatch(/^[A-Za-z0-9+/=]+--[0-9a-f]{40}$/);
		const url = new URL(data.attributes.upload_url);
		expect(url.origin).toBe(emulator.uploadUrl);
		expect(url.origin).not.toBe(emulator.url);
		expect(url.pathname).toMatch(/^\/uploads\/[a-z0-9]{32}$/);
		expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
		expect(url.searchParams.get('X-Amz-Expires')).toBe('604800');
		expect(url.searchParams.get('X-Amz-Date')).toMatch(/^\d{8}T\d{6}Z$/);
		expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('hashes the uploaded bytes and records size and content type', async () => {
		const { uploadUrl } = await prepareUpload(emulator);
		const bytes = Buffer.alloc(300_000, 7);
		const response = await fetch(uploadUrl, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'video/mp4' } });
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');
		const [upload] = await emulator.control.uploads();
		expect(upload).toMatchObject({ uploaded: true, bytes: 300_000, contentType: 'video/mp4', sha256: createHash('sha256').update(bytes).digest('hex') });
		const logged = (await emulator.control.requests()).find((r) => r.host === 'upload');
		expect(logged).toMatchObject({ method: 'PUT', status: 200, bytes: 300_000 });
	});

	it('streams a large upload through without holding it', async () => {
		const { uploadUrl } = await prepareUpload(emulator);
		const chunk = Buffer.alloc(1024 * 1024, 1);
		const chunks = 48;
		const expected = createHash('sha256');
		for (let i = 0; i < chunks; i++) expected.update(chunk);
		const status = await new Promise<number>((resolve, reject) => {
			const request = httpRequest(uploadUrl, { method: 'PUT', headers: { 'Content-Length': chunk.length * chunks } }, (response) => {
				response.resume();
				resolve(response.statusCode ?? 0);
			});
			request.on('error', reject);
			let sent = 0;
			const writeMore = (): void => {
				while (sent < chunks) {
					sent += 1;
					if (!request.write(chunk)) return void request.once('drain', writeMore);
				}
				request.end();
			};
			writeMore();
		});
		expect(status).toBe(200);
		expect((await emulator.control.uploads())[0]).toMatchObject({ uploaded: true, bytes: chunk.length * chunks, sha256: expected.digest('hex') });
	});

	it.each([
		['an Authorization header', { Authorization: 'Bearer cg_test_key' }, ''],
		['an X-API-KEY header', { 'X-API-KEY': 'cg_test_key' }, ''],
		['an api_key query parameter', {}, '&api_key=cg_test_key'],
	])('refuses a PUT carrying %s with an S3 error (400)', async (_name, headers, extraQuery) => {
		const { uploadUrl } = await prepareUpload(emulator);
		const response = await rawRequest(`${uploadUrl}${extraQuery}`, { method: 'PUT', headers, body: Buffer.from('abc') });
		expect(response.status).toBe(400);
		expect(response.body).toContain('<Code>InvalidArgument</Code>');
		expect(response.body).toContain('Only one auth mechanism allowed');
		expect((await emulator.control.uploads())[0].uploaded).toBe(false);
	});

	it('refuses a chunked PUT without Content-Length (411)', async () => {
		const { uploadUrl } = await prepareUpload(emulator);
		const response = await rawRequest(uploadUrl, { method: 'PUT', body: Buffer.from('abcdef'), chunked: true });
		expect(response.status).toBe(411);
		expect(response.body).toContain('<Code>MissingContentLength</Code>');
	});

	it('refuses a declared size above 5 GiB before reading the body', async () => {
		const { uploadUrl } = await prepareUpload(emulator);
		const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
			// Only the headers are sent: the answer must come without any body byte.
			const request = httpRequest(uploadUrl, { method: 'PUT', headers: { 'Content-Length': String(5 * 1024 ** 3 + 1) } }, (res) => {
				let body = '';
				res.on('data', (chunk: Buffer) => (body += String(chunk)));
				res.on('end', () => {
					request.destroy();
					resolve({ status: res.statusCode ?? 0, body });
				});
			});
			request.on('error', reject);
			request.flushHeaders();
		});
		expect(response.status).toBe(400);
		expect(response.body).toContain('<Code>EntityTooLarge</Code>');
	});

	it('refuses a tampered signature and an expired URL (403)', async () => {
		const { uploadUrl } = await prepareUpload(emulator);
		const tampered = uploadUrl.replace(/X-Amz-Signature=[0-9a-f]/, (m) => (m.endsWith('0') ? `${m.slice(0, -1)}1` : `${m.slice(0, -1)}0`));
		const bad = await rawRequest(tampered, { method: 'PUT', body: Buffer.from('abc') });
		expect(bad.status).toBe(403);
		expect(bad.body).toContain('<Code>SignatureDoesNotMatch</Code>');

		const shortLived = await startEmulator({ uploadUrlTtlSeconds: 0 });
		try {
			const { uploadUrl: expiredUrl } = await prepareUpload(shortLived);
			const expired = await rawRequest(expiredUrl, { method: 'PUT', body: Buffer.from('abc') });
			expect(expired.status).toBe(403);
			expect(expired.body).toContain('Request has expired');
		} finally {
			await shortLived.close();
		}
	});

	it('leaves the blob not uploaded when the connection resets mid-upload', async () => {
		const { uploadUrl, uploadId } = await prepareUpload(emulator);
		await emulator.control.injectFault({ host: 'upload', method: 'PUT', path: '^/uploads/', resetAfterBytes: 64 * 1024 });
		await expect(fetch(uploadUrl, { method: 'PUT', body: Buffer.alloc(1024 * 1024) })).rejects.toThrow();
		expect((await emulator.control.uploads())[0]).toMatchObject({ uploaded: false, sha256: null });
		const media = await api(emulator, 'POST', '/api/v1/medias', { body: { data: { attributes: { upload_id: uploadId } } } });
		expect(media.status).toBe(422);
		expect(media.body.errors[0].source).toEqual({ pointer: '/data/attributes/upload_id' });
	});

	it('answers 405 to methods other than PUT on uploads', async () => {
		const { uploadUrl } = await prepareUpload(emulator);
		expect((await rawRequest(uploadUrl, { method: 'GET' })).status).toBe(405);
	});
});
