import { startEmulator, type Emulator } from './index';
import { api, attributes, prepareUpload, rawRequest } from './testSupport';

describe('emulator fault injection', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ processingDelayMs: Infinity });
	});
	afterAll(() => emulator.close());
	beforeEach(() => emulator.control.reset());

	it('answers injected 429s with the spec body and Retry-After, `times` times', async () => {
		await emulator.control.injectFault({ path: '^/api/v1/medias$', status: 429, retryAfter: 7, times: 2 });
		for (let i = 0; i < 2; i++) {
			const limited = await api(emulator, 'GET', '/api/v1/medias');
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('7');
			expect(limited.body).toEqual({
				errors: [{ detail: 'You have exceeded the maximum number of requests in the current window. Please try again later.', status: '429', title: 'Too Many Requests' }],
			});
		}
		expect((await api(emulator, 'GET', '/api/v1/medias')).status).toBe(200);
		expect(await emulator.control.faults()).toEqual([]);
		expect((await emulator.control.requests()).map((r) => r.status)).toEqual([429, 429, 200]);
	});

	it('matches the method and leaves other requests alone', async () => {
		await emulator.control.injectFault({ method: 'POST', path: '^/api/v1/clips', status: 503 });
		expect((await api(emulator, 'GET', '/api/v1/clips')).status).toBe(200);
		const unavailable = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'x', media_id: 'm', start_time: 0, end_time: 1 }) });
		expect(unavailable.status).toBe(503);
		expect(unavailable.headers.get('retry-after')).toBe('1');
		expect(unavailable.body.errors[0]).toMatchObject({ status: '503', title: 'Service Unavailable' });
	});

	it('resets the connection', async () => {
		await emulator.control.injectFault({ path: '^/api/v1/medias', resetConnection: true });
		await expect(fetch(`${emulator.url}/api/v1/medias`, { headers: { Authorization: `Bearer ${emulator.apiKey}` } })).rejects.toThrow();
		const [logged] = await emulator.control.requests();
		expect(logged.status).toBeNull();
		expect((await api(emulator, 'GET', '/api/v1/medias')).status).toBe(200);
	});

	it('delays a response', async () => {
		await emulator.control.injectFault({ path: '^/api/v1/direct_uploads$', delayMs: 150 });
		const started = Date.now();
		expect((await api(emulator, 'GET', '/api/v1/direct_uploads')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('injects S3-style errors on the upload host', async () => {
		const { uploadUrl } = await prepareUpload(emulator);
		await emulator.control.injectFault({ host: 'upload', path: '^/uploads/', status: 503 });
		const slowDown = await rawRequest(uploadUrl, { method: 'PUT', body: Buffer.from('abc') });
		expect(slowDown.status).toBe(503);
		expect(slowDown.body).toContain('<Code>SlowDown</Code>');
		expect((await rawRequest(uploadUrl, { method: 'PUT', body: Buffer.from('abc') })).status).toBe(200);
	});

	it('refuses an invalid path regex at injection time and clears faults', async () => {
		await expect(emulator.control.injectFault({ path: '(' })).rejects.toThrow(/400/);
		await emulator.control.injectFault({ path: '.*', status: 500, times: 5 });
		expect(await emulator.control.faults()).toHaveLength(1);
		await emulator.control.clearFaults();
		expect((await api(emulator, 'GET', '/api/v1/medias')).status).toBe(200);
	});
});
